//! `authctl reset-confirm`: Django's `PasswordResetConfirmView`.

use super::{Ctx, Status};
use crate::cli::ResetConfirmArgs;
use crate::prompt;
use authctl::error::{Error, Result};
use authctl::tokens::parse_reset_link;
use serde_json::json;

pub fn run(ctx: &Ctx, args: ResetConfirmArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let (uidb64, token) = parse_reset_link(&args.token).ok_or_else(|| {
        Error::Usage("give UIDB64 TOKEN, or the reset link from the email".into())
    })?;
    let mut accounts = ctx.accounts()?;
    // A bad link is reported before anyone types a new password.
    accounts.check_reset(&uidb64, &token)?;
    let password = ctx.one_password(&args.password, || {
        prompt::new_password("New password: ", "New password confirmation: ")
    })?;
    let user = accounts.confirm_reset(&uidb64, &token, &password)?;
    ctx.printer.result(
        "Your password has been set. You may go ahead and log in now.",
        json!({"id": user.id, "username": user.username}),
    );
    Ok(Status::Success)
}
