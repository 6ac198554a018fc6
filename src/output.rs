//! The one place that writes to stdout and stderr: human text, or JSON with `--json`.
//!
//! Nothing here panics on a failed write (`println!` would): the first stdout failure is kept
//! and `main` reports it as exit 4, since a result nobody received is not a success. Text meant
//! for a terminal has its control characters escaped, so a name stored by someone else cannot
//! drive the reader's terminal.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;
use std::borrow::Cow;
use std::io::Write;
use std::sync::Mutex;
use unicode_width::UnicodeWidthStr;

/// Times in JSON output: RFC 3339 in UTC with microseconds.
pub fn json_time(t: DateTime<Utc>) -> Value {
    Value::String(t.to_rfc3339_opts(SecondsFormat::Micros, true))
}

/// A user as every JSON result shows one: the fields the user model has; the hash only when
/// asked for.
pub fn user_json(
    user: &authctl::store::User,
    model: &authctl::store::UserModel,
    with_hash: bool,
) -> Value {
    let mut value = serde_json::json!({
        "id": user.id,
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "date_joined": user.date_joined.map(json_time),
        "last_login": user.last_login.map(json_time),
    });
    if let Value::Object(fields) = &mut value {
        fields.retain(|name, _| {
            !authctl::store::ROLE_COLUMNS.contains(&name.as_str())
                || model.has(name)
                || name == "id"
        });
        if model.email.is_none() {
            fields.remove("email");
        }
    }
    // A custom model's other columns, as text (null for NULL).
    for (name, extra) in &user.extra {
        value[name] = serde_json::json!(extra);
    }
    if with_hash {
        value["password"] = Value::String(user.password.clone());
    }
    value
}

/// One field of stored data for a human reader: every control character, line breaks included,
/// shown escaped (`\n`, `\u{1b}`), so it stays on its line and cannot reach the terminal.
pub fn field(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Whole lines for a terminal: control characters other than line breaks escaped.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Characters that reorder the text around them on a terminal (bidirectional marks,
/// embeddings, overrides and isolates), so a name could show as something it is not.
fn reorders(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && !(keep_newlines && c == '\n')) || reorders(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Left-aligned columns two spaces apart, measured in terminal cells (CJK takes two).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width())))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let mut out = vec![line(header.to_vec())];
    out.extend(
        rows.iter()
            .map(|r| line(r.iter().map(String::as_str).collect())),
    );
    out.join("\n")
}

static STDOUT_FAILURE: Mutex<Option<String>> = Mutex::new(None);

/// Why writing the result failed, if it did (reported once by `main`).
pub fn stdout_failure() -> Option<String> {
    STDOUT_FAILURE.lock().ok()?.take()
}

fn out(text: &str) {
    raw(text.as_bytes());
}

/// Bytes as they are (generated files), with the same failure handling as results.
pub fn raw(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        note_stdout_failure(&e);
    }
}

/// Keeps the first failure to write a result, for `main` to report once.
pub fn note_stdout_failure(e: &std::io::Error) {
    if let Ok(mut failure) = STDOUT_FAILURE.lock() {
        failure.get_or_insert_with(|| format!("cannot write to standard output: {e}"));
    }
}

fn err(text: &str) {
    // Nothing sensible is left to do when even stderr is gone.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
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
            out(&format!("{json}\n"));
        } else if !self.quiet && !text.is_empty() {
            out(&format!("{}\n", terminal(text)));
        }
    }

    /// Text that is part of the result but not the JSON object (the console email backend's
    /// messages): stdout normally, stderr with `--json` so stdout stays one JSON object.
    pub fn passthrough(&self, text: &str) {
        if self.json {
            err(&terminal(text));
        } else {
            out(&terminal(text));
        }
    }

    /// Conversation on a terminal (prompts' error lines), always on stderr.
    pub fn say(&self, text: &str) {
        err(&format!("{}\n", terminal(text)));
    }

    /// Extra detail with `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbose > 0 {
            err(&format!("authctl: {}\n", terminal(text)));
        }
    }

    /// Something unwise but allowed, always on stderr.
    pub fn warn(&self, text: &str) {
        err(&format!("authctl: warning: {}\n", terminal(text)));
    }

    pub fn error(text: &str) {
        err(&format!("authctl: error: {}\n", field(text)));
    }

    /// The line after a usage error: how the command is called.
    pub fn usage(text: &str) {
        err(&format!("{}\n", field(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(field("plain ünïcode"), "plain ünïcode");
        assert_eq!(field("a\u{1b}]0;x\u{7}b\nc"), "a\\u{1b}]0;x\\u{7}b\\nc");
        assert_eq!(
            terminal("line one\nline\u{1b}[2J two"),
            "line one\nline\\u{1b}[2J two"
        );
        assert_eq!(field("admin\u{202e}txt.exe"), "admin\\u{202e}txt.exe");
        assert_eq!(field("a\u{2066}b\u{2069}"), "a\\u{2066}b\\u{2069}");
    }
}
