//! `authctl verify`: is this username/password pair valid? Exit 0 or 1, silent by default.
//!
//! The pair comes from the flags and a prompt, or the way a calling program hands it over:
//! a credentials file or standard input (OpenVPN, Apache), PAM's pam_exec, or one request per
//! line for as long as the caller keeps the pipe open (`--serve`, in `serve.rs`).

use super::{Ctx, Status, exact_lines, read_text, report_upgrade};
use crate::cli::VerifyArgs;
use authctl::accounts::auth::{Authenticated, Purpose};
use authctl::error::{Error, Family, IoContext, Result};
use authctl::secret::Secret;
use serde_json::json;

mod serve;

pub fn run(ctx: &Ctx, args: VerifyArgs) -> Result<Status> {
    if let Some(protocol) = args.caller.serve {
        return serve::run(ctx, protocol, &args.requirements);
    }
    let (mut accounts, requirements) = ctx.accounts_requiring(&args.requirements)?;
    let (username, password) = if args.caller.pam {
        match pam_phase(ctx)? {
            PamPhase::Auth(username) => (username, pam_password()?),
            PamPhase::Account(username) => {
                return match accounts.usable_account(&username, &requirements)?.is_some() {
                    true => Ok(Status::Success),
                    false => {
                        ctx.printer.detail("denied: the account cannot log in");
                        Ok(Status::Denied)
                    }
                };
            }
        }
    } else if let Some(path) = &args.caller.credentials_file {
        let origin = format!("credentials file {}", path.display());
        let file = std::fs::File::open(path).context(|| format!("cannot read {origin}"))?;
        username_and_password(&read_text(file, &origin)?, &origin)?
    } else if args.caller.credentials_stdin {
        let text = read_text(std::io::stdin(), "standard input")?;
        username_and_password(&text, "standard input")?
    } else {
        let username = match &args.username_env {
            Some(var) => Some(ctx.vars.get(var).cloned().ok_or_else(|| {
                Error::Usage(format!("--username-env {var}: the variable is not set"))
            })?),
            None => args.username,
        };
        ctx.credentials(&accounts, username, &args.password)?
    };
    let result = accounts.authenticate_with(&username, &password, &requirements, Purpose::Check);
    let caller = &args.caller;
    let called = caller.pam || caller.credentials_file.is_some() || caller.credentials_stdin;
    answer(ctx, &username, result, called)
}

/// Says what a check found: nothing on success (JSON with `--json`, the reason with `-v`),
/// exit 1 on a denial, the error otherwise. For a program that calls out (`called`), a
/// failure that could not be recorded is a warning even without `-v`: it did not count
/// toward a lock, and nobody is at a terminal to notice.
fn answer(
    ctx: &Ctx,
    username: &str,
    result: Result<Authenticated>,
    called: bool,
) -> Result<Status> {
    let printer = &ctx.printer;
    match result {
        Ok(auth) => {
            report_upgrade(ctx, &auth.upgrade);
            printer.detail(&format!("{}: valid", auth.user.username));
            // No text: verify speaks only through its exit status, unless asked for JSON.
            printer.result("", json!({"valid": true, "username": auth.user.username}));
            Ok(Status::Success)
        }
        Err(err) if err.family() == Family::Denied => {
            printer.detail(&format!("denied: {}", err.chain()));
            if let Some(why) = err.why() {
                printer.detail(why);
            }
            if let Some(why) = err.unrecorded().filter(|_| called) {
                printer.warn(&unrecorded(why));
            }
            printer.result("", json!({"valid": false, "username": username}));
            Ok(Status::Denied)
        }
        Err(err) => Err(err),
    }
}

/// The warning for a failed check that could not be recorded.
pub(super) fn unrecorded(why: &str) -> String {
    format!("a failed check could not be recorded, so it does not count toward a lock: {why}")
}

/// The first line the username, the second the password.
fn username_and_password(text: &Secret, origin: &str) -> Result<(String, Secret)> {
    let mut lines = exact_lines(text, 2, origin, "two lines, the username then the password")?;
    let password = lines.pop().expect("two lines");
    let username = lines.pop().expect("two lines").expose().to_string();
    Ok((username, password))
}

/// What pam_exec asks, from the variables it sets.
enum PamPhase {
    Auth(String),
    Account(String),
}

fn pam_phase(ctx: &Ctx) -> Result<PamPhase> {
    let var = |name: &str| ctx.vars.get(name).filter(|v| !v.is_empty());
    let Some(user) = var("PAM_USER").cloned() else {
        return Err(Error::Usage(
            "--pam reads the username from PAM_USER, which is not set (run it from pam_exec)"
                .into(),
        ));
    };
    match var("PAM_TYPE").map(String::as_str) {
        Some("auth") => Ok(PamPhase::Auth(user)),
        Some("account") => Ok(PamPhase::Account(user)),
        other => Err(Error::Usage(format!(
            "--pam answers PAM's auth and account phases, not {} (PAM_TYPE)",
            other.unwrap_or("an unnamed one")
        ))),
    }
}

/// The password pam_exec's `expose_authtok` writes: the whole of standard input, ended by a
/// NUL and no newline.
fn pam_password() -> Result<Secret> {
    let text = read_text(std::io::stdin(), "standard input")?;
    let password = text.expose();
    let password = password.strip_suffix('\0').unwrap_or(password);
    if password.contains('\0') {
        return Err(Error::Usage(
            "standard input holds more than one password (pam_exec writes one, ended by a NUL)"
                .into(),
        ));
    }
    Ok(Secret::new(password.to_string()))
}
