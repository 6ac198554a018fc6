//! `authctl createsuperuser`: Django's prompts on a terminal, flags and `DJANGO_SUPERUSER_*`
//! variables in scripts, and `--if-missing` / `--update` so deploy scripts can rerun it.

use super::{Ctx, Status};
use crate::prompt;
use crate::settings::SuperuserSettings;
use authctl::Secret;
use authctl::accounts::Accounts;
use authctl::accounts::superuser::{IfExists, Outcome, Request, check_email, email_problems};
use authctl::error::{Result, messages};
use serde_json::json;

pub fn run(ctx: &Ctx, args: SuperuserSettings) -> Result<Status> {
    let from_flags = ctx
        .password_lines(&args.password, 1)?
        .map(|mut lines| lines.remove(0));
    // Without prompts, missing input is found before the database is opened (and perhaps
    // created); with prompts, the database is needed to check the answers as they come.
    let (mut accounts, request) = if ctx.interactive {
        let mut accounts = ctx.accounts_or_new()?;
        match ask(ctx, &mut accounts, &args, from_flags)? {
            Ok(request) => (accounts, request),
            Err(kept) => return report(ctx, Outcome::Unchanged, &kept.username, kept.id),
        }
    } else {
        let username = args
            .username
            .clone()
            .ok_or_else(|| ctx.missing("username", "--username or DJANGO_SUPERUSER_USERNAME"))?;
        // Like Django, a new superuser needs an email address in non-interactive mode; an
        // existing one being kept or updated does not.
        let email = match (args.email.clone().filter(|e| !e.is_empty()), args.if_exists) {
            (Some(email), _) => email,
            (None, IfExists::Fail) => {
                return Err(ctx.missing("email address", "--email or DJANGO_SUPERUSER_EMAIL"));
            }
            (None, _) => String::new(),
        };
        let request = Request {
            username,
            email,
            password: from_flags.or(args.env_password),
            skip_validation: args.skip_validation,
            if_exists: args.if_exists,
        };
        (ctx.accounts_or_new()?, request)
    };
    let (outcome, user) = accounts.create_superuser(request)?;
    report(ctx, outcome, &user.username, user.id)
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

/// Django's prompts, for whatever the flags did not give; `Err(user)` when `--if-missing`
/// keeps an existing superuser.
fn ask(
    ctx: &Ctx,
    accounts: &mut Accounts,
    args: &SuperuserSettings,
    from_flags: Option<Secret>,
) -> Result<Result<Request, authctl::store::User>> {
    let username = match &args.username {
        Some(name) => name.clone(),
        None => ask_username(ctx, accounts, args)?,
    };
    if let Some(kept) = accounts.superuser_precheck(&username, args.if_exists)? {
        return Ok(Err(kept));
    }
    let email = match &args.email {
        Some(email) => {
            check_email(email)?;
            email.clone()
        }
        None => ask_until(ctx, "Email address: ", |answer| Ok(email_problems(answer)))?,
    };
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
    }))
}

/// Asks until `problems` has nothing to say about the answer, printing what it says.
fn ask_until(
    ctx: &Ctx,
    question: &str,
    mut problems: impl FnMut(&str) -> Result<Vec<String>>,
) -> Result<String> {
    loop {
        let answer = prompt::line(question)?;
        match problems(&answer)? {
            found if found.is_empty() => return Ok(answer),
            found => ctx.printer.say(&format!("Error: {}", found.join("; "))),
        }
    }
}

fn ask_username(ctx: &Ctx, accounts: &mut Accounts, args: &SuperuserSettings) -> Result<String> {
    let default = accounts.default_superuser_name(args.login_name.as_deref())?;
    let question = match &default {
        Some(name) => format!("Username (leave blank to use '{name}'): "),
        None => "Username: ".to_string(),
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
