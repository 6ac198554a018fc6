//! `authctl reset-request` and `authctl reset-confirm`: Django's password reset by email.

use super::{Ctx, Status};
use crate::cli::{ResetConfirmArgs, ResetRequestArgs};
use crate::prompt;
use authctl::error::{Error, Result};
use authctl::mail::backend::{Delivered, Mailer};
use authctl::mail::{self, Site};
use serde_json::json;

/// Django's `password_reset_done.html`, shown whether or not an account matched.
const REQUESTED: &str = "We\u{2019}ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly.";

pub fn request(ctx: &Ctx, args: ResetRequestArgs) -> Result<Status> {
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

/// `UIDB64 TOKEN`, or a reset link whose last two path segments are those.
fn parse_token(parts: &[String]) -> Result<(String, String)> {
    match parts {
        [uidb64, token] => Ok((uidb64.clone(), token.clone())),
        [link] => {
            let path = link.split(['?', '#']).next().unwrap_or(link);
            let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            match segments.as_slice() {
                [.., uidb64, token] if link.contains('/') => {
                    Ok((uidb64.to_string(), token.to_string()))
                }
                _ => {
                    Err(Error::usage("give UIDB64 TOKEN, or the reset link from the email").into())
                }
            }
        }
        _ => Err(Error::usage("give UIDB64 TOKEN, or the reset link from the email").into()),
    }
}

pub fn confirm(ctx: &Ctx, args: ResetConfirmArgs) -> Result<Status> {
    let (uidb64, token) = parse_token(&args.token)?;
    let mut accounts = ctx.accounts()?;
    // A bad link is reported before anyone types a new password.
    accounts.check_reset(&uidb64, &token)?;
    let password = ctx.one_password(&args.password, || {
        prompt::new_password("New password: ", "New password confirmation: ")
    })?;
    let user = accounts.reset_confirm(&uidb64, &token, &password)?;
    ctx.printer.result(
        "Your password has been set. You may go ahead and log in now.",
        json!({"id": user.id, "username": user.username}),
    );
    Ok(Status::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn token_comes_from_two_arguments_or_a_link() {
        let want = ("MQ".to_string(), "abc-def".to_string());
        assert_eq!(parse_token(&parts(&["MQ", "abc-def"])).unwrap(), want);
        assert_eq!(
            parse_token(&parts(&["https://example.com/accounts/reset/MQ/abc-def/"])).unwrap(),
            want
        );
        assert_eq!(
            parse_token(&parts(&["https://example.com/reset/MQ/abc-def?x=1"])).unwrap(),
            want
        );
        assert!(parse_token(&parts(&["MQ"])).is_err());
    }
}
