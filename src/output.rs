//! The one place that writes to stdout and stderr: human text, or JSON with `--json`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;

/// Times in JSON output: RFC 3339 in UTC with microseconds.
pub fn json_time(t: DateTime<Utc>) -> Value {
    Value::String(t.to_rfc3339_opts(SecondsFormat::Micros, true))
}

/// A user as every JSON result shows one; the hash only when asked for.
pub fn user_json(user: &authctl::store::User, with_hash: bool) -> Value {
    let mut value = serde_json::json!({
        "id": user.id,
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "date_joined": json_time(user.date_joined),
        "last_login": user.last_login.map(json_time),
    });
    if with_hash {
        value["password"] = Value::String(user.password.clone());
    }
    value
}

#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
}

impl Printer {
    /// A command's result: the JSON object with `--json`, otherwise the text unless `-q`.
    pub fn result(&self, text: &str, json: Value) {
        if self.json {
            println!("{json}");
        } else if !self.quiet && !text.is_empty() {
            println!("{text}");
        }
    }

    /// Text that is part of the result but not the JSON object (the console email backend's
    /// messages): stdout normally, stderr with `--json` so stdout stays one JSON object.
    pub fn passthrough(&self, text: &str) {
        if self.json {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    }

    /// Conversation on a terminal (prompts' error lines), always on stderr.
    pub fn say(&self, text: &str) {
        eprintln!("{text}");
    }

    /// Extra detail with `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbose > 0 {
            eprintln!("authctl: {text}");
        }
    }

    pub fn error(text: &str) {
        eprintln!("authctl: error: {text}");
    }
}
