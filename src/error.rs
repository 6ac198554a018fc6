//! Every way authctl can fail, as one typed enum in four families, and the exit code of each
//! family. `main` is the only place that turns an [`Error`] into a message and a status; the
//! exit-status table in `--help`, the man page and the README is rendered from [`EXIT_STATUS`].

use std::fmt;

/// A cause kept behind an environment failure (an I/O, database or mail library error).
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of failure this is; each family has one exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Wrong credentials, inactive user, bad token, not logged in.
    Denied,
    /// Bad arguments, or input needed but there is no terminal to ask on.
    Usage,
    /// Validation failed, user exists, no such user.
    Invalid,
    /// Database, config, session file or mail server unusable.
    Environment,
    /// Stopped by Ctrl-C (SIGINT), after rolling back: the shell's 128 + 2.
    Interrupted,
}

impl Family {
    /// The one map from failures to exit statuses.
    pub fn exit_code(self) -> u8 {
        match self {
            Family::Denied => 1,
            Family::Usage => 2,
            Family::Invalid => 3,
            Family::Environment => 4,
            Family::Interrupted => 130,
        }
    }
}

/// The exit statuses with what each means, for `--help`, the man page and the README.
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "Success (reset-request also when no account matched)."),
    (
        1,
        "Denied: wrong credentials, inactive user, invalid or expired token, not logged in.",
    ),
    (
        2,
        "Usage: bad arguments, or input needed with no terminal to ask on and no flag given.",
    ),
    (
        3,
        "Invalid data: validation failed, user already exists, no such user.",
    ),
    (
        4,
        "Environment: database, config, session file or mail server unusable.",
    ),
    (
        130,
        "Interrupted by Ctrl-C; what the command was writing was rolled back.",
    ),
];

/// Messages that several flows share, in Django's words.
pub mod messages {
    /// Django's `AuthenticationForm` error, the same for every kind of failure.
    pub const LOGIN_FAILED: &str = "Please enter a correct username and password. Note that both fields may be case-sensitive.";
    pub const USERNAME_EXISTS: &str = "A user with that username already exists.";
    /// `createsuperuser`'s message for a taken username (exact match, as Django's).
    pub const PASSWORD_MISMATCH: &str = "The two password fields didn\u{2019}t match.";
    pub const BLANK_PASSWORD: &str = "Blank passwords aren't allowed.";
    pub const REQUIRED: &str = "This field is required.";
    pub const BLANK: &str = "This field cannot be blank.";
    pub const RESET_LINK_INVALID: &str = "The password reset link was invalid, possibly because it has already been used. Please request a new password reset.";
    pub const OLD_PASSWORD_WRONG: &str =
        "Your old password was entered incorrectly. Please enter it again.";
}

/// One complaint of a form, about one field or about the whole input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field (`username`, `password`, …); `None` for the form as a whole.
    pub field: Option<&'static str>,
    pub message: String,
}

/// Everything a form found wrong, in the order found (Django lists every complaint).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.message.as_str())
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages().collect::<Vec<_>>().join(" "))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    // Denied (exit 1).
    /// Every failed credential check looks the same; `why`, when there is more to say, is for
    /// `-v` only (the operator's eyes), never part of the message.
    #[error("{}", messages::LOGIN_FAILED)]
    LoginFailed {
        why: Option<String>,
        /// Why the failure could not be recorded (a read-only database): then it did not
        /// count toward a lock, which a caller answering many checks must say out loud.
        unrecorded: Option<String>,
    },
    #[error("{}", messages::OLD_PASSWORD_WRONG)]
    OldPasswordWrong,
    #[error("{}", messages::RESET_LINK_INVALID)]
    ResetLinkInvalid,
    #[error("not logged in: {0}")]
    NotLoggedIn(String),
    /// The person declined or gave up (a confirmation answered no, an empty answer).
    #[error("{0}")]
    Cancelled(String),

    // Usage (exit 2).
    /// Input only a prompt could have given, with no terminal to ask on.
    #[error("no {what} given, and {why}; use {flags}")]
    MissingInput {
        what: String,
        why: &'static str,
        flags: String,
    },
    #[error("{0}")]
    Usage(String),

    // Invalid (exit 3).
    /// A form's field errors: Django's messages, all of them.
    #[error("{0}")]
    Form(FieldErrors),
    #[error("no such user: {0}")]
    NoSuchUser(String),
    /// Input that is not text.
    #[error("{0} is not UTF-8 text")]
    NotText(String),
    #[error("{0}")]
    Invalid(String),

    // Environment (exit 4).
    /// A setting with a bad value, named with where it came from.
    #[error("{0}")]
    Config(String),
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// The database refused or failed; `source` is the driver's reason, when there is one.
    #[error("{context}")]
    Database {
        context: String,
        #[source]
        source: Option<Cause>,
    },
    #[error("cannot send email through {server}: {reason}")]
    Mail { server: String, reason: String },
    #[error("{0}")]
    Environment(String),

    // Interrupted (exit 130).
    #[error("{0}")]
    Interrupted(String),
}

impl Error {
    pub fn family(&self) -> Family {
        match self {
            Error::LoginFailed { .. }
            | Error::OldPasswordWrong
            | Error::ResetLinkInvalid
            | Error::NotLoggedIn(_)
            | Error::Cancelled(_) => Family::Denied,
            Error::MissingInput { .. } | Error::Usage(_) => Family::Usage,
            Error::Form(_) | Error::NoSuchUser(_) | Error::NotText(_) | Error::Invalid(_) => {
                Family::Invalid
            }
            Error::Config(_)
            | Error::Io { .. }
            | Error::Database { .. }
            | Error::Mail { .. }
            | Error::Environment(_) => Family::Environment,
            Error::Interrupted(_) => Family::Interrupted,
        }
    }

    /// One form complaint not tied to a field.
    pub fn form(message: impl Into<String>) -> Error {
        Error::Form(FieldErrors(vec![FieldError {
            field: None,
            message: message.into(),
        }]))
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// A denial's reason for `-v`, when there is one beyond its message.
    pub fn why(&self) -> Option<&str> {
        match self {
            Error::LoginFailed { why, .. } => why.as_deref(),
            _ => None,
        }
    }

    /// For a denial whose failure could not be recorded: why not.
    pub fn unrecorded(&self) -> Option<&str> {
        match self {
            Error::LoginFailed { unrecorded, .. } => unrecorded.as_deref(),
            _ => None,
        }
    }

    /// The separate messages, one per line when a terminal shows them (as Django lists
    /// validator messages); a single message otherwise.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Error::Form(errors) => errors.messages().map(String::from).collect(),
            other => vec![other.chain()],
        }
    }

    /// The message with every cause after it, `: `-separated, on one line.
    pub fn chain(&self) -> String {
        let mut text = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            let more = cause.to_string();
            if !text.ends_with(&more) {
                text.push_str(": ");
                text.push_str(&more);
            }
            source = cause.source();
        }
        text
    }
}

/// Adds what was being done to an I/O failure.
pub trait IoContext<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> IoContext<T> for std::result::Result<T, std::io::Error> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::io(what(), source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_has_its_documented_status() {
        for family in [
            Family::Denied,
            Family::Usage,
            Family::Invalid,
            Family::Environment,
            Family::Interrupted,
        ] {
            let code = family.exit_code();
            assert!(EXIT_STATUS.iter().any(|(c, _)| *c == code), "{family:?}");
        }
    }

    #[test]
    fn the_readme_shows_the_same_exit_status_table() {
        let readme = include_str!("../README.md");
        let table: String = EXIT_STATUS
            .iter()
            .map(|(code, meaning)| format!("| {code} | {meaning} |\n"))
            .collect();
        assert!(
            readme.contains(&format!("| code | meaning |\n|---|---|\n{table}")),
            "README.md's exit code table differs from error::EXIT_STATUS:\n{table}"
        );
    }

    #[test]
    fn causes_follow_the_message_on_one_line() {
        let err = Error::io(
            "cannot read config file x.toml",
            std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory"),
        );
        assert_eq!(
            err.chain(),
            "cannot read config file x.toml: No such file or directory"
        );
        assert_eq!(err.family().exit_code(), 4);
    }
}
