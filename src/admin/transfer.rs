//! Bulk import and export of users as JSON Lines or CSV, with the same fields both ways so an
//! export can be imported again. An import is one transaction: one bad row and nothing is written.

use crate::accounts::Accounts;
use crate::config::parse_bool;
use crate::error::{Error, Result};
use crate::hashers;
use crate::secret::Secret;
use crate::store::{NewUser, User, sessions, users};
use crate::validators::{self, UserAttributes};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

/// The columns, in export order; `password` (plain, hashed on import) is import-only and
/// `password_hash` is exported only on request.
pub const FIELDS: [&str; 9] = [
    "username",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "is_staff",
    "is_superuser",
    "password",
    "password_hash",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    Fail,
    Skip,
    Update,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Skip,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Skip => "skip",
        }
    }
}

/// One row of an import; `None` means the row does not set that field.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Line in the input, for messages.
    pub line: usize,
    pub username: String,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub is_active: Option<bool>,
    pub is_staff: Option<bool>,
    pub is_superuser: Option<bool>,
    pub password: Option<Secret>,
    pub password_hash: Option<String>,
}

/// What the import did (or, with `dry_run`, would do) with one row.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub line: usize,
    pub username: String,
    pub action: Action,
}

/// `line N: problem.` — each a sentence, since several are reported on one line.
fn row_error(line: usize, message: impl std::fmt::Display) -> String {
    let message = message.to_string();
    let stop = if message.ends_with('.') { "" } else { "." };
    format!("line {line}: {message}{stop}")
}

/// Reads every record, reporting every malformed row at once.
pub fn parse(format: Format, input: &str) -> Result<Vec<Record>> {
    // Spreadsheets often start a UTF-8 file with a byte-order mark.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut header_errors = Vec::new();
    let mut fields: Vec<(usize, Vec<(String, Value)>)> = Vec::new();
    match format {
        Format::Jsonl => {
            for (i, line) in input.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Pairs>(line) {
                    Ok(Pairs(pairs)) => fields.push((i + 1, pairs)),
                    Err(e) => errors.push(row_error(i + 1, format!("not a JSON object: {e}"))),
                }
            }
        }
        Format::Csv => {
            // The csv crate counts a CRLF line end as two lines, and may place a record's start on
            // the line end before it; count lines from the first byte of the record instead.
            let bytes = input.as_bytes();
            let line_at = |byte: u64| {
                let mut start = (byte as usize).min(bytes.len());
                while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
            };
            let mut reader = csv::ReaderBuilder::new().from_reader(input.as_bytes());
            let headers = reader
                .headers()
                .map_err(|e| Error::invalid(format!("header line: not a CSV header: {e}")))?
                .clone();
            let mut seen = Vec::new();
            for name in headers.iter() {
                if !FIELDS.contains(&name) {
                    header_errors.push(format!(
                        "header line: unknown column `{name}` (known: {}).",
                        FIELDS.join(", ")
                    ));
                } else if seen.contains(&name) {
                    header_errors.push(format!("header line: column `{name}` appears twice."));
                }
                seen.push(name);
            }
            for result in reader.records() {
                match result {
                    Ok(record) => {
                        let line = record.position().map_or(0, |p| line_at(p.byte()));
                        let pairs = headers
                            .iter()
                            .zip(record.iter())
                            // An empty cell leaves a flag or password alone; names and email
                            // are plain text where empty is a value.
                            .filter(|(h, v)| {
                                !v.is_empty() || matches!(*h, "email" | "first_name" | "last_name")
                            })
                            .map(|(h, v)| (h.to_string(), Value::String(v.to_string())))
                            .collect();
                        fields.push((line, pairs));
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, |p| line_at(p.byte()));
                        errors.push(row_error(line, format!("not a CSV record: {e}")));
                    }
                }
            }
        }
    }
    // A bad header makes every row's complaint noise; report the header alone.
    if !header_errors.is_empty() {
        return Err(Error::invalid_all(header_errors).into());
    }
    for (line, pairs) in fields {
        match record(line, pairs) {
            Ok(record) => records.push(record),
            Err(message) => errors.push(row_error(line, message)),
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(Error::invalid_all(errors).into())
    }
}

/// A JSON object's members in order, so a key given twice is noticed (serde_json's `Map` would
/// keep the last one silently).
struct Pairs(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

fn record(line: usize, pairs: Vec<(String, Value)>) -> std::result::Result<Record, String> {
    let mut map: HashMap<String, Value> = HashMap::new();
    for (key, value) in pairs {
        if map.insert(key.clone(), value).is_some() {
            return Err(format!("field `{key}` appears twice"));
        }
    }
    if let Some(unknown) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "unknown field `{unknown}` (known: {})",
            FIELDS.join(", ")
        ));
    }
    let mut text = |name: &str| -> std::result::Result<Option<String>, String> {
        match map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("`{name}` must be a string")),
        }
    };
    let username = text("username")?.unwrap_or_default();
    let email = text("email")?;
    let first_name = text("first_name")?;
    let last_name = text("last_name")?;
    let password = text("password")?.map(Secret::new);
    let password_hash = text("password_hash")?;
    let mut flag = |name: &str| -> std::result::Result<Option<bool>, String> {
        match map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(Value::Number(n)) if n.as_u64() == Some(0) => Ok(Some(false)),
            Some(Value::Number(n)) if n.as_u64() == Some(1) => Ok(Some(true)),
            Some(Value::String(s)) => parse_bool(&s)
                .map(Some)
                .ok_or_else(|| format!("`{name}` must be true or false, not {s:?}")),
            Some(other) => Err(format!("`{name}` must be true or false, not {other}")),
        }
    };
    Ok(Record {
        line,
        username,
        email,
        first_name,
        last_name,
        is_active: flag("is_active")?,
        is_staff: flag("is_staff")?,
        is_superuser: flag("is_superuser")?,
        password,
        password_hash,
    })
}

impl Accounts {
    /// Imports `records` in one transaction. Every row is checked first; any problem is exit 3
    /// naming the line, and nothing is written. With `dry_run` nothing is written either, and
    /// the outcome says what would have happened.
    pub fn import_users(
        &mut self,
        records: Vec<Record>,
        on_conflict: OnConflict,
        skip_validation: bool,
        dry_run: bool,
    ) -> Result<Vec<Outcome>> {
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        // The user a row collides with: the same name, else one differing only in case.
        let taken = users::usernames(self.store.conn())?;
        let exact: HashMap<&str, i64> = taken.iter().map(|(id, n)| (n.as_str(), *id)).collect();
        let mut folded: HashMap<String, i64> = HashMap::new();
        for (id, name) in &taken {
            folded.entry(name.to_lowercase()).or_insert(*id);
        }
        let mut plan = Vec::new();
        for mut record in records {
            let line = record.line;
            let mut problems = Vec::new();
            record.username = validators::normalize_username(record.username.trim());
            let username_problems = match record.username.is_empty() {
                true => vec!["This field is required.".to_string()],
                false => validators::username_errors(&record.username),
            };
            problems.extend(
                username_problems
                    .into_iter()
                    .map(|m| format!("username: {m}")),
            );
            if let Some(first) = seen.insert(record.username.to_lowercase(), line) {
                problems.push(format!("username {} repeats line {first}", record.username));
            }
            if let Some(email) = &mut record.email {
                *email = validators::normalize_email(email);
                problems.extend(
                    validators::email_errors(email)
                        .into_iter()
                        .map(|m| format!("email: {m}")),
                );
            }
            for (name, value) in [
                ("first_name", &mut record.first_name),
                ("last_name", &mut record.last_name),
            ] {
                if let Some(value) = value {
                    *value = value.trim().to_string();
                    problems.extend(
                        validators::name_errors(value)
                            .into_iter()
                            .map(|m| format!("{name}: {m}")),
                    );
                }
            }
            match (&record.password, &record.password_hash) {
                (Some(_), Some(_)) => {
                    problems.push("give password or password_hash, not both".into())
                }
                (None, Some(hash))
                    if hashers::is_usable(hash) && !hashers::is_well_formed(hash) =>
                {
                    problems.push("password_hash is not a hash format authctl verifies".into())
                }
                (Some(password), None) if password.is_blank() => {
                    problems.push(format!("password: {}", crate::accounts::BLANK_PASSWORD))
                }
                (Some(password), None) if !skip_validation => {
                    let attrs = UserAttributes {
                        username: &record.username,
                        email: record.email.as_deref().unwrap_or(""),
                        first_name: record.first_name.as_deref().unwrap_or(""),
                        last_name: record.last_name.as_deref().unwrap_or(""),
                    };
                    problems.extend(
                        self.password_problems(password, &attrs)
                            .into_iter()
                            .map(|m| format!("password: {m}")),
                    );
                }
                _ => {}
            }
            let existing = match exact
                .get(record.username.as_str())
                .or_else(|| folded.get(&record.username.to_lowercase()))
            {
                Some(id) => users::by_id(self.store.conn(), *id)?,
                None => None,
            };
            if existing.is_some() && on_conflict == OnConflict::Fail {
                problems.push(format!(
                    "user {} already exists (use --on-conflict skip or update)",
                    record.username
                ));
            }
            if problems.is_empty() {
                plan.push((record, existing));
            } else {
                errors.extend(problems.into_iter().map(|p| row_error(line, p)));
            }
        }
        if !errors.is_empty() {
            return Err(Error::invalid_all(errors).into());
        }
        let outcomes: Vec<Outcome> = plan
            .iter()
            .map(|(record, existing)| Outcome {
                line: record.line,
                username: record.username.clone(),
                action: match (existing, on_conflict) {
                    (None, _) => Action::Create,
                    (Some(_), OnConflict::Update) => Action::Update,
                    (Some(_), _) => Action::Skip,
                },
            })
            .collect();
        if dry_run {
            return Ok(outcomes);
        }
        // Hash before taking the write lock; skipped rows need no hash.
        let hashes: Vec<Option<String>> = plan
            .iter()
            .zip(&outcomes)
            .map(|((record, _), outcome)| {
                match (&record.password, &record.password_hash, outcome.action) {
                    (_, _, Action::Skip) => None,
                    (Some(password), _, _) => {
                        Some(hashers::make_password(password.expose(), &self.hashing))
                    }
                    (None, Some(hash), _) => Some(hash.clone()),
                    (None, None, Action::Create) => Some(hashers::make_unusable()),
                    (None, None, _) => None,
                }
            })
            .collect();
        let now = self.now;
        self.store.write(|tx| {
            for (((record, existing), outcome), hash) in plan.iter().zip(&outcomes).zip(&hashes) {
                // Looked up again under the lock: another process may have changed the table.
                let current = users::by_username(tx, &record.username)?.or(existing
                    .as_ref()
                    .and_then(|e| users::by_id(tx, e.id).ok().flatten()));
                match (outcome.action, current) {
                    (Action::Skip, _) => {}
                    (Action::Create, Some(_)) => {
                        return Err(Error::invalid(row_error(
                            record.line,
                            format!("user {} was created meanwhile", record.username),
                        ))
                        .into());
                    }
                    (Action::Create, None) => {
                        users::insert(
                            tx,
                            &NewUser {
                                username: record.username.clone(),
                                email: record.email.clone().unwrap_or_default(),
                                first_name: record.first_name.clone().unwrap_or_default(),
                                last_name: record.last_name.clone().unwrap_or_default(),
                                password: hash.clone().unwrap_or_else(hashers::make_unusable),
                                is_staff: record.is_staff.unwrap_or(false),
                                is_superuser: record.is_superuser.unwrap_or(false),
                                is_active: record.is_active.unwrap_or(true),
                                date_joined: now,
                            },
                        )?;
                    }
                    (Action::Update, None) => {
                        return Err(Error::invalid(row_error(
                            record.line,
                            format!("user {} was deleted meanwhile", record.username),
                        ))
                        .into());
                    }
                    (Action::Update, Some(mut user)) => {
                        apply(record, &mut user);
                        users::update_profile(tx, &user)?;
                        if let Some(hash) = hash {
                            users::set_password(tx, user.id, hash)?;
                        }
                        if hash.is_some() || !user.is_active {
                            sessions::delete_for_user(tx, user.id, None)?;
                        }
                    }
                }
            }
            Ok(())
        })?;
        Ok(outcomes)
    }

    /// Writes every user in `format`; hashes only when asked.
    pub fn export_users(
        &self,
        format: Format,
        with_hashes: bool,
        out: &mut dyn Write,
    ) -> Result<()> {
        let fields: Vec<&str> = FIELDS
            .iter()
            .copied()
            .filter(|f| *f != "password" && (with_hashes || *f != "password_hash"))
            .collect();
        let cell = |value: &Value| match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match format {
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record(&fields)?;
                users::each(self.store.conn(), |user| {
                    let values = export_values(user);
                    writer.write_record(fields.iter().map(|f| cell(&values[*f])))?;
                    Ok(true)
                })?;
                writer.flush()?;
            }
            Format::Jsonl => users::each(self.store.conn(), |user| {
                let values = export_values(user);
                let object: Map<String, Value> = fields
                    .iter()
                    .map(|f| (f.to_string(), values[*f].clone()))
                    .collect();
                writeln!(out, "{}", Value::Object(object))?;
                Ok(true)
            })?,
        }
        Ok(())
    }
}

fn export_values(user: &User) -> HashMap<&'static str, Value> {
    HashMap::from([
        ("username", Value::from(user.username.clone())),
        ("email", Value::from(user.email.clone())),
        ("first_name", Value::from(user.first_name.clone())),
        ("last_name", Value::from(user.last_name.clone())),
        ("is_active", Value::from(user.is_active)),
        ("is_staff", Value::from(user.is_staff)),
        ("is_superuser", Value::from(user.is_superuser)),
        ("password_hash", Value::from(user.password.clone())),
    ])
}

fn apply(record: &Record, user: &mut User) {
    if let Some(email) = &record.email {
        user.email = email.clone();
    }
    if let Some(name) = &record.first_name {
        user.first_name = name.clone();
    }
    if let Some(name) = &record.last_name {
        user.last_name = name.clone();
    }
    user.is_active = record.is_active.unwrap_or(user.is_active);
    user.is_staff = record.is_staff.unwrap_or(user.is_staff);
    user.is_superuser = record.is_superuser.unwrap_or(user.is_superuser);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_jsonl_read_the_same_record() {
        let csv = "username,email,is_staff,password\nalice,a@example.com,yes,pw\n";
        let jsonl = "{\"username\":\"alice\",\"email\":\"a@example.com\",\"is_staff\":true,\"password\":\"pw\"}\n";
        for (format, text) in [(Format::Csv, csv), (Format::Jsonl, jsonl)] {
            let records = parse(format, text).unwrap();
            assert_eq!(records.len(), 1);
            let r = &records[0];
            assert_eq!(
                (
                    r.username.as_str(),
                    r.email.as_deref(),
                    r.is_staff,
                    r.is_active
                ),
                ("alice", Some("a@example.com"), Some(true), None)
            );
            assert_eq!(r.password.as_ref().map(|p| p.expose()), Some("pw"));
            assert_eq!(r.line, 2 - usize::from(format == Format::Jsonl));
        }
    }

    #[test]
    fn crlf_bom_duplicates_and_headers_are_handled() {
        let crlf = "\u{feff}username,email\r\nok1,a@x.com\r\nok2,a@x.com\r\nbad,a@x.com,extra\r\n";
        let err = parse(Format::Csv, crlf).unwrap_err().to_string();
        assert!(err.contains("line 4: not a CSV record"), "{err}");
        let records = parse(Format::Csv, "username\r\na\r\nb\r\n").unwrap();
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        let err = parse(Format::Csv, "username,emial\na,b\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("header line: unknown column `emial`"),
            "{err}"
        );
        let err = parse(Format::Csv, "username,email,email\na,b,c\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("column `email` appears twice"), "{err}");
        let err = parse(Format::Jsonl, "{\"username\":\"a\",\"username\":\"b\"}\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1: field `username` appears twice"),
            "{err}"
        );
        assert_eq!(
            parse(Format::Jsonl, "\u{feff}{\"username\":\"a\"}\n")
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn malformed_rows_are_named_by_line() {
        let err = parse(
            Format::Jsonl,
            "{\"username\":\"a\"}\nnot json\n{\"usernmae\":\"b\"}\n",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2: not a JSON object"), "{text}");
        assert!(text.contains("line 3: unknown field `usernmae`"), "{text}");
        let err = parse(Format::Csv, "username,is_staff\na,maybe\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("line 2: `is_staff` must be true or false"),
            "{err}"
        );
    }
}
