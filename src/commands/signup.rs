//! `authctl signup`: a regular active user, with `UserCreationForm`'s rules.

use super::{Ctx, Status};
use crate::cli::SignupArgs;
use crate::prompt;
use authctl::accounts::signup::Request;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: SignupArgs) -> Result<Status> {
    let username = ctx.value_or_prompt(args.username, "Username: ", "username", "--username")?;
    let password = ctx.one_password(&args.password, || {
        // On a terminal, a bad or taken name is said before anyone types a password (when the
        // database exists; a new one has no names to take).
        if let Ok(mut accounts) = ctx.accounts() {
            accounts.check_signup_username(&username)?;
        }
        prompt::new_password("Password: ", "Password confirmation: ")
    })?;
    let mut accounts = ctx.accounts_or_new()?;
    let user = accounts.signup(Request {
        username,
        email: args.email,
        first_name: args.first_name,
        last_name: args.last_name,
        password: Some(password),
    })?;
    ctx.printer.result(
        &format!("User {} created.", user.username),
        json!({"id": user.id, "username": user.username, "email": user.email}),
    );
    Ok(Status::Success)
}
