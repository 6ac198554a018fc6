//! `authctl createsuperuser`: Django's prompts on a terminal, flags and `DJANGO_SUPERUSER_*`
//! variables in scripts, and `--if-missing` / `--update` so deploy scripts can rerun it.

use super::{Ctx, Status};
use crate::cli::CreatesuperuserArgs;
use crate::prompt;
use authctl::Secret;
use authctl::accounts::{Accounts, IfExists, Outcome, SuperuserRequest};
use authctl::error::{Error, Result};
use authctl::validators::{self, UserAttributes};
use serde_json::json;

pub fn run(ctx: &Ctx, args: CreatesuperuserArgs) -> Result<Status> {
    let mut accounts = ctx.accounts_or_new()?;
    let if_exists = if args.if_missing {
        IfExists::Keep
    } else if args.update {
        IfExists::Update
    } else {
        IfExists::Fail
    };
    let from_flags = ctx
        .password_lines(&args.password, 1)?
        .map(|mut l| l.remove(0));
    let request = if ctx.interactive {
        match ask(ctx, &accounts, &args, if_exists, from_flags)? {
            Some(request) => request,
            None => {
                return report(
                    ctx,
                    Outcome::Unchanged,
                    &args.username.unwrap_or_default(),
                    None,
                );
            }
        }
    } else {
        from_environment(ctx, &args, if_exists, from_flags)?
    };
    let (outcome, user) = accounts.create_superuser(request)?;
    report(ctx, outcome, &user.username, Some(user.id))
}

fn report(ctx: &Ctx, outcome: Outcome, username: &str, id: Option<i64>) -> Result<Status> {
    let (text, status) = match outcome {
        Outcome::Created => ("Superuser created successfully.".to_string(), "created"),
        Outcome::Unchanged => (
            format!("Superuser {username} already exists; nothing changed."),
            "unchanged",
        ),
        Outcome::Updated => (format!("Superuser {username} updated."), "updated"),
    };
    ctx.printer.result(
        &text,
        json!({"status": status, "id": id, "username": username}),
    );
    Ok(Status::Success)
}

/// `--no-input` or no terminal: flags, then Django's environment variables.
fn from_environment(
    ctx: &Ctx,
    args: &CreatesuperuserArgs,
    if_exists: IfExists,
    password: Option<Secret>,
) -> Result<SuperuserRequest> {
    let env = |name: &str| ctx.env.get(name).cloned();
    let username = args
        .username
        .clone()
        .or_else(|| env("DJANGO_SUPERUSER_USERNAME"))
        .ok_or_else(|| ctx.missing("username", "--username or DJANGO_SUPERUSER_USERNAME"))?;
    let email = args
        .email
        .clone()
        .or_else(|| env("DJANGO_SUPERUSER_EMAIL"))
        .filter(|e| !e.is_empty());
    // Like Django, a new superuser needs an email address in non-interactive mode; an existing
    // one being kept or updated does not.
    let email = match email {
        Some(email) => email,
        None if if_exists != IfExists::Fail => String::new(),
        None => return Err(ctx.missing("email address", "--email or DJANGO_SUPERUSER_EMAIL")),
    };
    let password = password.or_else(|| env("DJANGO_SUPERUSER_PASSWORD").map(Secret::new));
    Ok(SuperuserRequest {
        username,
        email,
        password,
        skip_validation: args.skip_validation,
        if_exists,
    })
}

/// Django's interactive prompts. `None` means the user exists and `--if-missing` keeps it.
fn ask(
    ctx: &Ctx,
    accounts: &Accounts,
    args: &CreatesuperuserArgs,
    if_exists: IfExists,
    from_flags: Option<Secret>,
) -> Result<Option<SuperuserRequest>> {
    let printer = &ctx.printer;
    let username = match &args.username {
        Some(name) => name.clone(),
        None => ask_username(ctx, accounts, if_exists)?,
    };
    let exists = accounts.find(&username)?.is_some();
    match (exists, if_exists) {
        (true, IfExists::Keep) => return Ok(None),
        (true, IfExists::Fail) => {
            return Err(Error::invalid("That username is already taken.").into());
        }
        (false, _) => {
            if let Some(problem) = accounts.superuser_username_problem(&username)? {
                return Err(Error::invalid(problem.trim_start_matches("Error: ")).into());
            }
        }
        (true, IfExists::Update) => {}
    }
    let email = match &args.email {
        Some(email) => email.clone(),
        None => loop {
            let email = prompt::line("Email address: ")?;
            let errors = validators::email_errors(validators::normalize_email(&email).as_str());
            if errors.is_empty() {
                break email;
            }
            printer.say(&format!("Error: {}", errors.join("; ")));
        },
    };
    let password = match from_flags {
        Some(password) => Some(password),
        None => Some(ask_password(
            ctx,
            accounts,
            &username,
            &email,
            args.skip_validation,
        )?),
    };
    Ok(Some(SuperuserRequest {
        username,
        email,
        password,
        // The prompts already ran the validators and the person chose to bypass or not.
        skip_validation: true,
        if_exists,
    }))
}

fn ask_username(ctx: &Ctx, accounts: &Accounts, if_exists: IfExists) -> Result<String> {
    let default = default_username(ctx, accounts)?;
    let question = match &default {
        Some(name) => format!("Username (leave blank to use '{name}'): "),
        None => "Username: ".to_string(),
    };
    loop {
        let mut answer = prompt::line(&question)?;
        if answer.is_empty() {
            match &default {
                Some(name) => answer = name.clone(),
                None => {
                    ctx.printer.say("Error: This field cannot be blank.");
                    continue;
                }
            }
        }
        let field_errors = validators::username_errors(&validators::normalize_username(&answer));
        if !field_errors.is_empty() {
            ctx.printer
                .say(&format!("Error: {}", field_errors.join("; ")));
            continue;
        }
        // An existing name is an answer only when the flags say what to do with it.
        let problem = match if_exists {
            IfExists::Fail => accounts.superuser_username_problem(&answer)?,
            IfExists::Keep | IfExists::Update => None,
        };
        if let Some(problem) = problem {
            ctx.printer.say(&problem);
            continue;
        }
        return Ok(answer);
    }
}

/// Django's `get_default_username`: the login name, ASCII-folded, if valid and not taken.
fn default_username(ctx: &Ctx, accounts: &Accounts) -> Result<Option<String>> {
    use unicode_normalization::UnicodeNormalization;
    let system = ["LOGNAME", "USER", "LNAME", "USERNAME"]
        .iter()
        .find_map(|var| ctx.env.get(*var).filter(|v| !v.is_empty()));
    let Some(system) = system else {
        return Ok(None);
    };
    let name: String = system
        .nfkd()
        .filter(|c| c.is_ascii() && *c != ' ')
        .collect::<String>()
        .to_lowercase();
    if name.is_empty() || !validators::username_errors(&name).is_empty() {
        return Ok(None);
    }
    Ok(accounts.find(&name)?.is_none().then_some(name))
}

fn ask_password(
    ctx: &Ctx,
    accounts: &Accounts,
    username: &str,
    email: &str,
    skip_validation: bool,
) -> Result<Secret> {
    let printer = &ctx.printer;
    loop {
        let password = prompt::hidden("Password: ")?;
        let again = prompt::hidden("Password (again): ")?;
        if password != again {
            printer.say("Error: Your passwords didn't match.");
            continue;
        }
        if password.expose().trim().is_empty() {
            printer.say("Error: Blank passwords aren't allowed.");
            continue;
        }
        if !skip_validation {
            let username = validators::normalize_username(username);
            let email = validators::normalize_email(email);
            let attrs = UserAttributes {
                username: &username,
                email: &email,
                ..UserAttributes::default()
            };
            let problems = accounts.password_problems(&password, &attrs);
            if !problems.is_empty() {
                printer.say(&problems.join("\n"));
                if !prompt::confirm("Bypass password validation and create user anyway? [y/N]: ")? {
                    continue;
                }
            }
        }
        return Ok(password);
    }
}
