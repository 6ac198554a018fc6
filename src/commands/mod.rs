//! One module per subcommand; this one holds what they share: the resolved context and the
//! rules for where input comes from (flag, then stdin/file/env, then a prompt on a terminal).

mod checkpassword;
mod completions;
pub use completions::VAR as COMPLETION_VAR;
mod config;
mod createsuperuser;
mod groups;
mod log;
mod login;
mod logout;
mod mail;
mod man;
mod passwd;
mod perms;
mod reset_confirm;
mod reset_request;
mod signup;
mod users;
mod verify;
mod whoami;

use crate::cli::{Cli, Command, Deferred, PasswordSource};
use crate::output::Printer;
use crate::platform;
use crate::prompt;
use crate::settings::{Dirs, Overrides, Settings, SuperuserSettings};
use authctl::Secret;
use authctl::accounts::{Accounts, Upgrade};
use authctl::error::{Error, IoContext, Result};
use authctl::secret::{KeySource, SHORT_KEY};
use std::collections::BTreeMap;
use std::io::Read;

/// All of a reader as text; bytes that are not UTF-8 are bad input (exit 3), not a broken
/// environment.
pub fn read_text(mut reader: impl Read, origin: &str) -> Result<Secret> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .context(|| format!("cannot read {origin}"))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Secret::new(text)),
        Err(e) => {
            let mut bytes = e.into_bytes();
            zeroize::Zeroize::zeroize(&mut bytes);
            Err(Error::NotText(origin.to_string()))
        }
    }
}

/// Exactly `count` lines of `text` (CR/LF or LF; empty lines after them are ignored), else a
/// usage error saying that `origin` must hold exactly `what`.
pub fn exact_lines(text: &Secret, count: usize, origin: &str, what: &str) -> Result<Vec<Secret>> {
    let mut lines: Vec<Secret> = text
        .expose()
        .split('\n')
        .map(|line| Secret::new(line.strip_suffix('\r').unwrap_or(line).to_string()))
        .collect();
    // A final newline ends the last line rather than starting an empty one.
    if text.expose().ends_with('\n') {
        lines.pop();
    }
    while lines.len() > count && lines.last().is_some_and(Secret::is_empty) {
        lines.pop();
    }
    if text.expose().is_empty() || lines.len() != count {
        return Err(Error::Usage(format!("{origin} must hold exactly {what}")));
    }
    Ok(lines)
}

/// The environment, as text. Variables that are not UTF-8 are left out (as if unset) rather
/// than failing the run: a caller may set them from what a client typed (PAM_USER, PAM_RHOST).
pub fn environment() -> BTreeMap<String, String> {
    std::env::vars_os()
        .filter_map(|(name, value)| Some((name.into_string().ok()?, value.into_string().ok()?)))
        .collect()
}

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Success,
    /// Exit 1 with nothing on stderr (`verify`'s quiet "no").
    Denied,
    /// Another exit status a calling program's interface asks for (checkpassword's 111).
    Code(u8),
}

/// Everything a command needs besides its own arguments.
pub struct Ctx {
    pub settings: Settings,
    pub printer: Printer,
    pub vars: BTreeMap<String, String>,
    /// The config file named by `--config`, for a child process to read the same settings.
    pub config_flag: Option<std::path::PathBuf>,
    /// Prompts are allowed: stdin is a terminal and `--no-input` was not given.
    pub interactive: bool,
    pub no_input: bool,
}

impl Ctx {
    fn open(&self, create: bool) -> Result<Accounts> {
        let config = self.settings.accounts.clone();
        Accounts::open(&self.settings.database, create, config, chrono::Utc::now())
    }

    /// The database, which must exist already.
    pub fn accounts(&self) -> Result<Accounts> {
        self.open(false)
    }

    /// The database, and the `--group`/`--perm` requirements of a credential check, checked
    /// to exist (the database first: nobody should type a password for one that is not there).
    pub fn accounts_requiring(
        &self,
        args: &crate::cli::RequirementArgs,
    ) -> Result<(Accounts, authctl::accounts::perms::Requirements)> {
        let mut accounts = self.accounts()?;
        let requirements = requirements(&mut accounts, args)?;
        Ok((accounts, requirements))
    }

    /// The database, created if missing (for the commands that add users).
    pub fn accounts_or_new(&self) -> Result<Accounts> {
        self.open(true)
    }

    /// For the commands that sign with the secret key: says which keys are too short.
    pub fn warn_about_keys(&self) {
        for warning in &self.settings.key_warnings {
            self.printer.warn(warning);
        }
        // A key kept in a file was put there by hand if it is short (generated ones are not).
        if let KeySource::File { path, .. } = &self.settings.accounts.keys
            && let Ok(keys) = self.settings.accounts.keys.resolve()
            && keys.current.expose().chars().count() < SHORT_KEY
        {
            self.printer.warn(&format!(
                "the secret key in {} is shorter than {SHORT_KEY} characters; a long random \
                 key is safer (Django's check --deploy warns too)",
                path.display()
            ));
        }
    }

    /// The error for input that could only have come from a prompt.
    pub fn missing(&self, what: &str, flags: &str) -> Error {
        let why = if self.no_input {
            "--no-input was given"
        } else {
            "there is no terminal to ask on"
        };
        Error::MissingInput {
            what: what.to_string(),
            why,
            flags: flags.to_string(),
        }
    }

    /// Secrets from `--password-stdin` / `--password-file`: exactly `count` lines, one per
    /// password (`passwd` reads old then new); empty lines after them are ignored, anything
    /// more is an error rather than a guess. `None` when neither flag was given.
    pub fn password_lines(
        &self,
        source: &PasswordSource,
        count: usize,
    ) -> Result<Option<Vec<Secret>>> {
        let (text, origin) = if source.password_stdin {
            (
                read_text(std::io::stdin(), "standard input")?,
                "standard input".to_string(),
            )
        } else if let Some(path) = &source.password_file {
            let origin = format!("password file {}", path.display());
            let file = std::fs::File::open(path)
                .context(|| format!("cannot read password file {}", path.display()))?;
            (read_text(file, &origin)?, origin)
        } else {
            return Ok(None);
        };
        let what = match count {
            1 => "one line, the password".to_string(),
            2 => "two lines, the old then the new password".to_string(),
            n => format!("{n} lines, one per password"),
        };
        exact_lines(&text, count, &origin, &what).map(Some)
    }

    /// One password: from the flags, else `prompt` on a terminal, else a usage error.
    pub fn one_password(
        &self,
        source: &PasswordSource,
        prompt: impl FnOnce() -> Result<Secret>,
    ) -> Result<Secret> {
        if let Some(mut lines) = self.password_lines(source, 1)? {
            return Ok(lines.remove(0));
        }
        if self.interactive {
            return prompt();
        }
        Err(self.missing("password", "--password-stdin or --password-file"))
    }

    /// The username and password of a credential check (`login`, `verify`): from the flags,
    /// else asked for on a terminal with the user model's label for its login field.
    pub fn credentials(
        &self,
        accounts: &Accounts,
        username: Option<String>,
        password: &PasswordSource,
    ) -> Result<(String, Secret)> {
        let label = accounts.model().label(&accounts.model().login);
        let username = self.value_or_prompt(
            username,
            &format!("{label}: "),
            &label.to_lowercase(),
            "--username",
        )?;
        let password = self.one_password(password, || prompt::hidden("Password: "))?;
        Ok((username, password))
    }

    /// A visible value (`noun`, such as "username"): the flag's, else asked for on a
    /// terminal, else a usage error naming the flag.
    pub fn value_or_prompt(
        &self,
        value: Option<String>,
        question: &str,
        noun: &str,
        flag: &str,
    ) -> Result<String> {
        match value {
            Some(value) => Ok(value),
            None if self.interactive => prompt::line(question),
            None => Err(self.missing(noun, flag)),
        }
    }
}

/// Tells `-v` whether a successful check re-encoded the stored hash.
pub fn report_upgrade(ctx: &Ctx, upgrade: &Upgrade) {
    match upgrade {
        Upgrade::NotNeeded => {}
        Upgrade::Done(hasher) => ctx.printer.detail(&format!(
            "re-encoded the password hash with {}",
            hasher.name()
        )),
        Upgrade::Failed(why) => ctx
            .printer
            .detail(&format!("could not upgrade the password hash: {why}")),
    }
}

pub fn run(cli: Cli, printer: Printer) -> Result<Status> {
    // Generated documentation depends on nothing but the command line: no config, no database.
    let cli = match cli.command {
        Command::Completions(Deferred(args)) => return completions::run(args),
        Command::Man(Deferred(args)) => return man::run(args),
        _ => cli,
    };
    let vars = environment();
    // Writing a config file must not depend on the config being read.
    let cli = match cli.command {
        Command::Config(Deferred(command)) => {
            let given = [
                ("--database", cli.database.is_some()),
                ("--config", cli.config.is_some()),
                ("--session-file", cli.session_file.is_some()),
            ];
            if let Some((flag, _)) = given.iter().find(|(_, given)| *given) {
                return Err(Error::Usage(format!(
                    "{flag} does not apply to config from-django, which reads the project's own \
                     settings (--write PATH names the file to write)"
                )));
            }
            return config::run(command, &printer, &vars);
        }
        _ => cli,
    };
    let overrides = Overrides {
        config: cli.config.clone(),
        database: cli.database.clone(),
        session_file: cli.session_file.clone(),
    };
    let mut settings = Settings::load(&overrides, &vars, &Dirs::from_platform()?)?;
    settings.accounts.actor = authctl::accounts::audit::Actor {
        user: None,
        sudo_user: vars.get("SUDO_USER").filter(|v| !v.is_empty()).cloned(),
        command: cli.command.name(),
    };
    let ctx = Ctx {
        settings,
        printer,
        vars,
        config_flag: cli.config.clone(),
        interactive: !cli.no_input && platform::stdin_is_terminal(),
        no_input: cli.no_input,
    };
    match cli.command {
        Command::Createsuperuser(Deferred(args)) => {
            let settings = SuperuserSettings::resolve(args, &ctx.vars, ctx.interactive);
            createsuperuser::run(&ctx, settings)
        }
        Command::Signup(Deferred(args)) => signup::run(&ctx, args),
        Command::Verify(Deferred(args)) => verify::run(&ctx, args),
        Command::Checkpassword(Deferred(args)) => checkpassword::run(&ctx, args),
        Command::Login(Deferred(args)) => login::run(&ctx, args),
        Command::Logout(Deferred(args)) => logout::run(&ctx, args),
        Command::Whoami => whoami::run(&ctx),
        Command::Passwd(Deferred(args)) => passwd::run(&ctx, args),
        Command::ResetRequest(Deferred(args)) => reset_request::run(&ctx, args),
        Command::ResetConfirm(Deferred(args)) => reset_confirm::run(&ctx, args),
        Command::Users(Deferred(command)) => users::run(&ctx, command),
        Command::Groups(Deferred(command)) => groups::run(&ctx, command),
        Command::Perms(Deferred(command)) => perms::run(&ctx, command),
        Command::Log(Deferred(args)) => log::run(&ctx, args),
        Command::Mail(Deferred(command)) => mail::run(&ctx, command),
        Command::Completions(Deferred(args)) => completions::run(args),
        Command::Man(Deferred(args)) => man::run(args),
        Command::Config(Deferred(command)) => config::run(command, &ctx.printer, &ctx.vars),
    }
}

/// The login and the email address given as flags. On a model whose users log in with their
/// email address, `--email` names the login too (Django's createsuperuser option is named after
/// the login field), and the two must agree.
pub fn login_or_email(
    model: &authctl::store::UserModel,
    username: Option<String>,
    email: Option<String>,
) -> Result<(Option<String>, Option<String>)> {
    if !model.login_is_email() {
        return Ok((username, email));
    }
    let email = email.filter(|e| !e.is_empty());
    let same = |a: &str, b: &str| {
        authctl::validators::normalize_email(a) == authctl::validators::normalize_email(b)
    };
    match (username, email) {
        (Some(login), Some(email)) if !same(&login, &email) => Err(Error::Usage(
            "this user model logs in with the email address: give it once, as --username or \
             --email"
                .into(),
        )),
        (login, email) => Ok((login.or(email), None)),
    }
}

/// Asks until `problems` has nothing to say about the answer, printing what it says.
pub fn ask_until(
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

/// Asks, on a terminal, for each of a custom model's `REQUIRED_FIELDS` and any other column a
/// new row cannot do without that `fields` does not give yet, each checked as its column takes
/// it and asked again until it is right.
pub fn ask_fields(
    ctx: &Ctx,
    model: &authctl::store::UserModel,
    fields: &mut Vec<(String, String)>,
) -> Result<()> {
    let wanted: Vec<String> = model
        .extras()
        .filter(|c| {
            model.required.contains(&c.name)
                || (model.needs_value(c) && !model.defaults.contains_key(&c.name))
        })
        .map(|c| c.name.clone())
        .filter(|name| !fields.iter().any(|(given, _)| given == name))
        .collect();
    for name in wanted {
        let question = format!("{}: ", model.label(&name));
        let answer = ask_until(ctx, &question, |answer| {
            Ok(model.clean(&name, answer).err().into_iter().collect())
        })?;
        fields.push((name, answer));
    }
    Ok(())
}

/// `--group` and `--perm` as requirements, each name checked to exist (exit 3 otherwise,
/// before anything about the user is looked at).
fn requirements(
    accounts: &mut Accounts,
    args: &crate::cli::RequirementArgs,
) -> Result<authctl::accounts::perms::Requirements> {
    let requirements = authctl::accounts::perms::Requirements {
        groups: args.groups.clone(),
        permissions: args.permissions.clone(),
    };
    accounts.check_requirements(&requirements)?;
    Ok(requirements)
}
