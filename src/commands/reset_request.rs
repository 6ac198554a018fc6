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
    // The command in the email must work as written, so it names a database chosen by hand.
    let program = match settings.database_is_default {
        true => "authctl".to_string(),
        false => format!("authctl --database {}", shell_word(&settings.database)),
    };
    let site = Site {
        site_name: &settings.site_name,
        from: &mailer.from,
        reset_url: settings.reset_url.as_deref(),
        program: &program,
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

/// A word the shell reads back unchanged: as it is when plain, else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:-=+@%,".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("/srv/app/db.sqlite3"), "/srv/app/db.sqlite3");
        assert_eq!(shell_word("/tmp/my db"), "'/tmp/my db'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}
