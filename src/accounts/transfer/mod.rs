//! Bulk import and export of users as JSON Lines or CSV, with the same fields both ways so an
//! export can be imported again. An import is one transaction: one bad row and nothing is written.

mod rows;
#[cfg(test)]
use rows::split_group_cell;
pub use rows::{ReadRow, Rows, parse};

use super::form::Form;
use super::perms;
use super::{Accounts, store_password};
use crate::error::{Error, FieldErrors, Result};
use crate::hashers::Hashers;
use crate::hashers::make_unusable;
use crate::secret::Secret;
use crate::store::groups;
use crate::store::{Extras, NewUser, Tx, User, UserModel, iexact_key, quote};
use crate::validators::PasswordValidators;
use crate::validators::{self, UserAttributes};
use serde::{Deserialize, Serialize};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// Group names in one CSV cell: separated by `;`, with `\;` and `\\` standing for a `;` and a
/// `\` inside a name.
fn join_group_cell(names: &[&str]) -> String {
    let escaped: Vec<String> = names
        .iter()
        .map(|n| n.replace('\\', "\\\\").replace(';', "\\;"))
        .collect();
    escaped.join(";")
}

/// A row through the form: normalised, its extra columns' values, what is wrong with it
/// (`field: message`) and what only deserves a warning.
struct CheckedRow {
    record: Record,
    fields: Extras,
    problems: Vec<String>,
    warnings: Vec<String>,
}

/// A row checked and ready to apply: what the second pass needs, with the hash made and no
/// plain password. Kept in the import's spool file between the passes.
#[derive(Debug, Serialize, Deserialize)]
struct Planned {
    line: usize,
    action: Action,
    /// The user the row collides with, by id.
    existing: Option<i64>,
    username: String,
    email: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    is_active: Option<bool>,
    is_staff: Option<bool>,
    is_superuser: Option<bool>,
    groups: Option<Vec<String>>,
    fields: Extras,
    /// The encoded password to store; `None` leaves an existing one alone.
    hash: Option<String>,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Default)]
pub struct ImportSummary {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    /// Each distinct warning, the number of rows it concerns and the first one's line.
    pub warnings: Vec<(String, usize, usize)>,
}

/// Where an import reports as it goes. Called from the hashing threads too, hence `&self`.
pub trait ImportWatch: Sync {
    /// `n` more rows read and checked (and hashed, where they carry a password).
    fn checked(&self, _n: usize) {}
    /// The checks are done; `rows` rows are to be written.
    fn writing(&self, _rows: usize) {}
    /// `n` more rows written.
    fn written(&self, _n: usize) {}
    /// What one row does, in file order, once every row has been checked.
    fn outcome(&self, _outcome: &Outcome) {}
    /// Whether to stop (Ctrl-C): the import then writes nothing.
    fn interrupted(&self) -> bool {
        false
    }
}

/// Problems shown in full; beyond them, only their number (a wrong file can have a million).
const SHOWN_PROBLEMS: usize = 100;

/// Rows checked between two hashing rounds and two progress reports.
const CHUNK_ROWS: usize = 4096;

/// The rows of the first pass, between the check and the spool: hashed in parallel a chunk at
/// a time, then written out.
struct Chunk {
    rows: Vec<(Planned, Option<Secret>)>,
}

impl Chunk {
    /// Hashes every plain password on all cores; each thread takes the next row to hash, so
    /// slow and fast hashes even out.
    fn hash(&mut self, hashers: &Hashers, watch: &dyn ImportWatch) {
        let jobs: Vec<(usize, &Secret)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, (_, password))| password.as_ref().map(|p| (i, p)))
            .collect();
        if jobs.is_empty() {
            return;
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(jobs.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let hashes: Vec<std::sync::OnceLock<String>> =
            jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    loop {
                        let job = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((_, password)) = jobs.get(job) else {
                            break;
                        };
                        if watch.interrupted() {
                            break;
                        }
                        let _ = hashes[job].set(hashers.make_password(password.expose()));
                    }
                });
            }
        });
        let done: Vec<(usize, String)> = jobs
            .iter()
            .zip(hashes)
            .map(|((i, _), hash)| (*i, hash.into_inner().unwrap_or_else(make_unusable)))
            .collect();
        for (i, hash) in done {
            self.rows[i].0.hash = Some(hash);
            self.rows[i].1 = None;
        }
    }
}

/// The checked rows between the two passes: a temporary file that is never linked into the
/// file system (so nothing is left behind, whatever happens) and holds no plain password.
struct Spool {
    file: std::io::BufWriter<std::fs::File>,
    rows: usize,
    /// Rows that create or update (not skipped ones).
    writes: usize,
}

impl Spool {
    fn new() -> Result<Spool> {
        let file = tempfile::tempfile()
            .map_err(|e| Error::io("cannot create a temporary file for the import", e))?;
        Ok(Spool {
            file: std::io::BufWriter::with_capacity(256 * 1024, file),
            rows: 0,
            writes: 0,
        })
    }

    fn push(&mut self, row: &Planned) -> Result<()> {
        serde_json::to_writer(&mut self.file, row)
            .map_err(std::io::Error::from)
            .and_then(|()| self.file.write_all(b"\n"))
            .map_err(|e| Error::io("cannot write the import's temporary file", e))?;
        self.rows += 1;
        self.writes += usize::from(row.action != Action::Skip);
        Ok(())
    }

    /// The rows again, in order.
    fn rows(self) -> Result<impl Iterator<Item = Result<Planned>>> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| Error::io("cannot write the import's temporary file", e.into_error()))?;
        std::io::Seek::rewind(&mut file)
            .map_err(|e| Error::io("cannot read the import's temporary file", e))?;
        let reader = std::io::BufReader::with_capacity(256 * 1024, file);
        Ok(std::io::BufRead::lines(reader).map(|line| {
            let line = line.map_err(|e| Error::io("cannot read the import's temporary file", e))?;
            serde_json::from_str(&line)
                .map_err(|e| Error::Invalid(format!("the import's temporary file is damaged: {e}")))
        }))
    }
}

/// The usernames a file has had so far, ignoring case, each as a fixed-size fingerprint with
/// its first line, so that a file of any length fits in 24 bytes a row (two 64-bit SipHashes
/// under random keys: a false "repeats" would need a 128-bit collision).
struct Seen {
    keys: [std::collections::hash_map::RandomState; 2],
    lines: HashMap<[u64; 2], u32>,
}

impl Seen {
    fn new() -> Seen {
        Seen {
            keys: Default::default(),
            lines: HashMap::new(),
        }
    }

    /// The line that had this username (ignoring case) before, else records this one.
    fn first(&mut self, username: &str, line: usize) -> Option<usize> {
        use std::hash::BuildHasher;
        let key = iexact_key(username);
        let [a, b] = &self.keys;
        let print = [a.hash_one(&key), b.hash_one(&key)];
        match self.lines.entry(print) {
            std::collections::hash_map::Entry::Occupied(first) => Some(*first.get() as usize),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(u32::try_from(line).unwrap_or(u32::MAX));
                None
            }
        }
    }
}

impl Accounts {
    /// Imports `rows` in one transaction, in two passes and the memory of a few thousand rows,
    /// whatever the file's length. The first reads and checks every row (and hashes the plain
    /// passwords, on every core), before any write; any problem is exit 3 naming its line, and
    /// nothing is written. The second writes them under the write lock, checking each name
    /// again. With `dry_run` nothing is written, and each row's outcome says what would be.
    pub fn import_users<R: std::io::Read>(
        &mut self,
        rows: Rows<R>,
        options: ImportOptions,
        watch: &dyn ImportWatch,
    ) -> Result<ImportSummary> {
        let model = self.model().clone();
        let Accounts {
            store,
            hashers,
            validators,
            ..
        } = self;
        let mut pass = FirstPass {
            model: &model,
            hashers,
            validators,
            options,
            watch,
            summary: ImportSummary::default(),
            problems: Vec::new(),
            hidden_problems: 0,
            seen: Seen::new(),
            groups: BTreeSet::new(),
            waiting: Vec::new(),
            chunk: Chunk { rows: Vec::new() },
            spool: Spool::new()?,
        };
        let checked_at = store.read(|tx| {
            // Read first, so a write by anyone else from here on shows in the second pass.
            let checked_at = tx.others_writes()?;
            if model.links.is_some() {
                pass.groups = groups::all_groups(tx.sql())?
                    .into_iter()
                    .map(|g| g.name)
                    .collect();
            }
            for (line, row) in rows {
                if watch.interrupted() {
                    return Err(interrupted());
                }
                pass.row(tx, line, row)?;
            }
            pass.decide(tx)?;
            pass.flush()?;
            Ok(checked_at)
        })?;
        let FirstPass {
            mut summary,
            mut problems,
            hidden_problems,
            spool,
            ..
        } = pass;
        if !problems.is_empty() {
            if hidden_problems > 0 {
                problems.push(format!("and {hidden_problems} more problems."));
            }
            return Err(self::problems(problems));
        }
        let writes = spool.writes;
        watch.writing(spool.rows);
        let planned_rows = spool.rows()?;
        // Nothing to write writes nothing (and so creates no database).
        if options.dry_run || writes == 0 {
            for planned in planned_rows {
                let planned = planned?;
                summary.count(planned.action);
                watch.outcome(&planned.outcome());
            }
            return Ok(summary);
        }
        let now = self.now;
        self.write_with_events(|tx, events| {
            // When nobody else has written since the first pass read the names, what it found
            // still holds and the look-ups need not be made again under the lock.
            let recheck = checked_at.is_none() || tx.others_writes()? != checked_at;
            let mut batch = Vec::with_capacity(LOOKUP_ROWS);
            let mut planned_rows = planned_rows.peekable();
            while let Some(planned) = planned_rows.next() {
                if watch.interrupted() {
                    return Err(interrupted());
                }
                batch.push(planned?);
                if batch.len() == LOOKUP_ROWS || planned_rows.peek().is_none() {
                    write_batch(tx, events, &batch, &model, now, recheck)?;
                    watch.written(batch.len());
                    for planned in batch.drain(..) {
                        summary.count(planned.action);
                        watch.outcome(&planned.outcome());
                    }
                    events.flush(tx)?;
                }
            }
            Ok(())
        })?;
        Ok(summary)
    }
}

fn interrupted() -> Error {
    Error::Interrupted("import interrupted; nothing was written".into())
}

/// Rows checked together, their names looked up in one go.
const LOOKUP_ROWS: usize = 512;

/// The first pass's state: rows read and checked wait in `waiting` until a batch of them has
/// its names looked up, then go to the chunk (hashed) and on to the spool.
struct FirstPass<'a> {
    model: &'a UserModel,
    hashers: &'a Hashers,
    validators: &'a PasswordValidators,
    options: ImportOptions,
    watch: &'a dyn ImportWatch,
    summary: ImportSummary,
    problems: Vec<String>,
    hidden_problems: usize,
    seen: Seen,
    /// The groups that exist, for rows that name them.
    groups: BTreeSet<String>,
    waiting: Vec<(CheckedRow, Vec<String>)>,
    chunk: Chunk,
    spool: Spool,
}

impl FirstPass<'_> {
    fn report(&mut self, line: usize, messages: Vec<String>) {
        for message in messages {
            match self.problems.len() < SHOWN_PROBLEMS {
                true => self.problems.push(row_error(line, message)),
                false => self.hidden_problems += 1,
            }
        }
    }

    /// One row read: checked on its own now, against the database with its batch.
    fn row(
        &mut self,
        tx: &mut dyn Tx,
        line: usize,
        row: std::result::Result<Record, String>,
    ) -> Result<()> {
        self.summary.rows += 1;
        let record = match row {
            Ok(record) => record,
            Err(message) => {
                self.report(line, vec![message]);
                return Ok(());
            }
        };
        let checked = check_row(
            self.hashers,
            self.validators,
            self.model,
            record,
            self.options.skip_validation,
        );
        let mut messages = Vec::new();
        if let Some(first) = self.seen.first(&checked.record.username, line) {
            // Rows are named by line, not by their cells: with columns mislabelled, the
            // "username" may be someone's password.
            messages.push(format!("the username repeats line {first}"));
        }
        if let Some(names) = &checked.record.groups {
            if self.model.links.is_none() {
                messages.push(
                    groups::links(self.model)
                        .map(|_| ())
                        .unwrap_err()
                        .to_string(),
                );
            }
            for name in names.iter().filter(|n| !self.groups.contains(*n)) {
                match (self.options.create_groups, perms::group_name_problem(name)) {
                    (false, _) => messages.push(format!(
                        "there is no group named {name} (use --create-groups)"
                    )),
                    (true, Some(problem)) => messages.push(problem),
                    (true, None) => {}
                }
            }
        }
        self.waiting.push((checked, messages));
        if self.waiting.len() >= LOOKUP_ROWS {
            self.decide(tx)?;
        }
        Ok(())
    }

    /// The waiting rows' names looked up together, and what each row will do.
    fn decide(&mut self, tx: &mut dyn Tx) -> Result<()> {
        let waiting = std::mem::take(&mut self.waiting);
        let names: Vec<&str> = waiting
            .iter()
            .map(|(c, _)| c.record.username.as_str())
            .collect();
        let found = tx.user_ids_by_usernames_ignoring_case(&names)?;
        for ((checked, mut messages), ids) in waiting.into_iter().zip(found) {
            let CheckedRow {
                mut record,
                mut fields,
                problems,
                warnings,
            } = checked;
            let line = record.line;
            messages.splice(0..0, problems);
            let existing = match ids.as_slice() {
                [] => None,
                [id] => Some(*id),
                // Names that differ only in case, made before Django checked for them.
                [first, ..] => Some(
                    tx.user_by_username(&record.username)?
                        .map_or(*first, |user| user.id),
                ),
            };
            if existing.is_some() && self.options.on_conflict == OnConflict::Fail {
                messages
                    .push("the user already exists (use --on-conflict skip or update)".to_string());
            }
            if existing.is_none() {
                let mut form = Form::new();
                form.complete_extras(self.model, &mut fields);
                messages.extend(form.messages());
            }
            if !messages.is_empty() {
                self.report(line, messages);
                continue;
            }
            for warning in warnings {
                match self
                    .summary
                    .warnings
                    .iter_mut()
                    .find(|(w, _, _)| *w == warning)
                {
                    Some((_, count, _)) => *count += 1,
                    None => self.summary.warnings.push((warning, 1, line)),
                }
            }
            let action = match (existing, self.options.on_conflict) {
                (None, _) => Action::Create,
                (Some(_), OnConflict::Update) => Action::Update,
                (Some(_), _) => Action::Skip,
            };
            // Skipped rows need no hash; a new user without a password gets an unusable one.
            let password = match action {
                Action::Skip => None,
                _ => record.password.take(),
            };
            let hash = match (action, &password, record.password_hash.take()) {
                (Action::Skip, _, _) | (_, Some(_), _) => None,
                (_, None, Some(hash)) => Some(hash),
                (Action::Create, None, None) => Some(make_unusable()),
                (_, None, None) => None,
            };
            let planned = Planned {
                line,
                action,
                existing,
                username: record.username,
                email: record.email,
                first_name: record.first_name,
                last_name: record.last_name,
                is_active: record.is_active,
                is_staff: record.is_staff,
                is_superuser: record.is_superuser,
                groups: record.groups,
                fields,
                hash,
            };
            self.chunk.rows.push((planned, password));
        }
        if self.chunk.rows.len() >= CHUNK_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    /// The chunk hashed (while every row so far is good: once one is bad, nothing will be
    /// written, so hashing the rest would be wasted) and written to the spool.
    fn flush(&mut self) -> Result<()> {
        let clean = self.problems.is_empty();
        if clean && !self.options.dry_run {
            self.chunk.hash(self.hashers, self.watch);
        }
        let n = self.chunk.rows.len();
        for (planned, _) in self.chunk.rows.drain(..) {
            if clean {
                self.spool.push(&planned)?;
            }
        }
        self.watch.checked(n);
        Ok(())
    }
}

impl ImportSummary {
    fn count(&mut self, action: Action) {
        match action {
            Action::Create => self.created += 1,
            Action::Update => self.updated += 1,
            Action::Skip => self.skipped += 1,
        }
    }
}

impl Planned {
    fn outcome(&self) -> Outcome {
        Outcome {
            line: self.line,
            username: self.username.clone(),
            action: self.action,
        }
    }
}

/// Checked rows written, under the write lock. With `recheck`, their names are looked up
/// again, since another process may have taken one (or one differing only in case) since the
/// check; new users go in together.
fn write_batch(
    tx: &mut dyn Tx,
    events: &mut super::audit::Events,
    batch: &[Planned],
    model: &UserModel,
    now: chrono::DateTime<chrono::Utc>,
    recheck: bool,
) -> Result<()> {
    let current: Vec<Option<i64>> = match recheck {
        true => {
            let names: Vec<&str> = batch.iter().map(|p| p.username.as_str()).collect();
            let found = tx.user_ids_by_usernames_ignoring_case(&names)?;
            let mut current = Vec::with_capacity(batch.len());
            for (planned, ids) in batch.iter().zip(found) {
                current.push(match ids.as_slice() {
                    [] => None,
                    [id] => Some(*id),
                    [first, ..] => Some(
                        tx.user_by_username(&planned.username)?
                            .map_or(*first, |user| user.id),
                    ),
                });
            }
            current
        }
        false => batch.iter().map(|p| p.existing).collect(),
    };
    let mut created = Vec::new();
    for (planned, found) in batch.iter().zip(&current) {
        let line = planned.line;
        match (planned.action, found) {
            (Action::Skip, _) => {}
            (Action::Create, Some(_)) => {
                return Err(Error::Invalid(row_error(
                    line,
                    "the user was created meanwhile",
                )));
            }
            (Action::Create, None) => created.push(planned),
            (Action::Update, None) => {
                return Err(Error::Invalid(row_error(
                    line,
                    "the user was deleted meanwhile",
                )));
            }
            (Action::Update, Some(id)) => {
                let Some(mut user) = tx.user_by_id(*id)? else {
                    return Err(Error::Invalid(row_error(
                        line,
                        "the user was deleted meanwhile",
                    )));
                };
                update_row(tx, events, planned, &mut user, model)?;
            }
        }
    }
    let new: Vec<NewUser> = created
        .iter()
        .map(|planned| NewUser {
            username: planned.username.clone(),
            email: planned.email.clone().unwrap_or_default(),
            first_name: planned.first_name.clone().unwrap_or_default(),
            last_name: planned.last_name.clone().unwrap_or_default(),
            password: planned.hash.clone().unwrap_or_else(make_unusable),
            is_staff: planned.is_staff.unwrap_or(false),
            is_superuser: planned.is_superuser.unwrap_or(false),
            is_active: planned.is_active.unwrap_or(true),
            date_joined: now,
            extra: planned.fields.clone(),
        })
        .collect();
    let ids = tx.insert_users(&new)?;
    for (planned, id) in created.iter().zip(ids) {
        events.add(
            "user_created",
            &planned.username,
            Some(id),
            json!({"line": planned.line}),
        );
        if let Some(names) = &planned.groups {
            set_groups(tx, id, names)?;
        }
    }
    Ok(())
}

/// An existing user changed as a row says.
fn update_row(
    tx: &mut dyn Tx,
    events: &mut super::audit::Events,
    planned: &Planned,
    user: &mut User,
    model: &UserModel,
) -> Result<()> {
    let line = planned.line;
    apply(planned, user);
    if model.login_is_email() {
        user.email = user.username.clone();
    }
    user.extra.extend(planned.fields.clone());
    let changed: Vec<String> = planned.fields.keys().cloned().collect();
    tx.update_profile(user, &changed)?;
    events.add(
        "user_updated",
        &user.username,
        Some(user.id),
        json!({"line": line}),
    );
    if let Some(hash) = &planned.hash {
        store_password(tx, user.id, None, hash, None)?;
        events.add(
            "password_changed",
            &user.username,
            Some(user.id),
            json!({"line": line}),
        );
    } else if !user.is_active {
        tx.delete_sessions_of_user(user.id, None)?;
    }
    if let Some(names) = &planned.groups {
        set_groups(tx, user.id, names)?;
    }
    Ok(())
}

/// One row through the form: the record normalised, its problems as `field: message`, and its
/// warnings.
fn check_row(
    hashers: &Hashers,
    validators: &PasswordValidators,
    model: &UserModel,
    mut record: Record,
    skip_validation: bool,
) -> CheckedRow {
    let mut form = Form::new();
    let mut warnings = Vec::new();
    // Where users log in with their email address, an `email` column alone is the login.
    if model.login_is_email()
        && record.username.is_empty()
        && let Some(email) = record.email.take()
    {
        record.username = email;
    }
    record.username = form.login(model, &record.username, true);
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
        form.absent_column(model, "email", true);
        *email = form.email(email);
    }
    for (column, given) in [
        ("first_name", record.first_name.is_some()),
        ("last_name", record.last_name.is_some()),
        ("is_active", record.is_active.is_some()),
        ("is_staff", record.is_staff.is_some()),
        ("is_superuser", record.is_superuser.is_some()),
    ] {
        form.absent_column(model, column, given);
    }
    let fields = form.extras(model, &record.fields, false);
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
            if let Some(warning) = form.password_hash(hash, hashers) {
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
            let rules = (!skip_validation).then_some(validators);
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

impl Accounts {
    /// How many users there are (for a progress bar).
    pub fn count_users(&mut self) -> Result<u64> {
        let sql = format!("SELECT count(*) FROM {}", quote(&self.model().table));
        self.store
            .read(|tx| Ok(tx.sql().rows(&sql, &[])?[0][0].int().max(0) as u64))
    }

    /// Writes every user in `format`, calling `written` after each; hashes only when asked.
    pub fn export_users(
        &mut self,
        format: Format,
        with_hashes: bool,
        out: &mut dyn Write,
        written: &dyn Fn() -> Result<()>,
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
                        written()?;
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
                    written()?;
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

fn apply(record: &Planned, user: &mut User) {
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
