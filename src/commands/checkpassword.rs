//! `authctl checkpassword PROG [ARGS…]`: the checkpassword interface of qmail and Dovecot.
//!
//! The caller writes `username NUL password NUL timestamp NUL` to file descriptor 3. A valid
//! pair runs PROG in place of this process, with `USER` (and `HOME` with `--home`) set; a
//! wrong one exits 1, a check that could not be made 111 (try again later), a misuse 2. It
//! never exits 0 itself: success is PROG's to report. Dovecot's lookups set `AUTHORIZED=1`
//! and send no password: the account need only be usable, PROG is told so with
//! `AUTHORIZED=2`, and an account that is not is exit 3, Dovecot's "no such user".

use super::{Ctx, Status};
use crate::cli::CheckpasswordArgs;
use authctl::accounts::auth::Purpose;
use authctl::error::{Error, Family, Result};
use authctl::secret::Secret;
use std::io::Read;
use std::os::fd::{FromRawFd, RawFd};
use std::os::unix::process::CommandExt;
use zeroize::Zeroizing;

/// The file descriptor the interface hands the credentials on.
const CREDENTIALS_FD: RawFd = 3;
/// The most the interface allows there.
const MAX_CREDENTIALS: usize = 512;
/// The interface's "misused".
const MISUSED: u8 = 2;
/// "Try again later": the check could not be made.
const TEMPORARY_FAILURE: u8 = 111;
/// A lookup's "no such user" (Dovecot).
const NO_SUCH_USER: u8 = 3;

pub fn run(ctx: &Ctx, args: CheckpasswordArgs) -> Result<Status> {
    let (username, password) = credentials()?;
    let authorized = ctx.vars.get("AUTHORIZED").map(String::as_str) == Some("1");
    let err = match check(ctx, &args, &username, &password, authorized) {
        Ok(Some(user)) => exec(&args, &user, authorized),
        Ok(None) if authorized => return Ok(Status::Code(NO_SUCH_USER)),
        Ok(None) => return Ok(Status::Denied),
        // A flag that names no group or permission is misuse too, not "try again later".
        Err(err) if matches!(err.family(), Family::Usage | Family::Invalid) => {
            crate::output::Printer::error(&err.chain());
            return Ok(Status::Code(MISUSED));
        }
        Err(err) => err,
    };
    // Whatever kept the check from being made, the caller may try again later.
    crate::output::Printer::error(&err.chain());
    Ok(Status::Code(TEMPORARY_FAILURE))
}

/// The username and password from file descriptor 3.
fn credentials() -> Result<(String, Secret)> {
    let misused = |why: &str| Error::Usage(format!("checkpassword: {why}"));
    // SAFETY: fcntl only asks whether descriptor 3 is open; it changes nothing.
    if unsafe { nix::libc::fcntl(CREDENTIALS_FD, nix::libc::F_GETFD) } == -1 {
        return Err(misused(
            "file descriptor 3 is not open; the caller writes the username and password there",
        ));
    }
    // SAFETY: descriptor 3 is open (checked above), is not used anywhere else in this
    // program, and is owned (and closed) by this File from here on.
    let file = unsafe { std::fs::File::from_raw_fd(CREDENTIALS_FD) };
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_CREDENTIALS as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| misused(&format!("cannot read file descriptor 3: {e}")))?;
    if bytes.len() > MAX_CREDENTIALS {
        return Err(misused("more than 512 bytes on file descriptor 3"));
    }
    let mut fields = bytes.split(|b| *b == 0);
    let (Some(username), Some(password), Some(_)) = (fields.next(), fields.next(), fields.next())
    else {
        return Err(misused(
            "file descriptor 3 must hold the username and the password, each ended by a NUL",
        ));
    };
    let text = |field: &[u8], what: &str| {
        std::str::from_utf8(field)
            .map(str::to_string)
            .map_err(|_| misused(&format!("the {what} is not UTF-8 text")))
    };
    let username = text(username, "username")?;
    let password = Secret::new(text(password, "password")?);
    Ok((username, password))
}

/// The account's username when the check passes, `None` when it is denied.
fn check(
    ctx: &Ctx,
    args: &CheckpasswordArgs,
    username: &str,
    password: &Secret,
    authorized: bool,
) -> Result<Option<String>> {
    let (mut accounts, requirements) = ctx.accounts_requiring(&args.requirements)?;
    if authorized {
        return Ok(accounts
            .usable_account(username, &requirements)?
            .map(|user| user.username));
    }
    match accounts.authenticate_with(username, password, &requirements, Purpose::Check) {
        Ok(auth) => {
            super::report_upgrade(ctx, &auth.upgrade);
            Ok(Some(auth.user.username))
        }
        Err(err) if err.family() == Family::Denied => {
            ctx.printer.detail(&format!("denied: {}", err.chain()));
            if let Some(why) = err.unrecorded() {
                ctx.printer.warn(&super::verify::unrecorded(why));
            }
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Runs PROG in place of this process; returns only when that fails.
fn exec(args: &CheckpasswordArgs, username: &str, authorized: bool) -> Error {
    let (program, rest) = args.program.split_first().expect("clap requires PROG");
    let mut command = std::process::Command::new(program);
    command.args(rest);
    // What PROG inherits: the caller's environment (Dovecot's reply program checks its
    // ORIG_UID), but not authctl's own settings, which may hold the secret key or the
    // database's password.
    for (name, _) in std::env::vars_os() {
        let name_text = name.to_string_lossy();
        if name_text.starts_with("AUTHCTL_")
            || ["DATABASE_URL", "PGPASSWORD", "HOME"].contains(&name_text.as_ref())
        {
            command.env_remove(&name);
        }
    }
    command.env("USER", username);
    if let Some(home) = args.home.as_deref().and_then(|h| home(h, username)) {
        command.env("HOME", home);
    }
    if authorized {
        command.env("AUTHORIZED", "2");
    }
    let err = command.exec();
    Error::Environment(format!(
        "checkpassword: cannot run {}: {err}",
        program.to_string_lossy()
    ))
}

/// `--home` with the username in place of `{username}`, unless the name could lead out of
/// the directory it is put in.
fn home(template: &str, username: &str) -> Option<String> {
    let safe =
        !username.is_empty() && !username.starts_with('.') && !username.contains(['/', '\0', '\n']);
    match template.contains("{username}") {
        true => safe.then(|| template.replace("{username}", username)),
        false => Some(template.to_string()),
    }
}
