//! `authctl verify --serve`: one answer per request line, for as long as standard input stays
//! open, with the database opened once — Squid's basic-auth helper protocol, or plain lines.
//!
//! Each request is the same check as `verify` (lockout, events, the same work for unknown
//! users). A request that cannot be checked (the database is unreachable) is answered `BH`,
//! and the database is opened again for the next one, as it is when its SQLite file was
//! replaced or removed since it was opened.

use super::{Ctx, Status};
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
            _ if !complete => (
                channel_of(protocol, &line),
                Reply::Malformed("the request is too long"),
            ),
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
/// `username<TAB>password`, taken as they are. No field may hold a NUL.
fn parse(protocol: ServeProtocol, line: &[u8]) -> Request {
    let channel = channel_of(protocol, line);
    let malformed = |why| Request::Malformed {
        channel: channel.clone(),
        why,
    };
    let (username, password) = match protocol {
        ServeProtocol::Lines => {
            let Some(tab) = line.iter().position(|b| *b == b'\t') else {
                return malformed("expected a username, a tab and a password");
            };
            (
                Zeroizing::new(line[..tab].to_vec()),
                Zeroizing::new(line[tab + 1..].to_vec()),
            )
        }
        ServeProtocol::Squid => {
            let fields: Vec<&[u8]> = line.split(|b| *b == b' ').collect();
            let skip = usize::from(channel.is_some());
            match &fields[skip..] {
                [username, password] => (unescape(username), unescape(password)),
                _ => return malformed("expected a username and a password"),
            }
        }
    };
    let text = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .filter(|t| !t.contains('\0'))
            .map(str::to_string)
    };
    match (text(&username), text(&password)) {
        (Some(username), Some(password)) => Request::Check {
            channel,
            username,
            password: Secret::new(password),
        },
        _ => malformed("a field is not UTF-8 text, or holds a NUL"),
    }
}

/// Squid's channel-ID: the first of three space-separated fields, when it is all digits
/// (Squid sends one with every request, or with none). Read from the raw line, so that even
/// a request refused as malformed is answered on its channel.
fn channel_of(protocol: ServeProtocol, line: &[u8]) -> Option<String> {
    if protocol != ServeProtocol::Squid {
        return None;
    }
    let mut fields = line.split(|b| *b == b' ');
    let first = fields.next()?;
    let is_channel = !first.is_empty()
        && first.len() <= 20
        && first.iter().all(u8::is_ascii_digit)
        && fields.count() != 1;
    is_channel.then(|| String::from_utf8_lossy(first).into_owned())
}

/// Squid's URL escaping undone (`%XX`; a `+` stays a plus).
fn unescape(field: &[u8]) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(percent_encoding::percent_decode(field).collect())
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
    if open
        .as_ref()
        .is_some_and(|(accounts, _)| accounts.database_replaced())
    {
        *open = None;
    }
    if open.is_none() {
        match ctx.accounts_requiring(args) {
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
            // The name came in a request: escaped, so that it cannot forge a line of the
            // caller's log.
            ctx.printer
                .detail(&format!("{}: denied", username.escape_debug()));
            if let Some(why) = err.unrecorded() {
                ctx.printer.warn(&super::unrecorded(why));
            }
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
