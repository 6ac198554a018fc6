//! The command line, as clap types only: doc comments here are the `--help` text.

use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// Exit statuses, for `--help` and the man page, from the one table in the library.
pub fn exit_status() -> Vec<(String, &'static str)> {
    authctl::error::EXIT_STATUS
        .iter()
        .map(|(code, meaning)| (code.to_string(), *meaning))
        .collect()
}

/// Environment variables, for `--help` and the man page.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("AUTHCTL_DATABASE", "The database, like --database."),
    (
        "DATABASE_URL",
        "The database when nothing else names it (Django's dj-database-url convention).",
    ),
    (
        "PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGSSLROOTCERT, PGPASSFILE",
        "What a postgres:// URL leaves out, as libpq and psql read them.",
    ),
    ("AUTHCTL_CONFIG", "The config file, like --config."),
    (
        "AUTHCTL_SESSION_FILE",
        "The session file, like --session-file.",
    ),
    (
        "AUTHCTL_SECRET_KEY",
        "Django's SECRET_KEY, for sessions and reset tokens.",
    ),
    (
        "AUTHCTL_<KEY>",
        "Any configuration key, upper case with dots as underscores \
         (email.smtp.host is AUTHCTL_EMAIL_SMTP_HOST); lists are comma-separated.",
    ),
    (
        "DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL, DJANGO_SUPERUSER_PASSWORD",
        "Input for createsuperuser when it does not prompt, as in Django.",
    ),
    (
        "DJANGO_SUPERUSER_<FIELD>",
        "On a custom user model, its login field and each of its REQUIRED_FIELDS, for \
         createsuperuser when it does not prompt.",
    ),
    (
        "DJANGO_SETTINGS_MODULE",
        "The settings module config from-django reads, when --settings does not name one.",
    ),
];

/// Files, for `--help` and the man page (Linux paths; other systems use their own).
pub const FILES: &[(&str, &str)] = &[
    ("~/.local/share/authctl/db.sqlite3", "The default database."),
    (
        "~/.config/authctl/config.toml",
        "The default config file (TOML).",
    ),
    (
        "~/.local/state/authctl/session",
        "The default session file, mode 0600.",
    ),
    (
        "~/.config/authctl/secret_key",
        "The generated secret key when none is configured, mode 0600.",
    ),
];

/// Examples for the top-level help and man page.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "Create the first superuser, with Django's prompts:",
        "authctl createsuperuser",
    ),
    (
        "Provision a superuser from a deploy script, safely rerunnable:",
        "printf '%s\\n' \"$PW\" | authctl createsuperuser --no-input \\\n    \
         --username admin --email admin@example.com --password-stdin --if-missing",
    ),
    (
        "Check a password in a pipeline:",
        "printf '%s\\n' \"$PW\" | authctl verify --username alice --password-stdin && echo ok",
    ),
    (
        "Share a Django project's users: read its settings once, then use authctl as usual:",
        "cd ~/mysite && authctl config from-django --write ~/.config/authctl/config.toml",
    ),
];

fn long_help() -> String {
    let section = |title: &str, items: &[(&str, &str)]| {
        let lines: Vec<String> = items
            .iter()
            .map(|(k, v)| format!("  {k}\n      {}", v.replace('\n', "\n      ")))
            .collect();
        format!("{title}:\n{}", lines.join("\n"))
    };
    let codes = exit_status();
    let codes: Vec<(&str, &str)> = codes.iter().map(|(c, m)| (c.as_str(), *m)).collect();
    [
        section("Exit status", &codes),
        section("Environment", ENVIRONMENT),
        section("Files", FILES),
        section("Examples", EXAMPLES),
    ]
    .join("\n\n")
}

/// The heading of the options every command takes, shown after a command's own.
const GLOBAL: &str = "Global options";

/// The whole command line, with the sections that only the long help shows. The commands'
/// own arguments are built only for the command the line names (see [`Deferred`]).
pub fn command() -> clap::Command {
    Cli::command().after_long_help(long_help())
}

/// Whether [`Deferred`] builds at once rather than on use.
static EAGER: AtomicBool = AtomicBool::new(false);

/// [`command`] with every command's arguments built at once, for what walks the whole tree:
/// shell completion, whose `help` subtree is a copy of the commands taken before any deferred
/// one is built, and the man pages.
pub fn full_command() -> clap::Command {
    EAGER.store(true, Ordering::Relaxed);
    command()
}

/// Django's user accounts from the command line: createsuperuser, signup, login, password reset.
///
/// authctl keeps users in Django's own `auth_user` layout and password hash formats, in SQLite
/// or PostgreSQL, so it works on its own or on a Django project's database.
#[derive(Debug, Parser)]
#[command(
    name = "authctl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else
    /// DATABASE_URL]
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "PATH|URL")]
    pub database: Option<String>,

    /// TOML config file [env: AUTHCTL_CONFIG]
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "PATH")]
    pub session_file: Option<PathBuf>,

    /// Never prompt; missing input is an error (exit 2)
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_input: bool,

    /// Print a machine-readable JSON result on stdout
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Print nothing on success
    #[arg(short, long, global = true, help_heading = GLOBAL, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Explain more on stderr (reasons for denials, hash upgrades)
    #[arg(short, long, global = true, help_heading = GLOBAL, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a staff superuser, like Django's `manage.py createsuperuser`
    #[command(after_help = "Examples:\n  authctl createsuperuser\n  \
        printf '%s\\n' \"$PW\" | authctl createsuperuser --no-input \\\n      \
        --username admin --email admin@example.com --password-stdin --if-missing")]
    Createsuperuser(Deferred<CreatesuperuserArgs>),

    /// Create a regular active user, like Django's UserCreationForm
    #[command(after_help = "Example:\n  authctl signup --username alice --email alice@example.com")]
    Signup(Deferred<SignupArgs>),

    /// Log in: check the password, set last_login and start a session kept in the session file
    #[command(after_help = "Example:\n  authctl login --username alice")]
    Login(Deferred<LoginArgs>),

    /// End this session and remove the session file; not being logged in is fine
    #[command(after_help = "Example:\n  authctl logout --all")]
    Logout(Deferred<LogoutArgs>),

    /// Print the logged-in user; exit 1 if there is no valid session
    #[command(after_help = "Example:\n  authctl whoami --json")]
    Whoami,

    /// Change the logged-in user's password; other sessions of the user end
    #[command(
        after_help = "Example:\n  printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | authctl passwd --password-stdin"
    )]
    Passwd(Deferred<PasswdArgs>),

    /// Email a password reset token to the active users with this address
    #[command(after_help = "Example:\n  authctl reset-request --email alice@example.com")]
    ResetRequest(Deferred<ResetRequestArgs>),

    /// Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)
    #[command(
        after_help = "Examples:\n  authctl reset-confirm MQ cx3k2p-4f1e0c2a9b7d8e6f5a4b3c2d1e0f9a8b\n  \
        authctl reset-confirm https://example.com/accounts/reset/MQ/cx3k2p-4f1e.../"
    )]
    ResetConfirm(Deferred<ResetConfirmArgs>),

    /// The admin: list, show, change, delete users, set passwords, import and export
    #[command(subcommand)]
    Users(Deferred<UsersCommand>),

    /// Groups: create, rename, delete, members, and the permissions they give
    #[command(subcommand)]
    Groups(Deferred<GroupsCommand>),

    /// Permissions: what exists, what a user has and why, and custom ones
    #[command(subcommand)]
    Perms(Deferred<PermsCommand>),

    /// The event log: what happened to which account, by whom, newest first
    #[command(
        after_help = "Examples:\n  authctl log --user alice --since 2026-12-01\n  authctl log --event login_failed --limit 20 --json"
    )]
    Log(Deferred<LogArgs>),

    /// Check a username and password; exit 0 if valid, 1 if not, printing nothing
    #[command(
        after_help = "Examples:\n  printf '%s\\n' \"$PW\" | authctl verify --username alice --password-stdin && echo ok\n  \
        auth required pam_exec.so expose_authtok quiet /usr/local/bin/authctl verify --pam --config /etc/authctl.toml\n  \
        auth_param basic program /usr/local/bin/authctl verify --serve=squid --config /etc/authctl.toml"
    )]
    Verify(Deferred<VerifyArgs>),

    /// Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place
    #[command(
        long_about = "Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place\n\n\
        Reads `username NUL password NUL timestamp NUL` (at most 512 bytes) from file descriptor 3 \
        and checks them as `verify` does. On success it runs PROG with USER set to the account's \
        username (HOME from --home); authctl's users are virtual, so it changes no user ID or \
        directory. It exits 1 for wrong credentials, 111 when the check could \
        not be made (the database is unreachable), 2 when it is misused, and never 0 itself. \
        Dovecot's lookups set AUTHORIZED=1 and send no password: then the account need only be \
        able to log in, PROG gets AUTHORIZED=2, and an account that cannot is exit 3.",
        after_help = "Example (Dovecot):\n  passdb {\n    driver = checkpassword\n    \
        args = /usr/local/bin/authctl checkpassword --config /etc/authctl.toml\n  }"
    )]
    Checkpassword(Deferred<CheckpasswordArgs>),

    /// The outbox of reset emails: list what waits, or send it now
    #[command(subcommand)]
    Mail(Deferred<MailCommand>),

    /// Settings: write a Django project's as an authctl config file
    #[command(subcommand)]
    Config(Deferred<ConfigCommand>),

    /// Print a shell completion script, or write all of them with --out-dir
    #[command(
        after_help = "Example:\n  authctl completions bash > ~/.local/share/bash-completion/completions/authctl"
    )]
    Completions(Deferred<CompletionsArgs>),

    /// Print the man page, or write one page per subcommand with --out-dir
    #[command(after_help = "Example:\n  authctl man --out-dir ~/.local/share/man/man1")]
    Man(Deferred<ManArgs>),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Read a Django project's settings through its own Python and write them as authctl config
    #[command(
        after_help = "Examples:\n  cd /srv/mysite && authctl config from-django         --write ~/.config/authctl/config.toml\n          authctl config from-django --project /srv/mysite --python /srv/mysite/venv/bin/python"
    )]
    FromDjango(FromDjangoArgs),
}

#[derive(Debug, Args)]
pub struct FromDjangoArgs {
    /// The project's Python [default: .venv/bin/python or venv/bin/python in the project, else python3]
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,

    /// The settings module [default: DJANGO_SETTINGS_MODULE, else the one manage.py sets]
    #[arg(long, value_name = "MODULE")]
    pub settings: Option<String>,

    /// The project's directory, where manage.py is [default: the current directory]
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,

    /// Write the config to this file (mode 0600) instead of standard output
    #[arg(long, value_name = "PATH")]
    pub write: Option<PathBuf>,
}

/// What a user must also have to pass: all of these.
#[derive(Debug, Args, Clone, Default)]
pub struct RequirementArgs {
    /// The user must be in this group (repeatable; all must hold)
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,

    /// The user must have this permission, app_label.codename, by Django's rules (repeatable)
    #[arg(long = "perm", value_name = "PERM")]
    pub permissions: Vec<String>,
}

impl Command {
    /// The command's words, as typed after `authctl` (`users set`), for the event log.
    pub fn name(&self) -> String {
        let (first, second) = match self {
            Command::Createsuperuser(_) => ("createsuperuser", None),
            Command::Signup(_) => ("signup", None),
            Command::Login(_) => ("login", None),
            Command::Logout(_) => ("logout", None),
            Command::Whoami => ("whoami", None),
            Command::Passwd(_) => ("passwd", None),
            Command::ResetRequest(_) => ("reset-request", None),
            Command::ResetConfirm(_) => ("reset-confirm", None),
            Command::Verify(_) => ("verify", None),
            Command::Checkpassword(_) => ("checkpassword", None),
            Command::Completions(_) => ("completions", None),
            Command::Man(_) => ("man", None),
            Command::Config(_) => ("config", Some("from-django")),
            Command::Mail(Deferred(command)) => (
                "mail",
                Some(match command {
                    MailCommand::List => "list",
                    MailCommand::Flush(_) => "flush",
                }),
            ),
            Command::Users(Deferred(command)) => (
                "users",
                Some(match command {
                    UsersCommand::List(_) => "list",
                    UsersCommand::Show(_) => "show",
                    UsersCommand::Set(_) => "set",
                    UsersCommand::Delete(_) => "delete",
                    UsersCommand::SetPassword(_) => "set-password",
                    UsersCommand::Import(_) => "import",
                    UsersCommand::Export(_) => "export",
                    UsersCommand::Sessions(_) => "sessions",
                    UsersCommand::Logout(_) => "logout",
                    UsersCommand::Grant(_) => "grant",
                    UsersCommand::Revoke(_) => "revoke",
                    UsersCommand::Unlock(_) => "unlock",
                }),
            ),
            Command::Groups(Deferred(command)) => (
                "groups",
                Some(match command {
                    GroupsCommand::List => "list",
                    GroupsCommand::Show(_) => "show",
                    GroupsCommand::Create(_) => "create",
                    GroupsCommand::Rename(_) => "rename",
                    GroupsCommand::Delete(_) => "delete",
                    GroupsCommand::Add(_) => "add",
                    GroupsCommand::Remove(_) => "remove",
                    GroupsCommand::Grant(_) => "grant",
                    GroupsCommand::Revoke(_) => "revoke",
                }),
            ),
            Command::Perms(Deferred(command)) => (
                "perms",
                Some(match command {
                    PermsCommand::List(_) => "list",
                    PermsCommand::Create(_) => "create",
                }),
            ),
            Command::Log(_) => ("log", None),
        };
        match second {
            Some(second) => format!("{first} {second}"),
            None => first.to_string(),
        }
    }
}

/// Where a password comes from when it is not typed at a prompt.
#[derive(Debug, Args, Clone, Default)]
pub struct PasswordSource {
    /// Read the password from standard input (exactly one line, trailing CR/LF removed)
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the password from a file holding exactly one line
    #[arg(long, value_name = "PATH", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,
}

/// `NAME=VALUE`, split at the first `=`.
fn parse_field(text: &str) -> std::result::Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err("expected NAME=VALUE".into()),
    }
}

#[derive(Debug, Args)]
pub struct CreatesuperuserArgs {
    /// Username [env: DJANGO_SUPERUSER_USERNAME, with --no-input]
    #[arg(long)]
    pub username: Option<String>,

    /// Email address [env: DJANGO_SUPERUSER_EMAIL, with --no-input]
    #[arg(long)]
    pub email: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    /// Do not run the password validators (the password is still required to be non-blank)
    #[arg(long)]
    pub skip_validation: bool,

    /// If the user exists, change nothing and exit 0
    #[arg(long, conflicts_with = "update")]
    pub if_missing: bool,

    /// If the user exists, make it an active superuser and set the email and password given
    #[arg(long)]
    pub update: bool,

    /// A value for a column of a custom user model (repeatable) [env: DJANGO_SUPERUSER_<NAME>, with --no-input]; see "Custom user models"
    #[arg(long = "field", value_name = "NAME=VALUE", value_parser = parse_field)]
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct SignupArgs {
    /// Username (asked for on a terminal when missing)
    #[arg(long)]
    pub username: Option<String>,

    /// Email address
    #[arg(long, default_value = "")]
    pub email: String,

    /// First name
    #[arg(long, default_value = "")]
    pub first_name: String,

    /// Last name
    #[arg(long, default_value = "")]
    pub last_name: String,

    /// A value for a column of a custom user model (repeatable); see "Custom user models"
    #[arg(long = "field", value_name = "NAME=VALUE", value_parser = parse_field)]
    pub fields: Vec<(String, String)>,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Username (asked for on a terminal when missing)
    #[arg(long, conflicts_with_all = ["username_env", "caller"], add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: Option<String>,

    /// Take the username from this environment variable (the password never comes from one)
    #[arg(long, value_name = "VAR", conflicts_with = "caller")]
    pub username_env: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    #[command(flatten)]
    pub caller: CallerArgs,

    #[command(flatten)]
    pub requirements: RequirementArgs,
}

/// How a program that calls out for a check hands over the username and the password.
#[derive(Debug, Args)]
#[group(id = "caller", multiple = false, conflicts_with_all = ["password_stdin", "password_file"])]
pub struct CallerArgs {
    /// Read the username from the first line of this file and the password from the second
    /// (OpenVPN's auth-user-pass-verify via-file)
    #[arg(long, value_name = "PATH")]
    pub credentials_file: Option<PathBuf>,

    /// Read the username then the password, one line each, from standard input (Apache
    /// mod_authnz_external's pipe)
    #[arg(long)]
    pub credentials_stdin: bool,

    /// Answer PAM's pam_exec: the username from PAM_USER, the password on standard input
    /// (expose_authtok); with PAM_TYPE=account, whether the account is active and not locked
    #[arg(long)]
    pub pam: bool,

    /// Keep running and answer one request per line of standard input, with the database
    /// opened once: `squid` (Squid's basic-auth helper protocol) or `lines` (USERNAME, a tab,
    /// PASSWORD; answered OK, ERR or BH)
    #[arg(long, value_name = "PROTOCOL", num_args = 0..=1, default_missing_value = "squid")]
    pub serve: Option<ServeProtocol>,
}

/// The line protocols of `verify --serve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ServeProtocol {
    Squid,
    Lines,
}

#[derive(Debug, Args)]
pub struct CheckpasswordArgs {
    /// Set HOME for PROG to this path, `{username}` replaced by the account's username (left
    /// unset for a username that could leave the directory)
    #[arg(long, value_name = "PATH")]
    pub home: Option<String>,

    #[command(flatten)]
    pub requirements: RequirementArgs,

    /// The program to run on success, and its arguments (Dovecot adds its checkpassword-reply)
    #[arg(
        value_name = "PROG",
        required = true,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub program: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Username (asked for on a terminal when missing)
    #[arg(long, add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,

    #[command(flatten)]
    pub requirements: RequirementArgs,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// End every session of the user, not only this one
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// Read the old then the new password from standard input (two lines)
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the old then the new password from a file holding exactly two lines
    #[arg(long, value_name = "PATH", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ResetRequestArgs {
    /// The account's email address (asked for on a terminal when missing)
    #[arg(long)]
    pub email: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResetConfirmArgs {
    /// UIDB64 and TOKEN from the email, or the reset link as one argument
    #[arg(required = true, num_args = 1..=2, value_name = "UIDB64 TOKEN | LINK")]
    pub token: Vec<String>,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// List users as a table, or JSON Lines with --json
    #[command(after_help = "Example:\n  authctl users list --staff --search example.com --json")]
    List(UsersListArgs),

    /// Show every field of one user, how the password is stored, and its session count
    #[command(after_help = "Example:\n  authctl users show alice")]
    Show(UsersShowArgs),

    /// Change a user's names, email, username or flags
    #[command(after_help = "Example:\n  authctl users set alice --email alice@example.org --staff")]
    Set(UsersSetArgs),

    /// Delete users (asks first on a terminal; --yes in scripts)
    #[command(after_help = "Example:\n  authctl users delete olduser --yes")]
    Delete(UsersDeleteArgs),

    /// Set a user's password without the old one, like Django's changepassword
    #[command(
        after_help = "Example:\n  printf '%s\\n' \"$PW\" | authctl users set-password alice --password-stdin"
    )]
    SetPassword(UsersSetPasswordArgs),

    /// Create or update users from JSON Lines or CSV, all or nothing
    #[command(
        long_about = "Create or update users from JSON Lines or CSV, all or nothing\n\n\
        Formats: JSON Lines (one object per line) or CSV (a header line naming the fields); \
        --format, else by the file's extension (.csv is CSV, anything else JSON Lines).\n\n\
        Fields:\n  \
        username      the login (whatever the user model's login column is); required\n  \
        email\n  \
        first_name, last_name\n  \
        is_active, is_staff, is_superuser\n                \
        true/false, 1/0, yes/no, y/n or on/off\n  \
        groups        group names: a JSON list; in CSV one cell, separated by ;\n  \
        password      plain; hashed with the preferred hasher and validated unless \
        --skip-validation\n  \
        password_hash an encoded hash in any format authctl reads, stored as it is\n  \
        NAME          a custom user model's other column, by name\n\n\
        A new user without password or password_hash gets an unusable password; an empty CSV \
        cell leaves a flag or password alone. Every row is checked first: a bad row is exit 3 \
        naming its line, and nothing is written.",
        after_help = "Examples:\n  authctl users import staff.csv --on-conflict update --dry-run\n  \
        authctl users import users.jsonl --create-groups"
    )]
    Import(UsersImportArgs),

    /// List a user's sessions: id, created, expires (never the key)
    #[command(after_help = "Example:\n  authctl users sessions alice")]
    Sessions(UsersSessionsArgs),

    /// End a user's sessions, or one of them with --session
    #[command(after_help = "Example:\n  authctl users logout alice --session 12")]
    Logout(UsersLogoutArgs),

    /// Forget failed logins and lift locks, for usernames (known or not) or --all
    #[command(after_help = "Example:\n  authctl users unlock alice")]
    Unlock(UsersUnlockArgs),

    /// Give a user permissions directly (app_label.codename, as Django writes them)
    #[command(after_help = "Example:\n  authctl users grant alice deploy.run_deploy")]
    Grant(UsersGrantArgs),

    /// Take permissions given directly away from a user
    #[command(after_help = "Example:\n  authctl users revoke alice deploy.run_deploy")]
    Revoke(UsersGrantArgs),

    /// Write every user as JSON Lines or CSV, in the format import reads
    #[command(after_help = "Example:\n  authctl users export --format csv --output users.csv")]
    Export(UsersExportArgs),
}

#[derive(Debug, Args)]
pub struct UsersListArgs {
    /// Only active users
    #[arg(long, conflicts_with = "inactive")]
    pub active: bool,

    /// Only inactive users
    #[arg(long)]
    pub inactive: bool,

    /// Only staff users
    #[arg(long)]
    pub staff: bool,

    /// Only superusers
    #[arg(long)]
    pub superuser: bool,

    /// Only users whose username, email or names contain TEXT (ignoring case)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Show at most N users
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Skip the first N matching users
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,

    /// Include the password hashes
    #[arg(long)]
    pub with_hashes: bool,

    /// Only members of this group
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,

    /// Only users with this permission (app_label.codename), by Django's rules
    #[arg(long, value_name = "PERM")]
    pub perm: Option<String>,
}

#[derive(Debug, Args)]
pub struct UsersUnlockArgs {
    /// Usernames, as they were typed at the failed logins
    #[arg(required_unless_present = "all", conflicts_with = "all", add = ArgValueCompleter::new(crate::completion::usernames))]
    pub usernames: Vec<String>,

    /// Every username with failed logins or a lock
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only events about this username
    #[arg(long, value_name = "USER", add = ArgValueCompleter::new(crate::completion::usernames))]
    pub user: Option<String>,

    /// Only this event (user_created, login_failed, locked, password_changed, and so on)
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,

    /// Only events at or after this time (YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], UTC)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,

    /// Only events at or before this time
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,

    /// Show at most N events
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct UsersSessionsArgs {
    /// Username
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,
}

#[derive(Debug, Args)]
pub struct UsersLogoutArgs {
    /// Username
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,

    /// End only this session (its id, as users sessions lists it)
    #[arg(long, value_name = "ID")]
    pub session: Option<i64>,
}

#[derive(Debug, Args)]
pub struct UsersGrantArgs {
    /// Username
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,

    /// Permissions, as app_label.codename
    #[arg(required = true, value_name = "PERM")]
    pub permissions: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// List the groups with their member and permission counts
    #[command(after_help = "Example:\n  authctl groups list --json")]
    List,

    /// Show a group's members and permissions
    #[command(after_help = "Example:\n  authctl groups show editors")]
    Show(GroupNameArgs),

    /// Create a group
    #[command(after_help = "Example:\n  authctl groups create editors")]
    Create(GroupNameArgs),

    /// Rename a group
    #[command(after_help = "Example:\n  authctl groups rename editors authors")]
    Rename(GroupRenameArgs),

    /// Delete groups with their memberships and permissions (asks first on a terminal)
    #[command(after_help = "Example:\n  authctl groups delete old-team --yes")]
    Delete(GroupsDeleteArgs),

    /// Add users to a group; those already in it are left as they are
    #[command(after_help = "Example:\n  authctl groups add editors alice bob")]
    Add(GroupMembersArgs),

    /// Remove users from a group; those not in it are left as they are
    #[command(after_help = "Example:\n  authctl groups remove editors bob")]
    Remove(GroupMembersArgs),

    /// Give a group permissions (app_label.codename)
    #[command(
        after_help = "Example:\n  authctl groups grant editors blog.add_post blog.change_post"
    )]
    Grant(GroupPermsArgs),

    /// Take permissions away from a group
    #[command(after_help = "Example:\n  authctl groups revoke editors blog.delete_post")]
    Revoke(GroupPermsArgs),
}

#[derive(Debug, Args)]
pub struct GroupNameArgs {
    /// The group's name
    pub name: String,
}

#[derive(Debug, Args)]
pub struct GroupRenameArgs {
    /// The group's name now
    pub old: String,

    /// Its new name
    pub new: String,
}

#[derive(Debug, Args)]
pub struct GroupsDeleteArgs {
    /// The groups' names
    #[arg(required = true)]
    pub names: Vec<String>,

    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct GroupMembersArgs {
    /// The group's name
    pub name: String,

    /// Usernames
    #[arg(required = true, value_name = "USER", add = ArgValueCompleter::new(crate::completion::usernames))]
    pub users: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GroupPermsArgs {
    /// The group's name
    pub name: String,

    /// Permissions, as app_label.codename
    #[arg(required = true, value_name = "PERM")]
    pub permissions: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum PermsCommand {
    /// List the permissions that exist, or a user's effective ones and where each comes from
    #[command(
        after_help = "Examples:\n  authctl perms list --app blog\n  authctl perms list --user alice"
    )]
    List(PermsListArgs),

    /// Create a custom permission, as a Django data migration would
    #[command(
        after_help = "Example:\n  authctl perms create deploy.run_deploy --model deployment --name 'Can run a deploy'"
    )]
    Create(PermsCreateArgs),
}

#[derive(Debug, Args)]
pub struct PermsListArgs {
    /// Only this app's permissions
    #[arg(long, value_name = "APP")]
    pub app: Option<String>,

    /// A user's effective permissions, each with where it comes from (direct, a group, superuser)
    #[arg(long, value_name = "USER", add = ArgValueCompleter::new(crate::completion::usernames))]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct PermsCreateArgs {
    /// The permission, as app_label.codename
    pub permission: String,

    /// The model it is for (its content type is created if needed)
    #[arg(long)]
    pub model: String,

    /// What it allows, as Django shows it ("Can run a deploy")
    #[arg(long)]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct UsersShowArgs {
    /// Username
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,

    /// Include the password hash
    #[arg(long)]
    pub with_hashes: bool,
}

#[derive(Debug, Args)]
pub struct UsersSetArgs {
    /// Username of the user to change
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,

    /// Rename the user (case-insensitively unique, like signup)
    #[arg(long = "username", value_name = "NEW")]
    pub new_username: Option<String>,

    /// New email address
    #[arg(long)]
    pub email: Option<String>,

    /// New first name
    #[arg(long)]
    pub first_name: Option<String>,

    /// New last name
    #[arg(long)]
    pub last_name: Option<String>,

    /// Allow the user to log in
    #[arg(long, conflicts_with = "inactive")]
    pub active: bool,

    /// Stop the user logging in (ends the user's sessions)
    #[arg(long)]
    pub inactive: bool,

    /// Give access to the Django admin
    #[arg(long, conflicts_with = "no_staff")]
    pub staff: bool,

    /// Take away access to the Django admin
    #[arg(long)]
    pub no_staff: bool,

    /// Give every permission
    #[arg(long, conflicts_with = "no_superuser")]
    pub superuser: bool,

    /// Take away superuser status
    #[arg(long)]
    pub no_superuser: bool,

    /// Make the password unusable (ends the user's sessions)
    #[arg(long)]
    pub unusable_password: bool,

    /// A value for a column of a custom user model (repeatable); see "Custom user models"
    #[arg(long = "field", value_name = "NAME=VALUE", value_parser = parse_field)]
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct UsersDeleteArgs {
    /// Usernames
    #[arg(required = true, add = ArgValueCompleter::new(crate::completion::usernames))]
    pub usernames: Vec<String>,

    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// A username that does not exist is not an error
    #[arg(long)]
    pub missing_ok: bool,
}

#[derive(Debug, Args)]
pub struct UsersSetPasswordArgs {
    /// Username
    #[arg(add = ArgValueCompleter::new(crate::completion::usernames))]
    pub username: String,

    #[command(flatten)]
    pub password: PasswordSource,

    /// Do not run the password validators
    #[arg(long, conflicts_with = "hash")]
    pub skip_validation: bool,

    /// What is read is an encoded Django hash (as `users export --with-hashes` writes), stored
    /// as it is once authctl can check it and the site's hashers include it
    #[arg(long)]
    pub hash: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TransferFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OnConflict {
    Fail,
    Skip,
    Update,
}

#[derive(Debug, Args)]
pub struct UsersImportArgs {
    /// File to read, or - for standard input
    pub file: PathBuf,

    /// Input format [default: csv for a .csv file, else jsonl]
    #[arg(long, value_enum)]
    pub format: Option<TransferFormat>,

    /// What to do with a username that exists
    #[arg(long, value_enum, default_value = "fail")]
    pub on_conflict: OnConflict,

    /// Print what each row would do and write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not run the password validators on plain passwords
    #[arg(long)]
    pub skip_validation: bool,

    /// Create the groups the rows name that do not exist yet
    #[arg(long)]
    pub create_groups: bool,

    #[command(flatten)]
    pub progress: ProgressArgs,
}

/// Whether to draw a progress bar on stderr.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Show a progress bar on stderr, even when it is not a terminal
    #[arg(long, overrides_with = "no_progress")]
    pub progress: bool,

    /// Never show a progress bar [default: shown when stderr is a terminal]
    #[arg(long, overrides_with = "progress")]
    pub no_progress: bool,
}

impl ProgressArgs {
    /// `Some(true)` or `Some(false)` when asked; `None` leaves it to the terminal.
    pub fn choice(&self) -> Option<bool> {
        match (self.progress, self.no_progress) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct UsersExportArgs {
    /// Output format [default: csv for an --output ending in .csv, else jsonl]
    #[arg(long, value_enum)]
    pub format: Option<TransferFormat>,

    /// Include the password hashes (as password_hash), so an import restores the passwords
    #[arg(long)]
    pub with_hashes: bool,

    /// Write to this file (mode 0600) instead of standard output (- is standard output)
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub progress: ProgressArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print a script for
    #[arg(value_enum, required_unless_present = "out_dir")]
    pub shell: Option<Shell>,

    /// Write the scripts for every shell into DIR instead
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// List the reset emails waiting to be sent, with their attempts and last error
    #[command(after_help = "Example:\n  authctl mail list")]
    List,

    /// Send the reset emails that are due (a cron job can run this to retry deferred ones)
    #[command(after_help = "Example:\n  authctl mail flush --all -v")]
    Flush(MailFlushArgs),
}

#[derive(Debug, Args)]
pub struct MailFlushArgs {
    /// Send every waiting email now, including those deferred until later
    #[arg(long)]
    pub all: bool,

    /// Run as the sender reset-request starts: silent, and retrying deferred emails for
    /// email.retry_for seconds
    #[arg(long, hide = true)]
    pub background: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write authctl.1 and a page for every subcommand into DIR
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// A command whose arguments (or subcommands) clap builds only when the command line names it
/// (unless [`full_command`] asked for everything). A run uses one command of many, and
/// building every command's arguments up front was about a tenth of what a whole `verify`
/// process costs.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T: clap::FromArgMatches> clap::FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

impl<T: Args> Args for Deferred<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        now_or_later(cmd, T::augment_args, |cmd| keep_about(cmd, T::augment_args))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        now_or_later(cmd, T::augment_args_for_update, |cmd| {
            keep_about(cmd, T::augment_args_for_update)
        })
    }
}

/// `now` applied at once when the whole tree is asked for ([`full_command`]), else `later` left
/// for clap to apply when the command line names this command.
type Build = fn(clap::Command) -> clap::Command;
fn now_or_later(cmd: clap::Command, now: Build, later: Build) -> clap::Command {
    match EAGER.load(Ordering::Relaxed) {
        true => now(cmd),
        false => cmd.defer(later),
    }
}

/// Adds the arguments with `augment`, keeping the command's own summary: a flattened struct's
/// doc comment would replace it, now that the arguments come after the summary was set.
fn keep_about(cmd: clap::Command, augment: fn(clap::Command) -> clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let cmd = augment(cmd);
    let cmd = match about {
        Some(about) => cmd.about(about),
        None => cmd.about(None::<&str>),
    };
    match long_about {
        Some(long_about) => cmd.long_about(long_about),
        None => cmd.long_about(None::<&str>),
    }
}

impl<T: Subcommand> Subcommand for Deferred<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        now_or_later(cmd, T::augment_subcommands, T::augment_subcommands)
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        now_or_later(
            cmd,
            T::augment_subcommands_for_update,
            T::augment_subcommands_for_update,
        )
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(cmd: &clap::Command) -> Vec<clap::Command> {
        let mut out = vec![cmd.clone()];
        // clap's generated `help` subcommand mirrors the real ones without their help texts.
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            out.extend(all(sub));
        }
        out
    }

    #[test]
    fn clap_definition_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn every_subcommand_has_a_summary_an_example_and_documented_flags() {
        let mut cmd = command();
        cmd.build();
        for sub in all(&cmd).iter().skip(1) {
            let name = sub.get_name();
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(
                !about.is_empty() && !about.contains('\n'),
                "{name}: one-line summary"
            );
            if sub.has_subcommands() {
                continue;
            }
            let after = sub
                .get_after_help()
                .map(|a| a.to_string())
                .unwrap_or_default();
            assert!(
                after.starts_with("Example"),
                "{name}: needs an example, has {after:?}"
            );
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(arg.get_help().is_some(), "{name}: --{id} is undocumented");
            }
        }
    }
}
