//! `authctl reset-request`: Django's `PasswordResetView`, by email.

use super::{Ctx, Status};
use crate::cli::ResetRequestArgs;
use crate::platform;
use authctl::accounts::reset::Requested;
use authctl::error::Result;
use serde_json::json;

/// Django's `password_reset_done.html`, shown whether or not an account matched.
const REQUESTED: &str = "We\u{2019}ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly.";

pub fn run(ctx: &Ctx, args: ResetRequestArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let email = ctx.value_or_prompt(args.email, "Email: ", "email address", "--email")?;
    let mut accounts = ctx.accounts()?;
    let settings = &ctx.settings;
    if let Some(warning) = accounts.site_key_warning(&settings.reset_site())? {
        ctx.printer.warn(&warning);
    }
    match accounts.request_reset(&email, &settings.mail, &settings.reset_site())? {
        Requested::Printed { text, skipped } => {
            ctx.printer.passthrough(&text);
            for reason in skipped {
                ctx.printer.detail(&reason);
            }
        }
        // The sender is started for every request alike; if it cannot start, the email waits
        // for `authctl mail flush`, and the answer is the same.
        Requested::Queued if settings.mail.background_sender => {
            let database = std::ffi::OsStr::new(&settings.database_text);
            let mut vars = vec![("AUTHCTL_DATABASE", database)];
            if let Some(config) = &ctx.config_flag {
                vars.push(("AUTHCTL_CONFIG", config.as_os_str()));
            }
            if let Err(e) = platform::spawn_detached(&["mail", "flush", "--background"], &vars) {
                ctx.printer.detail(&format!(
                    "cannot start the mail sender ({e}); run authctl mail flush"
                ));
            }
        }
        Requested::Queued => {}
    }
    ctx.printer.result(REQUESTED, json!({"requested": true}));
    Ok(Status::Success)
}
