//! Bulk import and export of users as JSON Lines or CSV, with the same fields both ways so an
//! export can be imported again. An import is one transaction: one bad row and nothing is written.

use super::form::Form;
use super::perms;
use super::{Accounts, store_password};
use crate::error::{Error, FieldErrors, Result};
use crate::hashers::make_unusable;
use crate::secret::Secret;
use crate::store::groups;
use crate::store::{Extras, NewUser, Tx, User, UserModel, iexact_key};
use crate::validators::{self, UserAttributes};
use crate::values::parse_bool;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

/// The columns, in export order; `password` (plain, hashed on import) is import-only and
/// `password_hash` is exported only on request.
pub const FIELDS: [&str; 10] = [
    "username",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "is_staff",
    "is_superuser",
    "groups",
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
    /// The groups the user is to be in, exactly (`None` leaves an existing user's alone).
    pub groups: Option<Vec<String>>,
    /// The user model's extra columns given, as text.
    pub fields: Vec<(String, String)>,
}

/// What the import did (or, with `dry_run`, would do) with one row.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub line: usize,
    pub username: String,
    pub action: Action,
    /// What is allowed but may surprise (a hash the site reads only with an extra package).
    pub warnings: Vec<String>,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    pub on_conflict: OnConflict,
    pub skip_validation: bool,
    pub dry_run: bool,
    /// Create the groups rows name that do not exist (else that is an error).
    pub create_groups: bool,
}

/// `line N: problem.` — each a sentence, since several are reported on one line.
fn row_error(line: usize, message: impl std::fmt::Display) -> String {
    let message = message.to_string();
    let stop = if message.ends_with('.') { "" } else { "." };
    format!("line {line}: {message}{stop}")
}

/// What a spreadsheet would run as a formula if a cell started with it — and the `'` that
/// marks a cell as text, so a value that starts with one keeps it through a round trip.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The columns an export writes that can hold such text (flags and hashes never start so).
const TEXT_COLUMNS: [&str; 5] = ["username", "email", "first_name", "last_name", "groups"];

/// A CSV cell a spreadsheet shows as text, not a formula: a leading `'` before anything that
/// would start one (OWASP's advice for CSV injection).
fn defuse_formula(text: &str) -> String {
    match text.starts_with(FORMULA_STARTS) {
        true => format!("'{text}"),
        false => text.to_string(),
    }
}

/// A text column's cell as [`defuse_formula`] wrote it, back as it was, so an export imports
/// unchanged. Passwords are never touched.
fn restore_formula(column: &str, cell: &str) -> String {
    let text = TEXT_COLUMNS.contains(&column) || !FIELDS.contains(&column);
    match cell.strip_prefix('\'') {
        Some(rest) if text && rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// An unknown column (or JSON field) as a message may show it: by name only when it looks like
/// a misspelt field name, since a missing header or shifted columns put data — passwords too —
/// where names should be.
fn unknown_name(what: &str, name: &str, position: usize) -> String {
    let typo = name.len() <= 20
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && FIELDS
            .iter()
            .any(|field| strsim::damerau_levenshtein(field, name) <= 2);
    match (typo, position) {
        (true, _) => format!("unknown {what} `{name}`"),
        (false, 0) => format!("an unknown {what} (its name is not shown: it may be data)"),
        (false, n) => {
            format!("{what} {n} is not a known field (its name is not shown: it may be data)")
        }
    }
}

/// Many problems at once, each its own message.
fn problems(messages: Vec<String>) -> Error {
    Error::Form(FieldErrors(
        messages
            .into_iter()
            .map(|message| crate::error::FieldError {
                field: None,
                message,
            })
            .collect(),
    ))
}

/// A row as a file gives it. Unknown fields and fields given twice are refused by serde.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    #[serde(default, deserialize_with = "text")]
    username: Option<String>,
    #[serde(default, deserialize_with = "text")]
    email: Option<String>,
    #[serde(default, deserialize_with = "text")]
    first_name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    last_name: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    is_active: Option<bool>,
    #[serde(default, deserialize_with = "flag")]
    is_staff: Option<bool>,
    #[serde(default, deserialize_with = "flag")]
    is_superuser: Option<bool>,
    #[serde(default, deserialize_with = "group_list")]
    groups: Option<Vec<String>>,
    #[serde(default, deserialize_with = "text")]
    password: Option<String>,
    #[serde(default, deserialize_with = "text")]
    password_hash: Option<String>,
}

/// Group names: a JSON list of strings, or (from a CSV cell) one string with `;` between
/// names; null for "not given".
fn group_list<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    let names = match Value::deserialize(d)? {
        Value::Null => return Ok(None),
        Value::String(s) => split_group_cell(&s),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                _ => Err(serde::de::Error::custom("must be a list of group names")),
            })
            .collect::<std::result::Result<Vec<String>, D::Error>>()?,
        _ => return Err(serde::de::Error::custom("must be a list of group names")),
    };
    // Names are taken exactly as written (a group Django made may end in a space); only empty
    // ones, which no group can have, are dropped.
    let mut names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    names.sort();
    names.dedup();
    Ok(Some(names))
}

/// Group names in one CSV cell: separated by `;`, with `\;` and `\\` standing for a `;` and a
/// `\` inside a name.
fn join_group_cell(names: &[&str]) -> String {
    let escaped: Vec<String> = names
        .iter()
        .map(|n| n.replace('\\', "\\\\").replace(';', "\\;"))
        .collect();
    escaped.join(";")
}

/// The names [`join_group_cell`] wrote.
fn split_group_cell(cell: &str) -> Vec<String> {
    let (mut names, mut name, mut chars) = (Vec::new(), String::new(), cell.chars());
    while let Some(c) = chars.next() {
        match c {
            '\\' => name.extend(chars.next()),
            ';' => names.push(std::mem::take(&mut name)),
            c => name.push(c),
        }
    }
    names.push(name);
    names
}

/// A string, or null for "not given".
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        _ => Err(serde::de::Error::custom("must be a string")),
    }
}

/// A flag as JSON writes it (`true`, `0`) or as text (`yes`, `off`), or null for "not given".
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    let value = Value::deserialize(d)?;
    let parsed = match &value {
        Value::Null => return Ok(None),
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        Value::String(s) => parse_bool(s),
        _ => None,
    };
    // The value is not shown: with shifted columns it may be someone's password.
    parsed
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom("must be true or false"))
}

impl Row {
    /// Reads one row, naming the field at fault the way the rest of the import does.
    fn read<'de, D>(deserializer: D) -> std::result::Result<Row, String>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let field = e.path().to_string();
            // serde_json appends where in the line it stopped; the line is named already.
            let message = e.inner().to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            if let Some(rest) = message.strip_prefix("duplicate field `") {
                let name = rest.split('`').next().unwrap_or(rest);
                format!("field `{name}` appears twice")
            } else if let Some(rest) = message.strip_prefix("unknown field `") {
                let name = rest.split('`').next().unwrap_or(rest);
                format!(
                    "{} (known: {})",
                    unknown_name("field", name, 0),
                    FIELDS.join(", ")
                )
            } else if field.is_empty() || field == "." {
                format!("not a JSON object: {message}")
            } else {
                format!("`{field}` {message}")
            }
        })
    }

    fn record(self, line: usize, fields: Vec<(String, String)>) -> Record {
        Record {
            fields,
            line,
            username: self.username.unwrap_or_default(),
            email: self.email,
            first_name: self.first_name,
            last_name: self.last_name,
            is_active: self.is_active,
            is_staff: self.is_staff,
            is_superuser: self.is_superuser,
            password: self.password.map(Secret::new),
            password_hash: self.password_hash,
            groups: self.groups,
        }
    }
}

/// Reads every record, reporting every malformed row at once. `extras` are the user model's
/// extra columns, which a row may give too.
pub fn parse(format: Format, input: &str, extras: &[String]) -> Result<Vec<Record>> {
    // Spreadsheets often start a UTF-8 file with a byte-order mark.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let rows = match format {
        Format::Jsonl => jsonl_rows(input, extras),
        Format::Csv => csv_rows(input, extras)?,
    };
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (line, row) in rows {
        match row {
            Ok((row, fields)) => records.push(row.record(line, fields)),
            Err(message) => errors.push(row_error(line, message)),
        }
    }
    match errors.is_empty() {
        true => Ok(records),
        false => Err(problems(errors)),
    }
}

/// A row, and the extra columns it gives.
type ParsedRow = (
    usize,
    std::result::Result<(Row, Vec<(String, String)>), String>,
);

/// An extra column's JSON value as the text `--field` would give (null is empty).
fn field_text(name: &str, value: Value) -> std::result::Result<String, String> {
    match value {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(format!(
            "`{name}` must be a string, a number, true, false or null"
        )),
    }
}

fn jsonl_rows(input: &str, extras: &[String]) -> Vec<ParsedRow> {
    input
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let row = match serde_json::from_str::<Value>(line) {
                Err(e) => Err(format!("not a JSON object: {e}")),
                Ok(Value::Object(mut object)) if extras.iter().any(|e| object.contains_key(e)) => {
                    let mut fields = Vec::new();
                    let mut problem = None;
                    for name in extras {
                        if let Some(value) = object.remove(name) {
                            match field_text(name, value) {
                                Ok(text) => fields.push((name.clone(), text)),
                                Err(e) => problem = Some(e),
                            }
                        }
                    }
                    match problem {
                        Some(problem) => Err(problem),
                        None => Row::read(Value::Object(object)).map(|row| (row, fields)),
                    }
                }
                // Read from the text itself, so a field given twice is noticed.
                Ok(Value::Object(_)) => Row::read(&mut serde_json::Deserializer::from_str(line))
                    .map(|row| (row, Vec::new())),
                Ok(_) => Err("not a JSON object: a line must hold one {…} object".into()),
            };
            (i + 1, row)
        })
        .collect()
}

fn csv_rows(input: &str, extras: &[String]) -> Result<Vec<ParsedRow>> {
    let known = |name: &str| FIELDS.contains(&name) || extras.iter().any(|e| e == name);
    let all_known = FIELDS
        .iter()
        .copied()
        .chain(extras.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(", ");
    // The csv crate counts a CRLF line end as two lines, and may place a record's start on the
    // line end before it; count lines from the first byte of the record instead.
    let bytes = input.as_bytes();
    let line_at = |byte: u64| {
        let mut start = (byte as usize).min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Error::Invalid(format!("header line: not a CSV header: {e}")))?
        .clone();
    let mut header_errors = Vec::new();
    let mut seen = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        if !known(name) {
            header_errors.push(format!(
                "header line: {}.",
                unknown_name("column", name, i + 1)
            ));
        } else if seen.contains(&name) {
            header_errors.push(format!("header line: column `{name}` appears twice."));
        }
        seen.push(name);
    }
    // A file without its header row makes its first row the header: say so instead of
    // listing its cells, which are data (passwords too).
    if !headers.is_empty() && headers.iter().all(|name| !known(name)) {
        return Err(Error::Invalid(format!(
            "header line: none of its {} columns is a known field; the first line must name the \
             columns (known: {})",
            headers.len(),
            all_known
        )));
    }
    // A bad header makes every row's complaint noise; report the header alone, and not forever.
    if !header_errors.is_empty() {
        const SHOWN: usize = 5;
        let more = header_errors.len().saturating_sub(SHOWN);
        header_errors.truncate(SHOWN);
        if more > 0 {
            header_errors.push(format!("header line: and {more} more unknown columns."));
        }
        header_errors.push(format!("header line: known columns: {}.", all_known));
        return Err(problems(header_errors));
    }
    let mut rows = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map_or(0, |p| line_at(p.byte()));
                let is_extra = |h: &str| extras.iter().any(|e| e == h);
                let cells: Map<String, Value> = headers
                    .iter()
                    .zip(record.iter())
                    .filter(|(h, _)| !is_extra(h))
                    // An empty cell leaves a flag or password alone; names and email are plain
                    // text where empty is a value.
                    .filter(|(h, v)| {
                        !v.is_empty()
                            || matches!(*h, "email" | "first_name" | "last_name" | "groups")
                    })
                    .map(|(h, v)| (h.to_string(), Value::String(restore_formula(h, v))))
                    .collect();
                // An extra column's empty cell is a value too (NULL where the column allows).
                let fields: Vec<(String, String)> = headers
                    .iter()
                    .zip(record.iter())
                    .filter(|(h, _)| is_extra(h))
                    .map(|(h, v)| (h.to_string(), restore_formula(h, v)))
                    .collect();
                rows.push((
                    line,
                    Row::read(Value::Object(cells)).map(|row| (row, fields)),
                ));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                rows.push((line, Err(format!("not a CSV record: {e}"))));
            }
        }
    }
    Ok(rows)
}

/// A row through the form: normalised, its extra columns' values, what is wrong with it
/// (`field: message`) and what only deserves a warning.
struct CheckedRow {
    record: Record,
    fields: Extras,
    problems: Vec<String>,
    warnings: Vec<String>,
}

/// A row checked and ready to apply, with the user it collides with, if any.
struct Planned {
    record: Record,
    fields: Extras,
    existing: Option<User>,
    warnings: Vec<String>,
}

impl Accounts {
    /// Imports `records` in one transaction. Every row is checked first; any problem is exit 3
    /// naming the line, and nothing is written. With `dry_run` nothing is written either, and
    /// the outcome says what would have happened.
    pub fn import_users(
        &mut self,
        records: Vec<Record>,
        options: ImportOptions,
    ) -> Result<Vec<Outcome>> {
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        // The user a row collides with: the same name, else one differing only in case.
        let taken = self.store.read(|tx| tx.usernames())?;
        let exact: HashMap<&str, i64> = taken.iter().map(|(id, n)| (n.as_str(), *id)).collect();
        let mut folded: HashMap<String, i64> = HashMap::new();
        for (id, name) in &taken {
            folded.entry(iexact_key(name)).or_insert(*id);
        }
        let model = self.model().clone();
        // The groups that exist, for rows that name them.
        let wants_groups = records.iter().any(|r| r.groups.is_some());
        let existing_groups: BTreeSet<String> = match (wants_groups, model.links.is_some()) {
            (true, true) => self.store.read(|tx| {
                Ok(groups::all_groups(tx.sql())?
                    .into_iter()
                    .map(|g| g.name)
                    .collect())
            })?,
            _ => BTreeSet::new(),
        };
        let mut plan = Vec::new();
        for record in records {
            let CheckedRow {
                record,
                mut fields,
                problems,
                warnings,
            } = self.check_row(record, options.skip_validation);
            let line = record.line;
            let mut messages = problems;
            if let Some(first) = seen.insert(iexact_key(&record.username), line) {
                // Rows are named by line, not by their cells: with columns mislabelled, the
                // "username" may be someone's password.
                messages.push(format!("the username repeats line {first}"));
            }
            let collides = exact
                .get(record.username.as_str())
                .or_else(|| folded.get(&iexact_key(&record.username)))
                .copied();
            let existing = match collides {
                Some(id) => self.store.read(|tx| tx.user_by_id(id))?,
                None => None,
            };
            if existing.is_some() && options.on_conflict == OnConflict::Fail {
                messages
                    .push("the user already exists (use --on-conflict skip or update)".to_string());
            }
            if existing.is_none() {
                let mut form = Form::new();
                form.complete_extras(&model, &mut fields);
                messages.extend(form.messages());
            }
            if let Some(names) = &record.groups {
                if model.links.is_none() {
                    messages.push(groups::links(&model).map(|_| ()).unwrap_err().to_string());
                }
                for name in names.iter().filter(|n| !existing_groups.contains(*n)) {
                    match (options.create_groups, perms::group_name_problem(name)) {
                        (false, _) => messages.push(format!(
                            "there is no group named {name} (use --create-groups)"
                        )),
                        (true, Some(problem)) => messages.push(problem),
                        (true, None) => {}
                    }
                }
            }
            if messages.is_empty() {
                plan.push(Planned {
                    record,
                    fields,
                    existing,
                    warnings,
                });
            } else {
                errors.extend(messages.into_iter().map(|m| row_error(line, m)));
            }
        }
        if !errors.is_empty() {
            return Err(problems(errors));
        }
        let outcomes: Vec<Outcome> = plan
            .iter()
            .map(|p| Outcome {
                line: p.record.line,
                username: p.record.username.clone(),
                action: match (&p.existing, options.on_conflict) {
                    (None, _) => Action::Create,
                    (Some(_), OnConflict::Update) => Action::Update,
                    (Some(_), _) => Action::Skip,
                },
                warnings: p.warnings.clone(),
            })
            .collect();
        // Nothing to write writes nothing (and so creates no database).
        if options.dry_run || outcomes.iter().all(|o| o.action == Action::Skip) {
            return Ok(outcomes);
        }
        // Hash before taking the write lock; skipped rows need no hash.
        let hashes: Vec<Option<String>> = plan
            .iter()
            .zip(&outcomes)
            .map(|(p, outcome)| {
                match (&p.record.password, &p.record.password_hash, outcome.action) {
                    (_, _, Action::Skip) => None,
                    (Some(password), _, _) => Some(self.hashers.make_password(password.expose())),
                    (None, Some(hash), _) => Some(hash.clone()),
                    (None, None, Action::Create) => Some(make_unusable()),
                    (None, None, _) => None,
                }
            })
            .collect();
        let now = self.now;
        self.write_with_events(|tx, events| {
            // Every name again, under the write lock: another process may have created one
            // that differs only in case since the rows were checked.
            let mut taken: HashMap<String, i64> = HashMap::new();
            for (id, name) in tx.usernames()? {
                taken.entry(iexact_key(&name)).or_insert(id);
            }
            for ((p, outcome), hash) in plan.iter().zip(&outcomes).zip(&hashes) {
                let record = &p.record;
                let key = iexact_key(&record.username);
                let current = match (tx.user_by_username(&record.username)?, &p.existing) {
                    (Some(user), _) => Some(user),
                    (None, Some(e)) => tx.user_by_id(e.id)?,
                    (None, None) => None,
                };
                match (outcome.action, current) {
                    (Action::Skip, _) => {}
                    (Action::Create, found) if found.is_some() || taken.contains_key(&key) => {
                        return Err(Error::Invalid(row_error(
                            record.line,
                            "the user was created meanwhile",
                        )));
                    }
                    (Action::Create, _) => {
                        let id = tx.insert_user(&NewUser {
                            username: record.username.clone(),
                            email: record.email.clone().unwrap_or_default(),
                            first_name: record.first_name.clone().unwrap_or_default(),
                            last_name: record.last_name.clone().unwrap_or_default(),
                            password: hash.clone().unwrap_or_else(make_unusable),
                            is_staff: record.is_staff.unwrap_or(false),
                            is_superuser: record.is_superuser.unwrap_or(false),
                            is_active: record.is_active.unwrap_or(true),
                            date_joined: now,
                            extra: p.fields.clone(),
                        })?;
                        taken.insert(key, id);
                        events.add(
                            "user_created",
                            &record.username,
                            Some(id),
                            json!({"line": record.line}),
                        );
                        if let Some(names) = &record.groups {
                            set_groups(tx, id, names)?;
                        }
                    }
                    (Action::Update, None) => {
                        return Err(Error::Invalid(row_error(
                            record.line,
                            "the user was deleted meanwhile",
                        )));
                    }
                    (Action::Update, Some(mut user)) => {
                        apply(record, &mut user);
                        if model.login_is_email() {
                            user.email = user.username.clone();
                        }
                        user.extra.extend(p.fields.clone());
                        let changed: Vec<String> = p.fields.keys().cloned().collect();
                        tx.update_profile(&user, &changed)?;
                        events.add(
                            "user_updated",
                            &user.username,
                            Some(user.id),
                            json!({"line": record.line}),
                        );
                        if let Some(hash) = hash {
                            store_password(tx, user.id, None, hash, None)?;
                            events.add(
                                "password_changed",
                                &user.username,
                                Some(user.id),
                                json!({"line": record.line}),
                            );
                        } else if !user.is_active {
                            tx.delete_sessions_of_user(user.id, None)?;
                        }
                        if let Some(names) = &record.groups {
                            set_groups(tx, user.id, names)?;
                        }
                    }
                }
            }
            Ok(())
        })?;
        Ok(outcomes)
    }

    /// One row through the form: the record normalised, its problems as `field: message`, and
    /// its warnings.
    fn check_row(&self, mut record: Record, skip_validation: bool) -> CheckedRow {
        let model = self.model().clone();
        let mut form = Form::new();
        let mut warnings = Vec::new();
        // Where users log in with their email address, an `email` column alone is the login.
        if model.login_is_email()
            && record.username.is_empty()
            && let Some(email) = record.email.take()
        {
            record.username = email;
        }
        record.username = form.login(&model, &record.username, true);
        if model.login_is_email() {
            // One column for both: an email that is not the login would be lost.
            if record
                .email
                .as_ref()
                .is_some_and(|e| validators::normalize_email(e) != record.username)
            {
                form.problem("email differs from username, and this user model logs in by email");
            }
            record.email = None;
        } else if let Some(email) = &mut record.email {
            form.absent_column(&model, "email", true);
            *email = form.email(email);
        }
        for (column, given) in [
            ("first_name", record.first_name.is_some()),
            ("last_name", record.last_name.is_some()),
            ("is_active", record.is_active.is_some()),
            ("is_staff", record.is_staff.is_some()),
            ("is_superuser", record.is_superuser.is_some()),
        ] {
            form.absent_column(&model, column, given);
        }
        let fields = form.extras(&model, &record.fields, false);
        for (field, value) in [
            ("first_name", &mut record.first_name),
            ("last_name", &mut record.last_name),
        ] {
            if let Some(value) = value {
                *value = form.name(field, value);
            }
        }
        match (&record.password, &record.password_hash) {
            (Some(_), Some(_)) => form.problem("give password or password_hash, not both"),
            (None, Some(hash)) => {
                if let Some(warning) = form.password_hash(hash, &self.hashers) {
                    warnings.push(warning);
                }
            }
            (Some(password), None) => {
                let attrs = UserAttributes {
                    username: &record.username,
                    email: record.email.as_deref().unwrap_or(""),
                    first_name: record.first_name.as_deref().unwrap_or(""),
                    last_name: record.last_name.as_deref().unwrap_or(""),
                };
                let rules = (!skip_validation).then_some(&self.validators);
                form.admin_password(password, &attrs, rules);
            }
            _ => {}
        }
        let messages = form
            .into_errors()
            .into_iter()
            .map(|e| match e.field {
                Some(field) => format!("{field}: {}", e.message),
                None => e.message,
            })
            .collect();
        CheckedRow {
            record,
            fields,
            problems: messages,
            warnings,
        }
    }

    /// Writes every user in `format`; hashes only when asked.
    pub fn export_users(
        &mut self,
        format: Format,
        with_hashes: bool,
        out: &mut dyn Write,
    ) -> Result<()> {
        let columns = export_columns(self.model(), with_hashes);
        let fields: Vec<&str> = columns.iter().map(String::as_str).collect();
        let cell = |value: &Value| match value {
            Value::String(s) => defuse_formula(s),
            Value::Null => String::new(),
            // A list (the groups) as one cell.
            Value::Array(items) => {
                let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                defuse_formula(&join_group_cell(&names))
            }
            other => other.to_string(),
        };
        let links = self.model().links.clone();
        let mut memberships: HashMap<i64, Vec<String>> = HashMap::new();
        if let Some(links) = &links {
            for (user, group) in self.store.read(|tx| groups::memberships(tx.sql(), links))? {
                memberships.entry(user).or_default().push(group);
            }
        }
        let none = Vec::new();
        let failed =
            |e: &dyn std::fmt::Display| Error::Environment(format!("cannot write the export: {e}"));
        match format {
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record(&fields).map_err(|e| failed(&e))?;
                self.store.read(|tx| {
                    tx.each_user(&mut |user| {
                        let values =
                            export_values(user, memberships.get(&user.id).unwrap_or(&none));
                        writer
                            .write_record(fields.iter().map(|f| cell(&values[f])))
                            .map_err(|e| failed(&e))?;
                        Ok(true)
                    })
                })?;
                writer.flush().map_err(|e| failed(&e))?;
            }
            Format::Jsonl => self.store.read(|tx| {
                tx.each_user(&mut |user| {
                    let values = export_values(user, memberships.get(&user.id).unwrap_or(&none));
                    let object: Map<String, Value> = fields
                        .iter()
                        .map(|f| (f.to_string(), values[f].clone()))
                        .collect();
                    writeln!(out, "{}", Value::Object(object)).map_err(|e| failed(&e))?;
                    Ok(true)
                })
            })?,
        }
        Ok(())
    }
}

/// What an export writes for this model, in order: the login (as `username`, whatever its
/// column), the other fields the table has, its extra columns, and the hash when asked — so
/// the file imports into the same model unchanged.
fn export_columns(model: &UserModel, with_hashes: bool) -> Vec<String> {
    let mut columns = vec!["username".to_string()];
    if model.email.is_some() && !model.login_is_email() {
        columns.push("email".into());
    }
    for role in [
        "first_name",
        "last_name",
        "is_active",
        "is_staff",
        "is_superuser",
    ] {
        if model.has(role) {
            columns.push(role.into());
        }
    }
    if model.links.is_some() {
        columns.push("groups".into());
    }
    columns.extend(model.extras().map(|c| c.name.clone()));
    if with_hashes {
        columns.push("password_hash".into());
    }
    columns
}

fn export_values<'a>(user: &'a User, groups: &[String]) -> HashMap<&'a str, Value> {
    let mut values = HashMap::from([
        ("username", Value::from(user.username.clone())),
        ("email", Value::from(user.email.clone())),
        ("first_name", Value::from(user.first_name.clone())),
        ("last_name", Value::from(user.last_name.clone())),
        ("is_active", Value::from(user.is_active)),
        ("is_staff", Value::from(user.is_staff)),
        ("is_superuser", Value::from(user.is_superuser)),
        ("password_hash", Value::from(user.password.clone())),
        ("groups", Value::from(groups.to_vec())),
    ]);
    for (name, value) in &user.extra {
        values.insert(name.as_str(), Value::from(value.clone()));
    }
    values
}

/// Makes the user's groups exactly these, creating any that do not exist (rows naming one were
/// refused already unless `--create-groups`).
fn set_groups(tx: &mut dyn Tx, user: i64, names: &[String]) -> Result<()> {
    let links = groups::links(tx.model())?.clone();
    let mut wanted = Vec::new();
    for name in names {
        let id = match groups::group_by_name(tx.sql(), name)? {
            Some(group) => group.id,
            None => groups::create_group(tx.sql(), name)?,
        };
        wanted.push(id);
    }
    for group in groups::groups_of(tx.sql(), &links, user)? {
        if !wanted.contains(&group.id) {
            groups::remove_member(tx.sql(), &links, user, group.id)?;
        }
    }
    for id in wanted {
        groups::add_member(tx.sql(), &links, user, id)?;
    }
    Ok(())
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
            let records = parse(format, text, &[]).unwrap();
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
    fn group_names_with_semicolons_survive_a_csv_cell() {
        let names = ["a;b", "back\\slash", "plain", ""];
        assert_eq!(split_group_cell(&join_group_cell(&names)), names);
        assert_eq!(split_group_cell("x;y"), ["x", "y"]);
    }

    #[test]
    fn crlf_bom_duplicates_and_headers_are_handled() {
        let crlf = "\u{feff}username,email\r\nok1,a@x.com\r\nok2,a@x.com\r\nbad,a@x.com,extra\r\n";
        let err = parse(Format::Csv, crlf, &[]).unwrap_err().to_string();
        assert!(err.contains("line 4: not a CSV record"), "{err}");
        let records = parse(Format::Csv, "username\r\na\r\nb\r\n", &[]).unwrap();
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        let err = parse(Format::Csv, "username,emial\na,b\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("header line: unknown column `emial`"),
            "{err}"
        );
        let err = parse(Format::Csv, "username,email,email\na,b,c\n", &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("column `email` appears twice"), "{err}");
        let err = parse(
            Format::Jsonl,
            "{\"username\":\"a\",\"username\":\"b\"}\n",
            &[],
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("line 1: field `username` appears twice"),
            "{err}"
        );
        assert_eq!(
            parse(Format::Jsonl, "\u{feff}{\"username\":\"a\"}\n", &[])
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
            &[],
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2: not a JSON object"), "{text}");
        assert!(text.contains("line 3: unknown field `usernmae`"), "{text}");
        let err = parse(Format::Csv, "username,is_staff\na,maybe\n", &[]).unwrap_err();
        assert!(
            err.to_string()
                .contains("line 2: `is_staff` must be true or false"),
            "{err}"
        );
        let err = parse(Format::Jsonl, "{\"email\":5}\n", &[]).unwrap_err();
        assert!(
            err.to_string().contains("line 1: `email` must be a string"),
            "{err}"
        );
    }
}
