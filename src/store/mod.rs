//! The storage interface: the rows authctl reads and writes, and the operations on them, behind
//! which each database backend lives (`sqlite/`, `postgres/`). Nothing above this module knows
//! which database it talks to, and no driver type is visible here.
//!
//! Every command's work happens inside [`Store::read`] or [`Store::write`]: one transaction,
//! committed whole or not at all. Django's own tables are read and written row by row, never
//! altered; authctl's own tables are `authctl_*`, under versioned migrations.

pub mod audit;
pub mod django_schema;
pub mod groups;
mod model;
mod postgres;
mod sqlite;

pub use model::{Column, Kind, Links, ModelSettings, ROLE_COLUMNS, UserModel, quote};
pub use postgres::target::{Libpq, is_postgres_url};

use crate::error::Result;
use crate::timezone::SiteTime;
use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use std::collections::BTreeMap;

/// The values of a row's extra columns (see [`UserModel::extras`]) as text; `None` is NULL.
pub type Extras = BTreeMap<String, Option<String>>;

/// A row of the user table. A column the model lacks reads as Django's default for it: empty
/// names, not staff or superuser, active, no date joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub password: String,
    pub last_login: Option<DateTime<Utc>>,
    pub is_superuser: bool,
    /// The login column's value (`USERNAME_FIELD`), whatever that column is called.
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    /// The email column's value (`EMAIL_FIELD`); the login again when users log in by email.
    pub email: String,
    pub is_staff: bool,
    pub is_active: bool,
    pub date_joined: Option<DateTime<Utc>>,
    pub extra: Extras,
}

impl User {
    /// A user with every field at the default a model without that column reads as: empty
    /// names, no flags but active, no dates. Rows are read into it column by column.
    pub fn blank(id: i64) -> User {
        User {
            id,
            password: String::new(),
            last_login: None,
            is_superuser: false,
            username: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            email: String::new(),
            is_staff: false,
            is_active: true,
            date_joined: None,
            extra: Default::default(),
        }
    }
}

/// Everything needed to insert a user; the id comes from the database. Only the columns the
/// model has are written.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub is_staff: bool,
    pub is_superuser: bool,
    pub is_active: bool,
    pub date_joined: DateTime<Utc>,
    /// Extra columns' values; the ones left out get the database's default (or NULL).
    pub extra: Extras,
}

/// What a backend is told besides where the database is.
#[derive(Debug, Clone, Default)]
pub struct StoreConfig {
    pub model: ModelSettings,
    /// How the site's naive datetimes are meant (`TIME_ZONE`, `USE_TZ`).
    pub time: SiteTime,
}

/// A login session. Only a hash of its key is stored, never the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub created: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    pub auth_hash: String,
}

/// A session to insert.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub key_hash: &'a str,
    pub user_id: i64,
    pub created: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    pub auth_hash: &'a str,
}

/// A reset email waiting in the outbox: a request for an address, not yet resolved into
/// recipients (`user_id` is `None`), or the email to one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRow {
    pub id: i64,
    /// The address asked for, or the user's address once resolved.
    pub email: String,
    pub user_id: Option<i64>,
    pub created: DateTime<Utc>,
    pub attempts: u32,
    pub next_attempt: DateTime<Utc>,
    pub last_error: Option<String>,
}

/// A sender's hold on outbox rows: who holds them, and until when.
#[derive(Debug, Clone)]
pub struct Claim {
    pub owner: String,
    pub until: DateTime<Utc>,
}

/// A value given to or read from [`Portable`] SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlValue {
    Null,
    Int(i64),
    Text(String),
}

impl SqlValue {
    pub fn int(&self) -> i64 {
        match self {
            SqlValue::Int(n) => *n,
            _ => 0,
        }
    }

    pub fn text(&self) -> String {
        match self {
            SqlValue::Text(s) => s.clone(),
            SqlValue::Int(n) => n.to_string(),
            SqlValue::Null => String::new(),
        }
    }
}

/// SQL both databases run as written, for the tables whose SQL does not differ between them
/// (Django's groups and permissions): `?1`-style placeholders (made `$1` for PostgreSQL), and
/// integers given and read through `CAST(… AS bigint)`, so both sides agree on their type.
pub trait Portable {
    fn rows(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>>;
    fn run(&mut self, sql: &str, params: &[SqlValue]) -> Result<usize>;
}

/// The operations of one transaction. Case-insensitive matching is the backend's to do, so each
/// database can do it its own way (and with its own indexes).
pub trait Tx {
    /// The user model the rows are read as.
    fn model(&self) -> &UserModel;
    /// Portable SQL in this transaction.
    fn sql(&mut self) -> &mut dyn Portable;
    /// The foreign keys that point at a table: `(table, column, the column it points at)`.
    fn references(&mut self, table: &str) -> Result<Vec<(String, String, String)>>;
    /// Whether a table exists (authctl's own are created on first need).
    fn has_table(&mut self, name: &str) -> Result<bool>;
    /// A number that changes whenever another connection commits to the database, where the
    /// database keeps one (SQLite's `data_version`): equal readings in two transactions mean
    /// nobody else wrote between them. `None` where there is no such number.
    fn others_writes(&mut self) -> Result<Option<i64>>;

    /// The user with exactly this username (Django's `get_by_natural_key`).
    fn user_by_username(&mut self, username: &str) -> Result<Option<User>>;
    /// Up to `limit` logins that start with `prefix` (exactly, case and all), in order,
    /// read through the login column's own index (for shell completion).
    fn logins_starting_with(&mut self, prefix: &str, limit: usize) -> Result<Vec<String>>;
    fn user_by_id(&mut self, id: i64) -> Result<Option<User>>;
    /// The ids of users whose username equals `username` ignoring case (`UserCreationForm`'s
    /// uniqueness rule), in id order.
    fn user_ids_by_username_ignoring_case(&mut self, username: &str) -> Result<Vec<i64>>;
    /// [`Tx::user_ids_by_username_ignoring_case`] for many names at once (an import's rows),
    /// in their order; a backend answers it in fewer queries where it can.
    fn user_ids_by_usernames_ignoring_case(&mut self, usernames: &[&str]) -> Result<Vec<Vec<i64>>> {
        usernames
            .iter()
            .map(|name| self.user_ids_by_username_ignoring_case(name))
            .collect()
    }
    /// The ids of active users whose email equals `email` ignoring case (`iexact`, the first
    /// half of Django's `PasswordResetForm.get_users`), in id order.
    fn active_user_ids_by_email(&mut self, email: &str) -> Result<Vec<i64>>;
    /// Every `(id, username)`, for checking many names at once.
    fn usernames(&mut self) -> Result<Vec<(i64, String)>>;
    /// Visits every user in id order until `f` returns `false`, without loading them all.
    fn each_user(&mut self, f: &mut dyn FnMut(&User) -> Result<bool>) -> Result<()>;
    fn insert_user(&mut self, user: &NewUser) -> Result<i64>;
    /// Many new users, their ids in order; a backend inserts them in fewer statements where
    /// it can (an import's rows).
    fn insert_users(&mut self, users: &[NewUser]) -> Result<Vec<i64>> {
        users.iter().map(|user| self.insert_user(user)).collect()
    }
    /// Updates everything but the id, the password, `last_login` and `date_joined`, and of the
    /// extra columns those named in `extras` (the others are left as they are).
    fn update_profile(&mut self, user: &User, extras: &[String]) -> Result<()>;
    fn set_password(&mut self, id: i64, hash: &str) -> Result<()>;
    /// Replaces the hash only if it is still `expected`, so a re-encoding never overwrites a
    /// password changed meanwhile. Returns whether the row changed.
    fn replace_password(&mut self, id: i64, expected: &str, new: &str) -> Result<bool>;
    fn set_last_login(&mut self, id: i64, at: DateTime<Utc>) -> Result<()>;
    /// Deletes a user and, as Django's cascade would, its rows in Django's own tables that point
    /// at it, and its sessions. Rows of any other table that reference the user (another app's
    /// foreign key, whose `on_delete` the schema does not tell) make it refuse (exit 3).
    fn delete_user(&mut self, user: &User) -> Result<()>;

    fn insert_session(&mut self, session: &NewSession) -> Result<i64>;
    fn session_by_key_hash(&mut self, key_hash: &str) -> Result<Option<SessionRow>>;
    fn delete_session_by_key_hash(&mut self, key_hash: &str) -> Result<usize>;
    fn delete_session(&mut self, id: i64) -> Result<usize>;
    /// Ends every session of a user except `keep` (a password change keeps its own).
    fn delete_sessions_of_user(&mut self, user_id: i64, keep: Option<i64>) -> Result<usize>;
    fn set_session_auth_hash(&mut self, id: i64, auth_hash: &str) -> Result<()>;
    /// Removes expired rows, so the table does not grow forever.
    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> Result<usize>;
    /// A user's sessions that have not expired, oldest first.
    fn sessions_of_user(&mut self, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>>;

    /// Puts a reset email in the outbox, due now; with `claim`, already taken by that sender
    /// until then.
    fn queue_mail(
        &mut self,
        email: &str,
        user_id: Option<i64>,
        now: DateTime<Utc>,
        claim: Option<&Claim>,
    ) -> Result<i64>;
    /// Takes the oldest row with an id in `after + 1 ..= upto` that no sender holds (and, with
    /// `due_only`, that is due by `now`) for this sender.
    fn claim_next_mail(
        &mut self,
        now: DateTime<Utc>,
        ids: (i64, i64),
        due_only: bool,
        claim: &Claim,
    ) -> Result<Option<MailRow>>;
    /// Extends this sender's hold on a row; `false` if it has lost it (another sender took it
    /// after the hold ran out), and must then leave it alone.
    fn renew_mail_claim(&mut self, id: i64, claim: &Claim) -> Result<bool>;
    /// Removes a row: sent, or given up on.
    fn delete_mail(&mut self, id: i64) -> Result<()>;
    /// Records a failed attempt and when to try again, and lets the row go.
    fn defer_mail(
        &mut self,
        id: i64,
        attempts: u32,
        next_attempt: DateTime<Utc>,
        error: &str,
    ) -> Result<()>;
    /// Becomes the one sender that stays to retry deferred mail, if no other holds that until
    /// after `now`; `false` otherwise. Renewing one's own hold always succeeds.
    fn take_retry_lease(&mut self, claim: &Claim, now: DateTime<Utc>) -> Result<bool>;
    fn release_retry_lease(&mut self, owner: &str) -> Result<()>;
    /// Everything in the outbox, oldest first.
    fn mail_queue(&mut self) -> Result<Vec<MailRow>>;
}

/// An open database of one kind.
trait Backend {
    /// Starts a transaction; a writing one holds the database's write lock until it ends.
    fn begin(&mut self, write: bool) -> Result<Box<dyn Transaction + '_>>;
    /// Brings authctl's own tables up to date, recording when.
    fn migrate(&mut self, now: DateTime<Utc>) -> Result<()>;
    fn identity(&self) -> String;
    fn is_django_project(&self) -> bool;
    fn model(&self) -> &UserModel;
    /// Whether the database opened is no longer the one at its location (a SQLite file
    /// replaced or removed since): a long-running process then opens it again.
    fn replaced(&self) -> bool;
}

/// A transaction that can be committed; dropping it uncommitted rolls it back.
trait Transaction: Tx {
    fn commit(self: Box<Self>) -> Result<()>;
}

/// Which database: a SQLite file (a path or a `file:` URI), or a PostgreSQL server's.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(String),
    Postgres(Box<postgres::target::Target>),
}

impl Database {
    /// Reads a `database` setting: a SQLite path or `file:` URI, a `sqlite:///relative` or
    /// `sqlite:////absolute` URL, or a `postgres://` / `postgresql://` URL in libpq's form, with
    /// `libpq` filling in what it leaves out. Errors never repeat the text, which may hold a
    /// password.
    pub fn parse(text: &str, libpq: &Libpq) -> std::result::Result<Database, String> {
        if is_postgres_url(text) {
            return postgres::target::Target::parse(text, libpq)
                .map(|t| Database::Postgres(t.into()));
        }
        if let Some(rest) = text.strip_prefix("sqlite://") {
            // sqlite:///relative/path and sqlite:////absolute/path, as dj-database-url reads them.
            return match rest.strip_prefix('/') {
                Some(path) if !path.is_empty() => Ok(Database::Sqlite(path.to_string())),
                _ => Err(
                    "a sqlite:// URL needs a path: sqlite:///relative or sqlite:////absolute"
                        .into(),
                ),
            };
        }
        match text.split_once("://") {
            Some((scheme, _)) if !scheme.contains('/') => Err(format!(
                "`{scheme}://` is not a database authctl knows (SQLite paths, sqlite:// and postgres:// URLs)"
            )),
            _ => Ok(Database::Sqlite(text.to_string())),
        }
    }

    /// How messages and the reset email name it: the path, or the URL without a password.
    pub fn shown(&self) -> &str {
        match self {
            Database::Sqlite(path) => path,
            Database::Postgres(target) => &target.shown,
        }
    }
}

/// An open database.
pub struct Store {
    backend: Box<dyn Backend>,
}

impl Store {
    /// Opens the database. With `create`, a missing database is created with Django's `auth`
    /// and `contenttypes` tables (see [`django_schema`]), recorded as migrated at `now`;
    /// without, it is an error — so a mistyped location given to a command that only reads is
    /// reported instead of answered from an empty new database.
    pub fn open(
        database: &Database,
        create: bool,
        config: &StoreConfig,
        now: DateTime<Utc>,
    ) -> Result<Store> {
        let backend: Box<dyn Backend> = match database {
            Database::Sqlite(location) => {
                Box::new(sqlite::Sqlite::open(location, create, config, now)?)
            }
            Database::Postgres(target) => {
                Box::new(postgres::Postgres::open(target, create, config, now)?)
            }
        };
        Ok(Store { backend })
    }

    /// Runs `f` in a reading transaction.
    pub fn read<T>(&mut self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut tx = self.backend.begin(false)?;
        let value = f(&mut *tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in one writing transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut tx = self.backend.begin(true)?;
        let value = f(&mut *tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Brings authctl's own tables up to date; called by the flows that use them.
    pub fn migrate(&mut self, now: DateTime<Utc>) -> Result<()> {
        self.backend.migrate(now)
    }

    /// The database's canonical name, which a session file must name to be valid here.
    pub fn identity(&self) -> String {
        self.backend.identity()
    }

    /// See [`Backend::replaced`].
    pub fn replaced(&self) -> bool {
        self.backend.replaced()
    }

    /// Whether this is a Django project's database (it has `django_migrations`).
    pub fn is_django_project(&self) -> bool {
        self.backend.is_django_project()
    }

    /// The user model found in the database.
    pub fn model(&self) -> &UserModel {
        self.backend.model()
    }
}

/// What a datetime stored as text says: a wall time, or (with an offset) an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatetimeText {
    Naive(NaiveDateTime),
    Instant(DateTime<Utc>),
}

impl DatetimeText {
    /// The instant, reading a wall time on the site's clock.
    pub fn instant(self, time: &SiteTime) -> DateTime<Utc> {
        match self {
            DatetimeText::Naive(naive) => time.instant(naive),
            DatetimeText::Instant(t) => t,
        }
    }
}

/// Reads a datetime as Django (or a person) writes it: with or without a fraction, `T` or a
/// space, with or without a UTC offset.
pub fn parse_datetime_text(text: &str) -> Option<DatetimeText> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)) {
        return Some(DatetimeText::Instant(t.with_timezone(&Utc)));
    }
    // With an offset but a space separator, as Python's isoformat(' ') writes.
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z") {
        return Some(DatetimeText::Instant(t.with_timezone(&Utc)));
    }
    [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
    .map(DatetimeText::Naive)
}

/// A wall time as Python's `str(datetime)` writes it: microseconds only when not zero.
pub fn format_naive(t: NaiveDateTime) -> String {
    if t.nanosecond() / 1000 == 0 {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
    }
}

/// A datetime as Python's `str(datetime)` writes it, in UTC: microseconds only when not zero.
/// Django stores datetimes this way on SQLite, and messages show them the same way.
pub fn format_datetime(t: DateTime<Utc>) -> String {
    format_naive(t.naive_utc())
}

/// The name of the index authctl adds to the user table so that looking `column` up ignoring
/// case reads a few rows, not all: `authctl_ci_<table>_<column>`, shortened with a hash of the
/// whole to stay within PostgreSQL's 63 bytes.
pub fn lookup_index_name(table: &str, column: &str) -> String {
    object_name(format!("authctl_ci_{table}_{column}"))
}

/// The trigger on the user table that removes a deleted user's session rows, whoever deletes
/// the user (Django's admin, its ORM, a SQL console).
pub fn session_cascade_name(table: &str) -> String {
    object_name(format!("authctl_sessions_of_{table}"))
}

/// A name within PostgreSQL's 63 bytes: cut, with a hash of the whole, when longer.
fn object_name(name: String) -> String {
    match name.len() <= 63 {
        true => name,
        false => {
            let hash = crate::crypto::sha256_hex(name.as_bytes());
            let mut cut = 48;
            while !name.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}_{}", &name[..cut], &hash[..12])
        }
    }
}

/// The key under which two texts are equal ignoring case, as Django's `iexact` decides on
/// PostgreSQL: `UPPER(a) = UPPER(b)`, each character mapped to its simple (single-character)
/// upper case, as PostgreSQL's `UPPER` maps it (so `ς` and `σ` are both `Σ`, `ı` and `i` both
/// `I`, and `ß`, which has no single capital, stays itself). Every backend matches usernames and
/// emails this way.
pub fn iexact_key(text: &str) -> String {
    text.chars().map(simple_upper).collect()
}

/// Unicode's simple upper-case mapping (UnicodeData.txt's twelfth field). Rust's
/// `to_uppercase` gives the full mapping; where that is more than one character, the simple one
/// is the character itself, except for the Greek letters with an iota below, whose simple
/// capital is their title-case form (`ᾳ` → `ᾼ`).
fn simple_upper(c: char) -> char {
    let mut upper = c.to_uppercase();
    if let (Some(one), None) = (upper.next(), upper.next()) {
        return one;
    }
    let code = c as u32;
    let title = match code {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => code + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => code + 9,
        _ => code,
    };
    char::from_u32(title).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::iexact_key;

    #[test]
    fn ignoring_case_is_postgresqls_simple_upper_case() {
        for (a, b) in [
            ("ΟΔΟΣ", "οδος"),
            ("Istanbul", "ıstanbul"),
            ("ᾳ", "ᾼ"),
            ("ᾀ", "ᾈ"),
            ("ῳ", "ῼ"),
            ("ᾧ", "ᾯ"),
        ] {
            assert_eq!(iexact_key(a), iexact_key(b), "{a} and {b}");
        }
        assert_ne!(iexact_key("straße"), iexact_key("STRASSE"));
        assert_eq!(iexact_key("ß"), "ß");
    }
}
