//! The SQLite database in Django's layout: `auth_user` exactly as Django 5.x's migrations create
//! it, plus authctl's own `authctl_*` tables under versioned migrations.
//!
//! Django's tables are only ever read and written row by row, never altered. Every write goes
//! through [`Store::write`], one `BEGIN IMMEDIATE` transaction, so a command is applied whole or
//! not at all and concurrent writers queue on the busy timeout instead of failing.

mod migrations;
pub mod sessions;
pub mod users;

use crate::error::{Error, Result};
use anyhow::Context;
use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

pub use users::{NewUser, User};

/// `auth_user` as Django 5.x's `migrate` leaves it on SQLite (read back from `sqlite_master`).
pub const AUTH_USER_DDL: &str = r#"CREATE TABLE IF NOT EXISTS "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)"#;

const AUTH_USER_COLUMNS: [&str; 11] = [
    "id",
    "password",
    "last_login",
    "is_superuser",
    "username",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
    "first_name",
];

/// How long a command waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Store {
    conn: Connection,
    location: String,
    django_project: bool,
}

impl Store {
    /// Opens the database at a path or a SQLite `file:` URI. With `create`, a missing file (and
    /// its directory) is created; without, it is an error — so a mistyped path given to a
    /// command that only reads is reported instead of answered from an empty new database.
    pub fn open(location: &str, create: bool) -> Result<Store> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        } else if !location.starts_with("file:") && !Path::new(location).exists() {
            return Err(Error::environment(format!(
                "database {location} does not exist (signup, createsuperuser and users import create it)"
            ))
            .into());
        }
        let parent = Path::new(location)
            .parent()
            .filter(|p| !p.as_os_str().is_empty());
        if let Some(parent) =
            parent.filter(|p| create && !location.starts_with("file:") && !p.exists())
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the directory for database {location}"))?;
        }
        let conn = Connection::open_with_flags(location, flags)
            .with_context(|| format!("cannot open database {location}"))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let tables = table_names(&conn).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => anyhow::Error::from(Error::environment(
                format!("{location} is not a SQLite database"),
            )),
            _ => anyhow::Error::from(e).context(format!("cannot read database {location}")),
        })?;
        let mut store = Store {
            conn,
            location: location.to_string(),
            django_project: tables.iter().any(|t| t == "django_migrations"),
        };
        if tables.iter().any(|t| t == "auth_user") {
            store.check_auth_user()?;
        } else if tables.iter().all(|t| t.starts_with("sqlite_")) && !create {
            return Err(Error::environment(format!(
                "{location} is an empty database (signup, createsuperuser and users import set it up)"
            ))
            .into());
        } else if tables.iter().all(|t| t.starts_with("sqlite_")) {
            store
                .write(|tx| Ok(tx.execute_batch(AUTH_USER_DDL)?))
                .with_context(|| format!("cannot create the auth_user table in {location}"))?;
        } else {
            return Err(Error::environment(format!(
                "{location} is a SQLite database without Django's auth_user table; \
                 authctl only adds tables to a new database or a Django project's"
            ))
            .into());
        }
        Ok(store)
    }

    fn check_auth_user(&self) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM pragma_table_info('auth_user')")?;
        let columns: Vec<String> = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let missing: Vec<&str> = AUTH_USER_COLUMNS
            .iter()
            .copied()
            .filter(|c| !columns.iter().any(|have| have == c))
            .collect();
        if !missing.is_empty() {
            return Err(Error::environment(format!(
                "the auth_user table in {} is not Django's (missing columns: {})",
                self.location,
                missing.join(", ")
            ))
            .into());
        }
        Ok(())
    }

    /// The database's canonical file path, which a session file must name to be valid here.
    pub fn identity(&self) -> String {
        let path = match self.location.strip_prefix("file:") {
            Some(rest) => {
                let rest = rest.split(['?', '#']).next().unwrap_or(rest);
                // file://host/path: the path starts at the first slash after the host.
                match rest.strip_prefix("//") {
                    Some(after) => after.find('/').map(|i| &after[i..]).unwrap_or(after),
                    None => rest,
                }
            }
            None => self.location.as_str(),
        };
        std::fs::canonicalize(path)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| self.location.clone())
    }

    /// Whether this is a Django project's database (it has `django_migrations`).
    pub fn is_django_project(&self) -> bool {
        self.django_project
    }

    /// For reads outside a transaction.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .with_context(|| format!("cannot start a write to {}", self.location))?;
        let value = f(&tx)?;
        tx.commit()
            .with_context(|| format!("cannot commit to {}", self.location))?;
        Ok(value)
    }

    /// Brings authctl's own tables up to date; called by the commands that use them.
    pub fn migrate(&mut self) -> Result<()> {
        let location = self.location.clone();
        self.write(migrations::apply)
            .with_context(|| format!("cannot update authctl's tables in {location}"))
    }
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    stmt.query_map([], |row| row.get(0))?.collect()
}

/// A datetime as Django stores it on SQLite with `USE_TZ = True`: UTC, no offset, microseconds
/// only when they are not zero (Python's `str(datetime)`).
pub fn format_datetime(t: DateTime<Utc>) -> String {
    if t.nanosecond() / 1000 == 0 {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
    }
}

/// Reads what Django (or a hand-edited row) stored: with or without fraction, `T` or space, and
/// an optional UTC offset.
pub fn parse_datetime(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)) {
        return Some(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc());
        }
    }
    // A datetime with an offset but a space separator, as Python writes with isoformat(' ').
    DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z")
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn datetimes_round_trip_in_djangos_format() {
        let t = Utc.with_ymd_and_hms(2026, 11, 25, 18, 58, 51).unwrap();
        assert_eq!(format_datetime(t), "2026-11-25 18:58:51");
        let with_micros = t + chrono::Duration::microseconds(120);
        assert_eq!(format_datetime(with_micros), "2026-11-25 18:58:51.000120");
        assert_eq!(
            parse_datetime("2026-11-25 18:58:51.000120"),
            Some(with_micros)
        );
        assert_eq!(parse_datetime("2026-11-25 18:58:51"), Some(t));
        assert_eq!(parse_datetime("2026-11-25T19:58:51+01:00"), Some(t));
        assert_eq!(parse_datetime("2026-11-25 19:58:51+01:00"), Some(t));
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn new_database_has_djangos_auth_user_and_migrates_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/db.sqlite3");
        let mut store = Store::open(path.to_str().unwrap(), true).unwrap();
        assert!(!store.is_django_project());
        let sql: String = store
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'auth_user'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            format!(
                "CREATE TABLE IF NOT EXISTS {}",
                &sql["CREATE TABLE ".len()..]
            ),
            AUTH_USER_DDL
        );
        store.migrate().unwrap();
        store.migrate().unwrap();
        let versions: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM authctl_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(versions as usize, migrations::count());
    }

    #[test]
    fn foreign_sqlite_and_junk_files_are_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk");
        std::fs::write(
            &junk,
            b"this is not a database, not even close; it is just text\n".repeat(20),
        )
        .unwrap();
        let before = std::fs::read(&junk).unwrap();
        let err = Store::open(junk.to_str().unwrap(), true).err().unwrap();
        assert!(err.to_string().contains("not a SQLite database"), "{err:#}");
        assert_eq!(std::fs::read(&junk).unwrap(), before);

        let other = dir.path().join("other.sqlite3");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let err = Store::open(other.to_str().unwrap(), true).err().unwrap();
        assert!(
            err.to_string().contains("without Django's auth_user"),
            "{err:#}"
        );
    }
}
