//! The command line, as clap types only: doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Django's user accounts from the command line: createsuperuser, signup, login, password reset.
///
/// authctl keeps users in a SQLite database in Django's own `auth_user` layout and password
/// hash formats, so it works on its own or on a Django project's `db.sqlite3`.
#[derive(Debug, Parser)]
#[command(
    name = "authctl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// SQLite database path or `file:` URI [env: AUTHCTL_DATABASE]
    #[arg(long, global = true, value_name = "PATH")]
    pub database: Option<String>,

    /// TOML config file [env: AUTHCTL_CONFIG]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]
    #[arg(long, global = true, value_name = "PATH")]
    pub session_file: Option<PathBuf>,

    /// Never prompt; missing input is an error (exit 2)
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Print a machine-readable JSON result on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Print nothing on success
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Explain more on stderr (reasons for denials, hash upgrades)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a staff superuser, like Django's `manage.py createsuperuser`
    #[command(after_help = "Examples:\n  authctl createsuperuser\n  \
        printf '%s\\n' \"$PW\" | authctl createsuperuser --no-input --username admin \
        --email admin@example.com --password-stdin --if-missing")]
    Createsuperuser(CreatesuperuserArgs),

    /// Create a regular active user, like Django's UserCreationForm
    #[command(after_help = "Example:\n  authctl signup --username alice --email alice@example.com")]
    Signup(SignupArgs),

    /// Log in: check the password, set last_login and start a session kept in the session file
    #[command(after_help = "Example:\n  authctl login --username alice")]
    Login(LoginArgs),

    /// End this session and remove the session file; not being logged in is fine
    #[command(after_help = "Example:\n  authctl logout --all")]
    Logout(LogoutArgs),

    /// Print the logged-in user; exit 1 if there is no valid session
    #[command(after_help = "Example:\n  authctl whoami --json")]
    Whoami,

    /// Change the logged-in user's password; other sessions of the user end
    #[command(
        after_help = "Example:\n  printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | authctl passwd --password-stdin"
    )]
    Passwd(PasswdArgs),

    /// Email a password reset token to the active users with this address
    #[command(after_help = "Example:\n  authctl reset-request --email alice@example.com")]
    ResetRequest(ResetRequestArgs),

    /// Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)
    #[command(
        after_help = "Examples:\n  authctl reset-confirm MQ cx3k2p-4f1e0c2a9b7d8e6f5a4b3c2d1e0f9a8b\n  \
        authctl reset-confirm https://example.com/accounts/reset/MQ/cx3k2p-4f1e.../"
    )]
    ResetConfirm(ResetConfirmArgs),

    /// Check a username and password; exit 0 if valid, 1 if not, printing nothing
    #[command(
        after_help = "Example:\n  printf '%s\\n' \"$PW\" | authctl verify --username alice --password-stdin && echo ok"
    )]
    Verify(VerifyArgs),
}

/// Where a password comes from when it is not typed at a prompt.
#[derive(Debug, Args, Clone, Default)]
pub struct PasswordSource {
    /// Read the password from standard input (one line, trailing CR/LF removed)
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the password from the first line of a file
    #[arg(long, value_name = "PATH", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,
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

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Username (asked for on a terminal when missing)
    #[arg(long)]
    pub username: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Username (asked for on a terminal when missing)
    #[arg(long)]
    pub username: Option<String>,

    #[command(flatten)]
    pub password: PasswordSource,
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

    /// Read the old then the new password from the first two lines of a file
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
