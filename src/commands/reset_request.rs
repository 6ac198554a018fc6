//! `authctl reset-request`: Django's `PasswordResetView`, by email.

use super::{Ctx, Status};
use crate::cli::ResetRequestArgs;
use authctl::error::Result;
use authctl::mail::backend::{Delivered, Mailer};
use authctl::mail::{self, Site};
use serde_json::json;

/// Django's `password_reset_done.html`, shown whether or not an account matched.
const REQUESTED: &str = "We\u{2019}ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly.";

pub fn run(ctx: &Ctx, args: ResetRequestArgs) -> Result<Status> {
    let email = ctx.value_or_prompt(args.email, "Email: ", "email address", "--email")?;
    let accounts = ctx.accounts()?;
    let settings = &ctx.settings;
    // Everything that can fail for every address alike is done before anyone is looked up:
    // from here on, nothing may change the output or exit status depending on who matched.
    let mailer = Mailer::new(&settings.email)?;
    let resets = accounts.reset_request(&email)?;
    let site = Site {
        site_name: &settings.site_name,
        from: &mailer.from,
        reset_url: settings.reset_url.as_deref(),
    };
    let mut messages = Vec::new();
    for reset in &resets {
        match mail::message(&site, reset) {
            Ok(message) => messages.push(message),
            Err(err) => ctx
                .printer
                .detail(&format!("no reset email for one user: {err:#}")),
        }
    }
    match mailer.send(&messages)? {
        Delivered::Console(text) => ctx.printer.passthrough(&text),
        Delivered::Done { refused } => {
            for reason in refused {
                ctx.printer
                    .detail(&format!("the mail server refused a reset email: {reason}"));
            }
        }
    }
    ctx.printer.result(REQUESTED, json!({"requested": true}));
    Ok(Status::Success)
}
