//! The error type the library hands back, carrying the category that `main` turns into an exit code.

use std::fmt;

/// What kind of failure this is; each maps to one exit status (see the README's exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Wrong credentials, inactive user, bad token, not logged in.
    Denied,
    /// Bad arguments, or input needed but there is no terminal to ask on.
    Usage,
    /// Validation failed, user exists, no such user.
    Invalid,
    /// Database, config, session file or mail server unusable.
    Environment,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Denied => 1,
            Kind::Usage => 2,
            Kind::Invalid => 3,
            Kind::Environment => 4,
        }
    }
}

/// A failure with a category and a message meant for the person at the terminal.
///
/// Validation can fail for several reasons at once (Django lists every password validator's
/// complaint), so the message is a list; `Display` joins it into one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    pub messages: Vec<String>,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            messages: vec![message.into()],
        }
    }
    pub fn denied(message: impl Into<String>) -> Self {
        Self::new(Kind::Denied, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Kind::Invalid, message)
    }
    pub fn environment(message: impl Into<String>) -> Self {
        Self::new(Kind::Environment, message)
    }
    pub fn invalid_all(messages: Vec<String>) -> Self {
        Error {
            kind: Kind::Invalid,
            messages,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.join(" "))
    }
}

impl std::error::Error for Error {}

/// Finds the category of an error anywhere in an `anyhow` chain; anything uncategorised is an
/// environment failure (I/O, SQLite), which is what an unexpected error almost always is.
pub fn kind_of(err: &anyhow::Error) -> Kind {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<Error>())
        .map(|e| e.kind)
        .unwrap_or(Kind::Environment)
}

/// The separate messages of a categorised error (one per line when a terminal shows them, as
/// Django lists validator messages), else the whole chain as one.
pub fn messages_of(err: &anyhow::Error) -> Vec<String> {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<Error>())
        .map(|e| e.messages.clone())
        .unwrap_or_else(|| vec![format!("{err:#}")])
}

pub type Result<T, E = anyhow::Error> = std::result::Result<T, E>;
