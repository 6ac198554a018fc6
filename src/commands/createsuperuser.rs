//! `authctl createsuperuser`: Django's prompts on a terminal, flags and `DJANGO_SUPERUSER_*`
//! variables in scripts, and `--if-missing` / `--update` so deploy scripts can rerun it.

use super::{Ctx, Status, ask_fields, ask_until, login_or_email};
use crate::prompt;
use crate::settings::SuperuserSettings;
use authctl::Secret;
use authctl::accounts::Accounts;
use authctl::accounts::superuser::{IfExists, Outcome, Request, check_email, email_problems};
use authctl::error::{Result, messages};
use authctl::store::UserModel;
use serde_json::json;

pub fn run(ctx: &Ctx, args: SuperuserSettings) -> Result<Status> {
    let from_flags = ctx
        .password_lines(&args.password, 1)?
        .map(|mut lines| lines.remove(0));
    // The model decides what is asked for; opening the database creates nothing yet.
    let mut accounts = ctx.accounts_or_new()?;
    let model = accounts.model().clone();
    let (login, email) = login_or_email(&model, args.username.clone(), args.email.clone())?;
    let request = if ctx.interactive {
        match ask(
            ctx,
            &mut accounts,
            &model,
            &args,
            (login, email),
            from_flags,
        )? {
            Ok(request) => request,
            Err(kept) => return report(ctx, Outcome::Unchanged, &kept.username, kept.id),
        }
    } else {
        unattended(ctx, &model, &args, (login, email), from_flags)?
    };
    let (outcome, user) = accounts.create_superuser(request)?;
    report(ctx, outcome, &user.username, user.id)
}

/// `--no-input`: flags, then the `DJANGO_SUPERUSER_*` variables, as Django reads them. Like
/// Django, a new superuser needs every `REQUIRED_FIELDS` value; an existing one being kept or
/// updated does not.
fn unattended(
    ctx: &Ctx,
    model: &UserModel,
    args: &SuperuserSettings,
    (login, email): (Option<String>, Option<String>),
    password: Option<Secret>,
) -> Result<Request> {
    let login_variable = SuperuserSettings::env_name(&model.login);
    let username = login
        .or_else(|| args.env_value(&model.login))
        .ok_or_else(|| {
            ctx.missing(
                &model.label(&model.login).to_lowercase(),
                &format!("--username or {login_variable}"),
            )
        })?;
    let new = args.if_exists == IfExists::Fail;
    let mut email = email.filter(|e| !e.is_empty());
    let mut fields = args.fields.clone();
    for column in &model.required {
        if *column == model.login {
            continue;
        }
        if Some(column) == model.email.as_ref() {
            email = email.or_else(|| args.env_value(column).filter(|e| !e.is_empty()));
            if email.is_none() && new {
                return Err(ctx.missing(
                    &model.label(column).to_lowercase(),
                    &format!("--email or {}", SuperuserSettings::env_name(column)),
                ));
            }
        } else if !fields.iter().any(|(name, _)| name == column) {
            match args.env_value(column) {
                Some(value) => fields.push((column.clone(), value)),
                None if new => {
                    return Err(ctx.missing(
                        &model.label(column).to_lowercase(),
                        &format!(
                            "--field {column}=VALUE or {}",
                            SuperuserSettings::env_name(column)
                        ),
                    ));
                }
                None => {}
            }
        }
    }
    Ok(Request {
        username,
        email: email.unwrap_or_default(),
        password: password.or_else(|| args.env_password.clone()),
        skip_validation: args.skip_validation,
        if_exists: args.if_exists,
        fields,
    })
}

fn report(ctx: &Ctx, outcome: Outcome, username: &str, id: i64) -> Result<Status> {
    let (text, status) = match outcome {
        Outcome::Created => ("Superuser created successfully.".to_string(), "created"),
        Outcome::Unchanged => (
            format!("Superuser {username} already exists; nothing changed."),
            "unchanged",
        ),
        Outcome::Updated => (format!("Superuser {username} updated."), "updated"),
    };
    let json = json!({"status": status, "id": id, "username": username});
    ctx.printer.result(&text, json);
    Ok(Status::Success)
}

/// Django's prompts, for whatever the flags did not give: the login, then each of
/// `REQUIRED_FIELDS` (and any column a new row cannot do without), then the password;
/// `Err(user)` when `--if-missing` keeps an existing superuser.
fn ask(
    ctx: &Ctx,
    accounts: &mut Accounts,
    model: &UserModel,
    args: &SuperuserSettings,
    (login, email): (Option<String>, Option<String>),
    from_flags: Option<Secret>,
) -> Result<Result<Request, authctl::store::User>> {
    let username = match login {
        Some(name) => name,
        None => ask_username(ctx, accounts, model, args)?,
    };
    if let Some(kept) = accounts.superuser_precheck(&username, args.if_exists)? {
        return Ok(Err(kept));
    }
    let email_column = model.email.as_ref().filter(|_| !model.login_is_email());
    let email = match (email, email_column) {
        (Some(email), _) => {
            check_email(&email)?;
            email
        }
        (None, Some(column)) if model.required.contains(column) => {
            let question = format!("{}: ", model.label(column));
            ask_until(ctx, &question, |answer| Ok(email_problems(answer)))?
        }
        (None, _) => String::new(),
    };
    let mut fields = args.fields.clone();
    ask_fields(ctx, model, &mut fields)?;
    // A password typed at the prompt has been through the validators already, and the person
    // chose whether to bypass them; one from --password-file has not.
    let (password, skip_validation) = match from_flags {
        Some(password) => (password, args.skip_validation),
        None => (ask_password(ctx, accounts, &username, &email, args)?, true),
    };
    Ok(Ok(Request {
        username,
        email,
        password: Some(password),
        skip_validation,
        if_exists: args.if_exists,
        fields,
    }))
}

fn ask_username(
    ctx: &Ctx,
    accounts: &mut Accounts,
    model: &UserModel,
    args: &SuperuserSettings,
) -> Result<String> {
    let default = accounts.default_superuser_name(args.login_name.as_deref())?;
    let label = model.label(&model.login);
    let question = match &default {
        Some(name) => format!("{label} (leave blank to use '{name}'): "),
        None => format!("{label}: "),
    };
    let answer = ask_until(ctx, &question, |answer| {
        let name = match (answer, &default) {
            ("", Some(name)) => name.as_str(),
            (answer, _) => answer,
        };
        // An existing name is an answer only when the flags say what to do with it.
        Ok(accounts
            .superuser_username_problem(name, args.if_exists)?
            .into_iter()
            .collect())
    })?;
    Ok(match (answer.is_empty(), default) {
        (true, Some(name)) => name,
        _ => answer,
    })
}

fn ask_password(
    ctx: &Ctx,
    accounts: &Accounts,
    username: &str,
    email: &str,
    args: &SuperuserSettings,
) -> Result<Secret> {
    loop {
        let Some(password) = prompt::twice("Password: ", "Password (again): ")? else {
            ctx.printer.say("Error: Your passwords didn't match.");
            continue;
        };
        if password.is_blank() {
            ctx.printer
                .say(&format!("Error: {}", messages::BLANK_PASSWORD));
            continue;
        }
        let problems = match args.skip_validation {
            true => Vec::new(),
            false => accounts.superuser_password_problems(&password, username, email),
        };
        if !problems.is_empty() {
            ctx.printer.say(&problems.join("\n"));
            let bypass = "Bypass password validation and create user anyway? [y/N]: ";
            if !prompt::confirm(bypass)? {
                continue;
            }
        }
        return Ok(password);
    }
}
