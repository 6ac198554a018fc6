//! `authctl verify --serve`: one answer per request line, for as long as standard input stays
//! open, with the database opened once — Squid's basic-auth helper protocol, or plain lines.
//!
//! Each request is the same check as `verify` (lockout, events, the same work for unknown
//! users). A request that cannot be checked (the database went away) is answered `BH`, and the
//! database is opened again for the next one.

use super::{Ctx, Status, open_for_checks};
use crate::cli::{RequirementArgs, ServeProtocol};
use authctl::accounts::Accounts;
use authctl::accounts::auth::Purpose;
use authctl::accounts::perms::Requirements;
use authctl::error::{Family, IoContext, Result};
use authctl::secret::Secret;
use std::io::{BufRead, Write};
use zeroize::Zeroizing;

/// The longest request line read; a longer one is refused and skipped.
const MAX_LINE: usize = 64 * 1024;

pub fn run(ctx: &Ctx, protocol: ServeProtocol, args: &RequirementArgs) -> Result<Status> {
    let mut input = std::io::stdin().lock();
    let mut output = std::io::stdout().lock();
    let mut open: Option<(Accounts, Requirements)> = None;
    let mut line = Zeroizing::new(Vec::new());
    loop {
        line.clear();
        let complete = match read_line(&mut input, &mut line)? {
            None => break,
            Some(complete) => complete,
        };
        let (channel, reply) = match parse(protocol, &line) {
            _ if !complete => (None, Reply::Malformed("the request is too long")),
            Request::Check {
                channel,
                username,
                password,
            } => (channel, check(ctx, args, &mut open, &username, &password)),
            Request::Malformed { channel, why } => (channel, Reply::Malformed(why)),
        };
        if let Reply::Malformed(why) = &reply {
            ctx.printer.detail(&format!("refused a request: {why}"));
        }
        let prefix = channel.map(|c| format!("{c} ")).unwrap_or_default();
        writeln!(output, "{prefix}{}", reply.text(protocol))
            .and_then(|()| output.flush())
            .context(|| "cannot answer on standard output".to_string())?;
    }
    Ok(Status::Success)
}

/// One line into `line`, without its end: `None` at the end of input, `Some(false)` when the
/// line was longer than [`MAX_LINE`] (the rest of it is read and dropped).
fn read_line<R: BufRead>(input: &mut R, line: &mut Vec<u8>) -> Result<Option<bool>> {
    fn read<R: BufRead>(input: &mut R, line: &mut Vec<u8>, limit: usize) -> Result<usize> {
        std::io::Read::take(input, limit as u64)
            .read_until(b'\n', line)
            .context(|| "cannot read standard input".to_string())
    }
    if read(input, line, MAX_LINE + 1)? == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(Some(true));
    }
    if line.len() <= MAX_LINE {
        // The last line, with no newline after it.
        return Ok(Some(true));
    }
    let mut rest = Zeroizing::new(Vec::new());
    loop {
        rest.clear();
        if read(input, &mut rest, MAX_LINE)? == 0 || rest.last() == Some(&b'\n') {
            return Ok(Some(false));
        }
    }
}

enum Request {
    Check {
        channel: Option<String>,
        username: String,
        password: Secret,
    },
    Malformed {
        channel: Option<String>,
        why: &'static str,
    },
}

/// Squid: `[channel-ID ]username password`, both URL-escaped (a space is `%20`). Lines:
/// `username<TAB>password`, taken as they are.
fn parse(protocol: ServeProtocol, line: &[u8]) -> Request {
    let malformed = |channel: Option<&str>, why| Request::Malformed {
        channel: channel.map(String::from),
        why,
    };
    let Ok(text) = std::str::from_utf8(line) else {
        return malformed(None, "the request is not UTF-8 text");
    };
    match protocol {
        ServeProtocol::Lines => match text.split_once('\t') {
            Some((username, password)) => Request::Check {
                channel: None,
                username: username.to_string(),
                password: Secret::new(password.to_string()),
            },
            None => malformed(None, "expected a username, a tab and a password"),
        },
        ServeProtocol::Squid => {
            let fields: Vec<&str> = text.split(' ').collect();
            let (channel, username, password) = match fields.as_slice() {
                [username, password] => (None, *username, *password),
                [channel, username, password] if channel.bytes().all(|b| b.is_ascii_digit()) => {
                    (Some(*channel), *username, *password)
                }
                // Squid always sends a channel first when its helpers take concurrent requests.
                [channel, ..] if channel.bytes().all(|b| b.is_ascii_digit()) => {
                    return malformed(Some(channel), "expected a username and a password");
                }
                _ => return malformed(None, "expected a username and a password"),
            };
            match (unescape(username), unescape(password)) {
                (Some(username), Some(password)) => Request::Check {
                    channel: channel.map(String::from),
                    username,
                    password: Secret::new(password),
                },
                _ => malformed(channel, "an escaped field is not UTF-8 text"),
            }
        }
    }
}

/// Squid's URL escaping undone (`%XX`; a `+` stays a plus).
fn unescape(field: &str) -> Option<String> {
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(field).collect();
    let bytes = Zeroizing::new(bytes);
    std::str::from_utf8(&bytes).ok().map(str::to_string)
}

enum Reply {
    Valid,
    Denied,
    /// The check could not be made; the reason (never a secret) goes to the caller's log.
    Broken(String),
    Malformed(&'static str),
}

impl Reply {
    fn text(&self, protocol: ServeProtocol) -> String {
        match (self, protocol) {
            (Reply::Valid, _) => "OK".into(),
            (Reply::Denied | Reply::Malformed(_), _) => "ERR".into(),
            (Reply::Broken(why), ServeProtocol::Squid) => {
                format!("BH message=\"{}\"", why.replace(['"', '\\', '\n'], " "))
            }
            (Reply::Broken(_), ServeProtocol::Lines) => "BH".into(),
        }
    }
}

/// One check, on the database opened by an earlier request when it still answers.
fn check(
    ctx: &Ctx,
    args: &RequirementArgs,
    open: &mut Option<(Accounts, Requirements)>,
    username: &str,
    password: &Secret,
) -> Reply {
    if open.is_none() {
        match open_for_checks(ctx, args) {
            Ok(opened) => *open = Some(opened),
            Err(err) => {
                ctx.printer.warn(&err.chain());
                return Reply::Broken(err.chain());
            }
        }
    }
    let (accounts, requirements) = open.as_mut().expect("opened above");
    accounts.set_now(chrono::Utc::now());
    match accounts.authenticate_with(username, password, requirements, Purpose::Check) {
        Ok(auth) => {
            super::report_upgrade(ctx, &auth.upgrade);
            Reply::Valid
        }
        Err(err) if err.family() == Family::Denied => {
            ctx.printer.detail(&format!("{username}: denied"));
            Reply::Denied
        }
        Err(err) => {
            ctx.printer.warn(&err.chain());
            // Opened afresh for the next request: the connection may be what failed.
            *open = None;
            Reply::Broken(err.chain())
        }
    }
}
