//! `authctl createsuperuser`: Django's prompts on a terminal, flags and `DJANGO_SUPERUSER_*`
//! variables in scripts, and `--if-missing` / `--update` so deploy scripts can rerun it.

use super::{Ctx, Status};
use crate::cli::CreatesuperuserArgs;
use crate::prompt;
use authctl::Secret;
use authctl::accounts::{
    Accounts, BLANK_PASSWORD, IfExists, Outcome, SuperuserRequest, USERNAME_TAKEN, kept,
};
use authctl::error::{Error, Result};
use authctl::store::User;
use authctl::validators::{self, UserAttributes};
use serde_json::json;

pub fn run(ctx: &Ctx, args: CreatesuperuserArgs) -> Result<Status> {
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
    // Without prompts, missing input is found before the database is opened (and perhaps
    // created); with prompts, the database is needed to check the answers as they come.
    let (mut accounts, request) = if ctx.interactive {
        let accounts = ctx.accounts_or_new()?;
        match ask(ctx, &accounts, &args, if_exists, from_flags)? {
            Asked::Request(request) => (accounts, request),
            Asked::Keep(user) => return report(ctx, Outcome::Unchanged, &user.username, user.id),
        }
    } else {
        let request = from_environment(ctx, &args, if_exists, from_flags)?;
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

/// What the prompts settled on.
enum Asked {
    Request(SuperuserRequest),
    /// The user exists and `--if-missing` keeps it as it is.
    Keep(User),
}

/// Django's interactive prompts, for whatever the flags did not give.
fn ask(
    ctx: &Ctx,
    accounts: &Accounts,
    args: &CreatesuperuserArgs,
    if_exists: IfExists,
    from_flags: Option<Secret>,
) -> Result<Asked> {
    let printer = &ctx.printer;
    let username = match &args.username {
        Some(name) => name.clone(),
        None => ask_username(ctx, accounts, if_exists)?,
    };
    match (accounts.find(&username)?, if_exists) {
        (Some(user), IfExists::Keep) => return Ok(Asked::Keep(kept(user)?)),
        (Some(_), IfExists::Fail) => return Err(Error::invalid(USERNAME_TAKEN).into()),
        (None, _) => {
            if let Some(problem) = accounts.superuser_username_problem(&username)? {
                return Err(Error::invalid(problem).into());
            }
        }
        (Some(_), IfExists::Update) => {}
    }
    let email = match &args.email {
        Some(email) => {
            // Checked before any password is asked for, as Django does.
            let errors = validators::email_errors(&validators::normalize_email(email));
            if !errors.is_empty() {
                return Err(Error::invalid_all(errors).into());
            }
            email.clone()
        }
        None => loop {
            let email = prompt::line("Email address: ")?;
            let errors = validators::email_errors(validators::normalize_email(&email).as_str());
            if errors.is_empty() {
                break email;
            }
            printer.say(&format!("Error: {}", errors.join("; ")));
        },
    };
    // A password typed at the prompt has been through the validators already, and the person
    // chose whether to bypass them; one from --password-file has not.
    let (password, skip_validation) = match from_flags {
        Some(password) => (password, args.skip_validation),
        None => {
            let typed = ask_password(ctx, accounts, &username, &email, args.skip_validation)?;
            (typed, true)
        }
    };
    Ok(Asked::Request(SuperuserRequest {
        username,
        email,
        password: Some(password),
        skip_validation,
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
            ctx.printer.say(&format!("Error: {problem}"));
            continue;
        }
        return Ok(answer);
    }
}

/// Django's `get_default_username`: the login name (as Python's `getpass.getuser` finds it),
/// ASCII-folded, if valid and not taken.
fn default_username(ctx: &Ctx, accounts: &Accounts) -> Result<Option<String>> {
    let system = ["LOGNAME", "USER", "LNAME", "USERNAME"]
        .iter()
        .find_map(|var| ctx.env.get(*var).filter(|v| !v.is_empty()).cloned())
        .or_else(account_name);
    match system.and_then(|name| validators::default_username(&name)) {
        Some(name) if accounts.find(&name)?.is_none() => Ok(Some(name)),
        _ => Ok(None),
    }
}

/// The login name of the current user from the password database, as Python's
/// `getpass.getuser()` falls back to when no variable names it (cron, `docker exec`).
fn account_name() -> Option<String> {
    // SAFETY: passwd is plain C data; all zeroes is a valid value for getpwuid_r to fill.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut found = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes only into `entry` and `buffer`, whose sizes it is given, and
    // `pw_name` then points into `buffer`, which outlives its use here.
    let status = unsafe {
        libc::getpwuid_r(
            libc::getuid(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    name.to_str().ok().map(String::from)
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
        let Some(password) = prompt::twice("Password: ", "Password (again): ")? else {
            printer.say("Error: Your passwords didn't match.");
            continue;
        };
        if password.is_blank() {
            printer.say(&format!("Error: {BLANK_PASSWORD}"));
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
