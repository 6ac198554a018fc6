//! The SQLite backend: Django's tables exactly as Django 5.x's migrations create them on
//! SQLite, plus authctl's own tables. The only user of `rusqlite`.
//!
//! Every write is one `BEGIN IMMEDIATE` transaction, so concurrent writers queue on the busy
//! timeout instead of failing.

mod migrations;
mod outbox;
mod sessions;
mod users;

use super::django_schema::{self, CREATED_BY_AUTHCTL};
use super::{
    Backend, Claim, Column, MailRow, NewSession, NewUser, SessionRow, SqlValue, StoreConfig,
    Transaction, Tx, User, UserModel, format_datetime, parse_datetime_text,
};
use crate::error::{Error, Result};
use crate::timezone::SiteTime;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::PathBuf;
use std::time::Duration;

/// How long a command waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// SQLite's own failure, as an environment error with what was being done.
fn failed(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
    let context = context.into();
    move |e| Error::Database {
        context,
        source: Some(Box::new(e)),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Database {
            context: e.to_string(),
            source: None,
        }
    }
}

pub struct Sqlite {
    conn: Connection,
    location: String,
    django_project: bool,
    /// The file that does not exist yet: `conn` is an empty database in memory until a write.
    pending: Option<PathBuf>,
    config: StoreConfig,
    schema: users::Schema,
    /// When a database created now says its migrations were applied.
    now: DateTime<Utc>,
    /// The file opened (device and inode), to notice it was replaced or removed since.
    file: Option<(u64, u64)>,
}

/// The device and inode of the file at a location, if there is one.
fn file_id(location: &str) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(place(location).ok()?.file).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// Where a database is: its file, and how SQLite is to be told (the path itself, or a `file:`
/// URI with its options).
struct Place {
    file: PathBuf,
    /// A `file:` URI that only reads (`mode=ro`, `immutable=1`): it never creates anything.
    read_only: bool,
}

fn decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// The file a location names. SQLite would keep an in-memory or temporary database for the life
/// of this process only, and report success for writes that vanish: a database must be a file.
fn place(location: &str) -> Result<Place> {
    let memory = || {
        Err(Error::Usage(format!(
            "database {location} would be kept in memory and lost when authctl exits; give a file"
        )))
    };
    let Some(uri) = location.strip_prefix("file:") else {
        return match location {
            ":memory:" => memory(),
            path => Ok(Place {
                file: PathBuf::from(path),
                read_only: false,
            }),
        };
    };
    let uri = uri.split('#').next().unwrap_or(uri);
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    // file://host/path: the path starts at the first slash after the host.
    let path = match path.strip_prefix("//") {
        Some(after) => after.find('/').map_or("", |i| &after[i..]),
        None => path,
    };
    let path = decode(path);
    let options: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                decode(key).to_ascii_lowercase(),
                decode(value).to_ascii_lowercase(),
            )
        })
        .collect();
    let option = |name: &str| {
        options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if path.is_empty()
        || path == ":memory:"
        || option("mode") == Some("memory")
        || option("vfs").is_some_and(|vfs| vfs.contains("mem"))
    {
        return memory();
    }
    Ok(Place {
        file: PathBuf::from(path),
        read_only: option("mode") == Some("ro") || option("immutable") == Some("1"),
    })
}

impl Sqlite {
    /// Opens the database at a path or a SQLite `file:` URI.
    ///
    /// A missing file is not created here: with `create`, the database starts as an empty one
    /// in memory with Django's user table, and the file (mode 0600, in directories made 0700)
    /// appears with the first write — so a dry run, or a signup or import that is refused,
    /// leaves nothing behind.
    pub fn open(
        location: &str,
        create: bool,
        config: &StoreConfig,
        now: DateTime<Utc>,
    ) -> Result<Sqlite> {
        let place = place(location)?;
        match std::fs::metadata(&place.file) {
            // A device or a directory gets no journal beside it.
            Ok(meta) if !meta.is_file() => Err(Error::Environment(format!(
                "database {location} is not a regular file"
            ))),
            Ok(_) => Sqlite::connect(location, create && !place.read_only, config, now),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create && !place.read_only => {
                let conn = Connection::open_in_memory()?;
                create_django_tables(&conn, now, true)?;
                let tables = table_names(&conn)?;
                let (schema, _) = Sqlite::schema(&conn, tables, location, config, false, now)?;
                Ok(Sqlite {
                    conn,
                    location: location.to_string(),
                    django_project: false,
                    pending: Some(place.file),
                    config: config.clone(),
                    schema,
                    now,
                    file: None,
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::Environment(format!(
                "database {location} does not exist (signup, createsuperuser and users import create it)"
            ))),
            Err(e) => Err(Error::io(format!("cannot open database {location}"), e)),
        }
    }

    /// Creates the file of a database that so far lives only in memory, as its owner's alone.
    fn materialize(&mut self) -> Result<()> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let location = self.location.clone();
        let Some(path) = self.pending.take() else {
            return Ok(());
        };
        let path = path.as_path();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(parent)
                .map_err(|e| {
                    Error::io(
                        format!("cannot create the directory for database {location}"),
                        e,
                    )
                })?;
        }
        // SQLite gives its journal and WAL files the database file's mode.
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path);
        match created {
            Ok(_) => {}
            // Another process created it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io(format!("cannot create database {location}"), e)),
        }
        *self = Sqlite::connect(&location, true, &self.config, self.now)?;
        Ok(())
    }

    /// Opens an existing database (or one SQLite may create, for a `file:` URI).
    fn connect(
        location: &str,
        create: bool,
        config: &StoreConfig,
        now: DateTime<Utc>,
    ) -> Result<Sqlite> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let file = file_id(location);
        let conn = Connection::open_with_flags(location, flags)
            .map_err(failed(format!("cannot open database {location}")))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // What follows reads the schema a dozen times: one read transaction takes the file's
        // lock once instead of once a statement (a tenth of a `verify`).
        conn.execute_batch("BEGIN")?;
        let tables = table_names(&conn).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::Environment(format!("{location} is not a SQLite database"))
            }
            _ => failed(format!("cannot read database {location}"))(e),
        })?;
        let (schema, tables) = Sqlite::schema(&conn, tables, location, config, create, now)?;
        let django_project = is_django_project(&conn, &tables)?;
        end_read(&conn)?;
        Ok(Sqlite {
            conn,
            location: location.to_string(),
            django_project,
            pending: None,
            config: config.clone(),
            schema,
            now,
            file,
        })
    }

    /// Finds the user model among `tables`; in an empty database that may be created, Django's
    /// `auth_user` is created first. Also returns the tables as they are now.
    fn schema(
        conn: &Connection,
        tables: Vec<String>,
        location: &str,
        config: &StoreConfig,
        create: bool,
        now: DateTime<Utc>,
    ) -> Result<(users::Schema, Vec<String>)> {
        let mut tables: Vec<String> = tables
            .into_iter()
            .filter(|t| !t.starts_with("sqlite_"))
            .collect();
        let mut wrote = false;
        let user_tables = user_shaped_tables(conn)?;
        let mut columns_of = |table: &str| columns(conn, table);
        let found = (&tables[..], &user_tables[..]);
        let mut model = match UserModel::resolve(config, found, location, &mut columns_of)? {
            Some(model) => model,
            None if !create => {
                return Err(Error::Environment(format!(
                    "{location} is an empty database (signup, createsuperuser and users import set it up)"
                )));
            }
            None => {
                in_write(conn, |conn| match table_exists(conn, "auth_user")? {
                    // Another process created them first.
                    true => Ok(()),
                    false => create_django_tables(conn, now, true),
                })
                .map_err(|e| Error::Database {
                    context: format!("cannot create Django's tables in {location}"),
                    source: Some(Box::new(e)),
                })?;
                wrote = true;
                let columns = columns(conn, "auth_user")?;
                UserModel::from_columns(config, "auth_user".into(), columns, location)?
            }
        };
        // A database an earlier authctl created has `auth_user` alone: it gets the rest of
        // Django's tables now, once (unless it cannot be written, when groups stay unknown).
        let own = !tables.iter().any(|t| t == "django_migrations");
        if own && model.table == "auth_user" && !tables.iter().any(|t| t == "auth_group") {
            let upgraded = in_write(conn, |conn| match table_exists(conn, "auth_group")? {
                true => Ok(()),
                false => create_django_tables(conn, now, false),
            });
            wrote = true;
            if let Err(e) = upgraded {
                model.links_note = Some(format!(
                    "{location} was made by an earlier authctl and has no group tables yet, and \
                     they could not be added now ({}); open it once where it can be written",
                    e.chain()
                ));
            }
        }
        if wrote {
            tables = table_names(conn)?;
        }
        model.links = super::Links::find(&model.table, &tables, &mut |t| column_names(conn, t))?;
        Ok((users::Schema::new(model, config.time.clone()), tables))
    }
}

/// Ends the reading transaction `connect` opened, if it is still open.
fn end_read(conn: &Connection) -> Result<()> {
    if !conn.is_autocommit() {
        conn.execute_batch("COMMIT")?;
    }
    Ok(())
}

/// Runs `f` in one `BEGIN IMMEDIATE` transaction, rolled back if it fails (after ending the
/// reading transaction `connect` opened: a read lock cannot become a write lock safely).
fn in_write(conn: &Connection, f: impl FnOnce(&Connection) -> Result<()>) -> Result<()> {
    end_read(conn)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(()) => Ok(conn.execute_batch("COMMIT")?),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Django's `auth` and `contenttypes` tables (`auth_user` too, with `with_user`), their first
/// rows, and the mark that authctl made them.
fn create_django_tables(conn: &Connection, now: DateTime<Utc>, with_user: bool) -> Result<()> {
    for statement in django_schema::SQLITE {
        if with_user || *statement != django_schema::SQLITE_AUTH_USER {
            conn.execute_batch(statement)?;
        }
    }
    for statement in django_schema::seed(&django_schema::applied_text(now, false)) {
        conn.execute_batch(&statement)?;
    }
    conn.execute_batch(migrations::TABLE)?;
    conn.execute(
        "INSERT OR IGNORE INTO authctl_migrations (version, name, applied) VALUES (0, ?1, ?2)",
        rusqlite::params![CREATED_BY_AUTHCTL, format_datetime(now)],
    )?;
    Ok(())
}

/// A Django project's database: Django's migrations table, not made by authctl, or with other
/// apps' migrations (a project adopted the database).
fn is_django_project(conn: &Connection, tables: &[String]) -> Result<bool> {
    let has = |name: &str| tables.iter().any(|t| t == name);
    if !has("django_migrations") {
        return Ok(false);
    }
    let made_by_authctl = has("authctl_migrations")
        && conn
            .query_row(
                "SELECT 1 FROM authctl_migrations WHERE version = 0",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
    let other_apps = conn
        .query_row(
            "SELECT 1 FROM django_migrations WHERE app NOT IN ('auth', 'contenttypes') LIMIT 1",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    Ok(!made_by_authctl || other_apps)
}

/// The tables with the columns every Django user model has, `password` and `last_login`.
fn user_shaped_tables(conn: &Connection) -> Result<Vec<String>> {
    // A column's name is in its table's CREATE statement (SQLite rewrites the statement on
    // ALTER TABLE), so the text narrows the tables to ask about, cheaply, before each is asked.
    let mut stmt = conn.prepare(
        "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table' \
         AND m.sql LIKE '%password%' AND m.sql LIKE '%last_login%' AND \
         (SELECT count(*) FROM pragma_table_info(m.name) AS c \
          WHERE c.name IN ('password', 'last_login')) = 2",
    )?;
    let names = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The names of a table's columns.
fn column_names(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// A table's columns as SQLite declares them.
fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(
        "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk FROM pragma_table_info(?1)",
    )?;
    let rows: Vec<(String, String, bool, bool, i64)> = stmt
        .query_map([table], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Columns unique on their own: single-column unique indexes (UNIQUE makes one).
    let mut unique = Vec::new();
    let mut indexes = conn.prepare(
        "SELECT i.name FROM pragma_index_list(?1) AS i WHERE i.\"unique\" \
         AND (SELECT count(*) FROM pragma_index_info(i.name)) = 1",
    )?;
    let names: Vec<String> = indexes
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for index in names {
        let column: Option<String> = conn
            .query_row("SELECT name FROM pragma_index_info(?1)", [&index], |r| {
                r.get(0)
            })
            .optional()?;
        unique.extend(column);
    }
    Ok(rows
        .into_iter()
        .map(|(name, sql_type, not_null, has_default, pk)| {
            let (kind, max_length) = Column::kind_of(&sql_type);
            Column {
                unique: unique.contains(&name) || pk == 1,
                unsigned: sql_type.to_ascii_lowercase().contains("unsigned"),
                // An INTEGER PRIMARY KEY is the rowid, which SQLite fills.
                has_default: has_default || (pk == 1 && sql_type.eq_ignore_ascii_case("integer")),
                primary_key: pk > 0,
                nullable: !not_null && pk == 0,
                name,
                kind,
                sql_type,
                max_length,
            }
        })
        .collect())
}

impl Backend for Sqlite {
    fn begin(&mut self, write: bool) -> Result<Box<dyn Transaction + '_>> {
        if write {
            self.materialize()?;
        }
        let behavior = match write {
            true => TransactionBehavior::Immediate,
            false => TransactionBehavior::Deferred,
        };
        let location = &self.location;
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(failed(format!("cannot start a write to {location}")))?;
        Ok(Box::new(SqliteTx {
            tx,
            location: location.clone(),
            schema: &self.schema,
        }))
    }

    fn migrate(&mut self, now: DateTime<Utc>) -> Result<()> {
        self.materialize()?;
        // Most commands find nothing to do: no write lock for that.
        if migrations::up_to_date(&self.conn)?
            && users::user_table_helpers_present(&self.conn, &self.schema)?
        {
            return Ok(());
        }
        let location = self.location.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(format!("cannot start a write to {location}")))?;
        migrations::apply(&tx, now)
            .and_then(|()| users::create_user_table_helpers(&tx, &self.schema))
            .and_then(|()| Ok(tx.commit()?))
            .map_err(|e| Error::Database {
                context: format!("cannot update authctl's tables in {location}"),
                source: Some(Box::new(e)),
            })
    }

    /// The database's canonical file path.
    fn identity(&self) -> String {
        place(&self.location)
            .ok()
            .and_then(|place| std::fs::canonicalize(place.file).ok())
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| self.location.clone())
    }

    fn is_django_project(&self) -> bool {
        self.django_project
    }

    fn replaced(&self) -> bool {
        self.file.is_some() && file_id(&self.location) != self.file
    }

    fn model(&self) -> &UserModel {
        &self.schema.model
    }
}

struct SqliteTx<'a> {
    tx: rusqlite::Transaction<'a>,
    location: String,
    schema: &'a users::Schema,
}

impl Transaction for SqliteTx<'_> {
    fn commit(self: Box<Self>) -> Result<()> {
        let location = self.location;
        self.tx
            .commit()
            .map_err(failed(format!("cannot commit to {location}")))
    }
}

impl super::Portable for SqliteTx<'_> {
    fn rows(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>> {
        let mut stmt = self.tx.prepare_cached(sql)?;
        let width = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter().map(to_sql)))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => SqlValue::Null,
                    rusqlite::types::ValueRef::Integer(n) => SqlValue::Int(n),
                    rusqlite::types::ValueRef::Real(x) => SqlValue::Text(x.to_string()),
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        SqlValue::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(values);
        }
        Ok(out)
    }

    fn run(&mut self, sql: &str, params: &[SqlValue]) -> Result<usize> {
        Ok(self
            .tx
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params.iter().map(to_sql)))?)
    }
}

fn to_sql(value: &SqlValue) -> rusqlite::types::Value {
    match value {
        SqlValue::Null => rusqlite::types::Value::Null,
        SqlValue::Int(n) => rusqlite::types::Value::Integer(*n),
        SqlValue::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}

impl Tx for SqliteTx<'_> {
    fn model(&self) -> &UserModel {
        &self.schema.model
    }
    fn sql(&mut self) -> &mut dyn super::Portable {
        self
    }
    fn references(&mut self, table: &str) -> Result<Vec<(String, String, String)>> {
        users::references(&self.tx, table)
    }
    fn has_table(&mut self, name: &str) -> Result<bool> {
        table_exists(&self.tx, name)
    }
    fn others_writes(&mut self) -> Result<Option<i64>> {
        Ok(Some(self.tx.query_row(
            "PRAGMA data_version",
            [],
            |row| row.get(0),
        )?))
    }
    fn user_by_username(&mut self, username: &str) -> Result<Option<User>> {
        users::by_username(&self.tx, self.schema, username)
    }
    fn logins_starting_with(&mut self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        users::logins_starting_with(&self.tx, self.schema, prefix, limit)
    }
    fn user_by_id(&mut self, id: i64) -> Result<Option<User>> {
        users::by_id(&self.tx, self.schema, id)
    }
    fn user_ids_by_username_ignoring_case(&mut self, username: &str) -> Result<Vec<i64>> {
        users::ids_where(&self.tx, self.schema, users::Match::Login, username)
    }
    fn user_ids_by_usernames_ignoring_case(&mut self, usernames: &[&str]) -> Result<Vec<Vec<i64>>> {
        users::ids_by_logins(&self.tx, self.schema, usernames)
    }
    fn active_user_ids_by_email(&mut self, email: &str) -> Result<Vec<i64>> {
        users::ids_where(&self.tx, self.schema, users::Match::ActiveEmail, email)
    }
    fn usernames(&mut self) -> Result<Vec<(i64, String)>> {
        users::usernames(&self.tx, self.schema)
    }
    fn each_user(&mut self, f: &mut dyn FnMut(&User) -> Result<bool>) -> Result<()> {
        users::each(&self.tx, self.schema, f)
    }
    fn insert_user(&mut self, user: &NewUser) -> Result<i64> {
        users::insert(&self.tx, self.schema, user)
    }
    fn update_profile(&mut self, user: &User, extras: &[String]) -> Result<()> {
        users::update_profile(&self.tx, self.schema, user, extras)
    }
    fn set_password(&mut self, id: i64, hash: &str) -> Result<()> {
        users::set_password(&self.tx, self.schema, id, hash)
    }
    fn replace_password(&mut self, id: i64, expected: &str, new: &str) -> Result<bool> {
        users::replace_password(&self.tx, self.schema, id, expected, new)
    }
    fn set_last_login(&mut self, id: i64, at: DateTime<Utc>) -> Result<()> {
        users::set_last_login(&self.tx, self.schema, id, at)
    }
    fn delete_user(&mut self, user: &User) -> Result<()> {
        users::delete_cascade(&self.tx, self.schema, user)?;
        sessions::delete_for_user(&self.tx, user.id, None)?;
        Ok(())
    }

    fn insert_session(&mut self, session: &NewSession) -> Result<i64> {
        sessions::insert(&self.tx, session)
    }
    fn session_by_key_hash(&mut self, key_hash: &str) -> Result<Option<SessionRow>> {
        sessions::by_key_hash(&self.tx, key_hash)
    }
    fn delete_session_by_key_hash(&mut self, key_hash: &str) -> Result<usize> {
        sessions::delete_by_key_hash(&self.tx, key_hash)
    }
    fn delete_session(&mut self, id: i64) -> Result<usize> {
        sessions::delete(&self.tx, id)
    }
    fn delete_sessions_of_user(&mut self, user_id: i64, keep: Option<i64>) -> Result<usize> {
        sessions::delete_for_user(&self.tx, user_id, keep)
    }
    fn set_session_auth_hash(&mut self, id: i64, auth_hash: &str) -> Result<()> {
        sessions::set_auth_hash(&self.tx, id, auth_hash)
    }
    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> Result<usize> {
        sessions::delete_expired(&self.tx, now)
    }
    fn sessions_of_user(&mut self, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
        sessions::of_user(&self.tx, user_id, now)
    }

    fn queue_mail(
        &mut self,
        email: &str,
        user_id: Option<i64>,
        now: DateTime<Utc>,
        claim: Option<&Claim>,
    ) -> Result<i64> {
        outbox::queue(&self.tx, email, user_id, now, claim)
    }
    fn claim_next_mail(
        &mut self,
        now: DateTime<Utc>,
        ids: (i64, i64),
        due_only: bool,
        claim: &Claim,
    ) -> Result<Option<MailRow>> {
        outbox::claim_next(&self.tx, now, ids, due_only, claim)
    }
    fn renew_mail_claim(&mut self, id: i64, claim: &Claim) -> Result<bool> {
        outbox::renew(&self.tx, id, claim)
    }
    fn delete_mail(&mut self, id: i64) -> Result<()> {
        outbox::delete(&self.tx, id)
    }
    fn defer_mail(
        &mut self,
        id: i64,
        attempts: u32,
        next_attempt: DateTime<Utc>,
        error: &str,
    ) -> Result<()> {
        outbox::defer(&self.tx, id, attempts, next_attempt, error)
    }
    fn mail_queue(&mut self) -> Result<Vec<MailRow>> {
        outbox::all(&self.tx)
    }
    fn take_retry_lease(&mut self, claim: &Claim, now: DateTime<Utc>) -> Result<bool> {
        outbox::take_retry_lease(&self.tx, claim, now)
    }
    fn release_retry_lease(&mut self, owner: &str) -> Result<()> {
        outbox::release_retry_lease(&self.tx, owner)
    }
}

/// Whether one of authctl's own tables exists yet (each is created on first need).
fn table_exists(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    stmt.query_map([], |row| row.get(0))?.collect()
}

/// A datetime of authctl's own tables, which are always UTC.
pub(crate) fn parse_datetime(text: &str) -> Option<DateTime<Utc>> {
    parse_datetime_text(text).map(|t| t.instant(&SiteTime::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Database, Store, format_datetime};
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
    fn new_database_has_djangos_tables_and_migrates_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/db.sqlite3");
        let open = || {
            Store::open(
                &Database::Sqlite(path.display().to_string()),
                true,
                &Default::default(),
                Utc::now(),
            )
            .unwrap()
        };
        let mut store = open();
        assert!(!store.is_django_project());
        store.migrate(Utc::now()).unwrap();
        store.migrate(Utc::now()).unwrap();
        assert!(!open().is_django_project(), "authctl's own database");
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'authctl%' AND name != 'sqlite_sequence'")
            .unwrap();
        let mut made: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut expected: Vec<String> = django_schema::SQLITE
            .iter()
            .map(|s| s.to_string())
            .collect();
        made.sort();
        expected.sort();
        assert_eq!(made, expected);
        let versions: i64 = conn
            .query_row(
                "SELECT count(*) FROM authctl_migrations WHERE version > 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(versions as usize, migrations::count());
        let applied: i64 = conn
            .query_row("SELECT count(*) FROM django_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied as usize, django_schema::MIGRATIONS.len());
        // Once a project adds its own apps' migrations, it is a Django project's database.
        conn.execute_batch("INSERT INTO django_migrations (app, name, applied) VALUES ('admin', '0001_initial', '2026-01-01 00:00:00')")
            .unwrap();
        assert!(open().is_django_project());
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
        let err = Store::open(
            &Database::Sqlite(junk.display().to_string()),
            true,
            &Default::default(),
            Utc::now(),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("not a SQLite database"), "{err}");
        assert_eq!(std::fs::read(&junk).unwrap(), before);

        let other = dir.path().join("other.sqlite3");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let err = Store::open(
            &Database::Sqlite(other.display().to_string()),
            true,
            &Default::default(),
            Utc::now(),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("has no user table"), "{err}");
    }
}
