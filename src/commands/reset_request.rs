//! `authctl reset-request`: Django's `PasswordResetView`, by email.

use super::{Ctx, Status};
use crate::cli::ResetRequestArgs;
use authctl::error::Result;
use serde_json::json;

/// Django's `password_reset_done.html`, shown whether or not an account matched.
const REQUESTED: &str = "We\u{2019}ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly.";

pub fn run(ctx: &Ctx, args: ResetRequestArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let email = ctx.value_or_prompt(args.email, "Email: ", "email address", "--email")?;
    let mut accounts = ctx.accounts()?;
    let settings = &ctx.settings;
    let requested = accounts.request_reset(&email, &settings.mail, &settings.reset_site())?;
    if let Some(text) = requested.console {
        ctx.printer.passthrough(&text);
    }
    for reason in requested.skipped {
        ctx.printer.detail(&reason);
    }
    ctx.printer.result(REQUESTED, json!({"requested": true}));
    Ok(Status::Success)
}
