//! `authctl users set-password NAME`: Django's `changepassword`.

use super::super::{Ctx, Status};
use crate::cli::UsersSetPasswordArgs;
use crate::prompt;
use authctl::accounts::Accounts;
use authctl::error::{Error, Result};
use authctl::store::User;
use serde_json::json;

/// Django's `changepassword` gives up after this many tries.
const MAX_TRIES: usize = 3;

pub fn run(ctx: &Ctx, args: UsersSetPasswordArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let username = accounts.user(&args.username)?.username;
    if args.hash {
        return set_hash(ctx, &mut accounts, &username, &args);
    }
    let user = match ctx.password_lines(&args.password, 1)? {
        Some(mut lines) => {
            accounts.set_password(&username, &lines.remove(0), args.skip_validation)?
        }
        None if ctx.interactive => {
            ctx.printer
                .say(&format!("Changing password for user '{username}'"));
            let mut tries = 0;
            loop {
                tries += 1;
                let result = match prompt::twice("Password: ", "Password (again): ")? {
                    // Django's changepassword gives up on an empty answer.
                    Some(password) if password.is_empty() => {
                        return Err(Error::Cancelled("aborted".into()));
                    }
                    Some(password) => {
                        accounts.set_password(&username, &password, args.skip_validation)
                    }
                    None => Err(Error::form("Passwords do not match. Please try again.")),
                };
                match result {
                    Ok(user) => break user,
                    Err(err @ Error::Form(_)) => {
                        ctx.printer.say(&err.messages().join("\n"));
                        if tries == MAX_TRIES {
                            return Err(Error::Invalid(format!(
                                "Aborting password change for user '{username}' after {MAX_TRIES} attempts"
                            )));
                        }
                    }
                    Err(err) => return Err(err),
                }
            }
        }
        None => return Err(ctx.missing("password", "--password-stdin or --password-file")),
    };
    changed(ctx, &user);
    Ok(Status::Success)
}

fn changed(ctx: &Ctx, user: &User) {
    ctx.printer.result(
        &format!("Password changed successfully for user '{}'", user.username),
        json!({"id": user.id, "username": user.username}),
    );
}

/// `--hash`: one encoded hash, from the same sources as a password.
fn set_hash(
    ctx: &Ctx,
    accounts: &mut Accounts,
    username: &str,
    args: &UsersSetPasswordArgs,
) -> Result<Status> {
    let hash = match ctx.password_lines(&args.password, 1)? {
        Some(mut lines) => lines.remove(0),
        None if ctx.interactive => prompt::hidden("Hash: ")?,
        None => return Err(ctx.missing("hash", "--password-stdin or --password-file")),
    };
    let (user, warning) = accounts.set_password_hash(username, &hash)?;
    if let Some(warning) = warning {
        ctx.printer.warn(&warning);
    }
    changed(ctx, &user);
    Ok(Status::Success)
}
