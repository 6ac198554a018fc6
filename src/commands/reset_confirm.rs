//! `authctl reset-confirm`: Django's `PasswordResetConfirmView`.

use super::{Ctx, Status};
use crate::cli::ResetConfirmArgs;
use crate::prompt;
use authctl::error::{Error, Result};
use serde_json::json;

/// `UIDB64 TOKEN`, or a reset link whose last two path segments are those.
fn parse_token(parts: &[String]) -> Result<(String, String)> {
    let usage = || Error::usage("give UIDB64 TOKEN, or the reset link from the email").into();
    match parts {
        [uidb64, token] => Ok((uidb64.clone(), token.clone())),
        [link] => {
            let path = link.split(['?', '#']).next().unwrap_or(link);
            let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            match segments.as_slice() {
                [.., uidb64, token] if link.contains('/') => {
                    Ok((uidb64.to_string(), token.to_string()))
                }
                _ => Err(usage()),
            }
        }
        _ => Err(usage()),
    }
}

pub fn run(ctx: &Ctx, args: ResetConfirmArgs) -> Result<Status> {
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
