//! `authctl signup`: a regular active user, with `UserCreationForm`'s rules.

use super::{Ctx, Status, ask_fields, login_or_email};
use crate::cli::SignupArgs;
use crate::prompt;
use authctl::accounts::signup::Request;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: SignupArgs) -> Result<Status> {
    let mut accounts = ctx.accounts_or_new()?;
    let model = accounts.model().clone();
    let (username, email) = login_or_email(&model, args.username, Some(args.email))?;
    let label = model.label(&model.login);
    let username = ctx.value_or_prompt(
        username,
        &format!("{label}: "),
        &label.to_lowercase(),
        "--username",
    )?;
    let mut fields = args.fields;
    let password = ctx.one_password(&args.password, || {
        // On a terminal, a bad or taken name is said before anyone types a password, and a
        // custom model's required fields are asked for first, as the form lists them.
        accounts.check_signup_username(&username)?;
        ask_fields(ctx, &model, &mut fields)?;
        prompt::new_password("Password: ", "Password confirmation: ")
    })?;
    let user = accounts.signup(Request {
        username,
        email: email.unwrap_or_default(),
        first_name: args.first_name,
        last_name: args.last_name,
        password: Some(password),
        fields,
    })?;
    ctx.printer.result(
        &format!("User {} created.", user.username),
        json!({"id": user.id, "username": user.username, "email": user.email}),
    );
    Ok(Status::Success)
}
