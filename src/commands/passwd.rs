//! `authctl passwd`: Django's `PasswordChangeView` for the logged-in user.

use super::{Ctx, Status};
use crate::cli::{PasswdArgs, PasswordSource};
use crate::prompt;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: PasswdArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let mut accounts = ctx.accounts()?;
    let path = &ctx.settings.session_file;
    // Fail before asking for anything when there is no session to change a password in.
    accounts.current(path)?;
    let source = PasswordSource {
        password_stdin: args.password_stdin,
        password_file: args.password_file,
    };
    let (old, new) = match ctx.password_lines(&source, 2)? {
        Some(mut lines) => {
            let new = lines.remove(1);
            (lines.remove(0), new)
        }
        None if ctx.interactive => {
            let old = prompt::hidden("Old password: ")?;
            (
                old,
                prompt::new_password("New password: ", "New password confirmation: ")?,
            )
        }
        None => {
            return Err(ctx.missing(
                "old and new passwords",
                "--password-stdin or --password-file (two lines: old, new)",
            ));
        }
    };
    let user = accounts.change_password(path, &old, &new)?;
    ctx.printer.result(
        "Your password was changed.",
        json!({"id": user.id, "username": user.username}),
    );
    Ok(Status::Success)
}
