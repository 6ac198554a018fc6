//! Rows of the user table (`auth_user` or a custom model's). Columns are always named, and only
//! the ones the model has are read or written; booleans are 1/0, and the model's datetimes are
//! Django's text on the site's clock (UTC, or local wall time without `USE_TZ`).

use crate::error::{Error, Result};
use crate::store::{
    Column, Kind, NewUser, User, UserModel, format_naive, iexact_key, lookup_index_name,
    parse_datetime_text, quote, session_cascade_name,
};
use crate::timezone::SiteTime;
use chrono::{DateTime, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

/// The model and the clock its datetimes are on, and the SQL of the look-ups every command
/// makes, written once (an import makes them for every row).
#[derive(Debug, Clone)]
pub struct Schema {
    pub model: UserModel,
    pub time: SiteTime,
    select: String,
    /// [`lookup_sql`] for the login and the email.
    lookups: [Option<String>; 2],
}

impl Schema {
    pub fn new(model: UserModel, time: SiteTime) -> Schema {
        let columns: Vec<String> = model.columns.iter().map(|c| quote(&c.name)).collect();
        let select = format!("SELECT {} FROM {}", columns.join(", "), quote(&model.table));
        let mut schema = Schema {
            model,
            time,
            select,
            lookups: [None, None],
        };
        schema.lookups = [
            lookup_sql(&schema, Match::Login),
            lookup_sql(&schema, Match::ActiveEmail),
        ];
        schema
    }

    fn table(&self) -> String {
        quote(&self.model.table)
    }

    fn select(&self) -> &str {
        &self.select
    }

    fn datetime_value(&self, t: DateTime<Utc>) -> Value {
        // An import stamps every row with the same moment: format it once.
        thread_local! {
            static LAST: std::cell::RefCell<Option<(DateTime<Utc>, SiteTime, String)>> =
                const { std::cell::RefCell::new(None) };
        }
        LAST.with_borrow_mut(|last| match last {
            Some((at, time, text)) if *at == t && *time == self.time => Value::Text(text.clone()),
            _ => {
                let text = format_naive(self.time.naive(t));
                *last = Some((t, self.time.clone(), text.clone()));
                Value::Text(text)
            }
        })
    }

    fn user_of(&self, row: &Row) -> rusqlite::Result<User> {
        let model = &self.model;
        let mut user = User::blank(0);
        for (i, column) in model.columns.iter().enumerate() {
            let name = column.name.as_str();
            if name == model.login {
                user.username = text(row, i)?;
            }
            if Some(name) == model.email.as_deref() {
                user.email = row.get::<_, Option<String>>(i)?.unwrap_or_default();
                continue;
            }
            if name == model.login {
                continue;
            }
            match name {
                "id" => user.id = row.get(i)?,
                "password" => user.password = row.get(i)?,
                "last_login" => user.last_login = self.datetime(row, i, name)?,
                "date_joined" => user.date_joined = self.datetime(row, i, name)?,
                // A NULL flag is false and NULL text empty, as Django's checks take them.
                "is_superuser" => user.is_superuser = flag(row, i)?,
                "is_staff" => user.is_staff = flag(row, i)?,
                "is_active" => user.is_active = flag(row, i)?,
                "first_name" => user.first_name = text(row, i)?,
                "last_name" => user.last_name = text(row, i)?,
                _ => {
                    user.extra
                        .insert(name.to_string(), text_of(column, row.get_ref(i)?));
                }
            }
        }
        Ok(user)
    }

    fn datetime(
        &self,
        row: &Row,
        idx: usize,
        column: &str,
    ) -> rusqlite::Result<Option<DateTime<Utc>>> {
        match row.get::<_, Option<String>>(idx)? {
            None => Ok(None),
            Some(text) => match parse_datetime_text(&text) {
                Some(t) => Ok(Some(t.instant(&self.time))),
                None => {
                    let id: i64 = row.get("id").unwrap_or_default();
                    Err(rusqlite::Error::FromSqlConversionFailure(
                        idx,
                        rusqlite::types::Type::Text,
                        format!("user {id} has an unreadable datetime in {column}: {text:?}")
                            .into(),
                    ))
                }
            },
        }
    }
}

fn flag(row: &Row, i: usize) -> rusqlite::Result<bool> {
    Ok(row.get::<_, Option<bool>>(i)?.unwrap_or(false))
}

fn text(row: &Row, i: usize) -> rusqlite::Result<String> {
    Ok(row.get::<_, Option<String>>(i)?.unwrap_or_default())
}

/// An extra column's value as text: what a person would type for it.
fn text_of(column: &Column, value: ValueRef) -> Option<String> {
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(n) if column.kind == Kind::Boolean => Some((n != 0).to_string()),
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(bytes) => Some(hex::encode(bytes)),
    }
}

/// An extra column's value (already checked by [`Column::clean`]) as SQLite stores it.
fn value_for(column: &Column, value: &Option<String>) -> Value {
    let Some(text) = value else {
        return Value::Null;
    };
    match column.kind {
        Kind::Integer => text
            .parse()
            .map_or(Value::Text(text.clone()), Value::Integer),
        Kind::Boolean => Value::Integer(i64::from(text == "true")),
        Kind::Real => text.parse().map_or(Value::Text(text.clone()), Value::Real),
        _ => Value::Text(text.clone()),
    }
}

/// The role columns' values for an insert or an update, for those the model has.
fn profile_values(schema: &Schema, user: &ProfileValues) -> Vec<(String, Value)> {
    let model = &schema.model;
    let mut values = vec![(model.login.clone(), Value::Text(user.username.to_string()))];
    if let Some(email) = model.email.as_ref().filter(|e| **e != model.login) {
        values.push((email.clone(), Value::Text(user.email.to_string())));
    }
    for (name, value) in [
        ("first_name", Value::Text(user.first_name.to_string())),
        ("last_name", Value::Text(user.last_name.to_string())),
        ("is_staff", Value::Integer(user.is_staff.into())),
        ("is_superuser", Value::Integer(user.is_superuser.into())),
        ("is_active", Value::Integer(user.is_active.into())),
    ] {
        if model.has(name) {
            values.push((name.to_string(), value));
        }
    }
    values
}

/// What [`profile_values`] reads, from a new user or an existing one.
struct ProfileValues<'a> {
    username: &'a str,
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    is_staff: bool,
    is_superuser: bool,
    is_active: bool,
}

/// The extra columns named, with their values, skipping names the model lacks.
fn extra_values<'a>(
    model: &UserModel,
    extras: impl Iterator<Item = (&'a String, &'a Option<String>)>,
) -> Vec<(String, Value)> {
    extras
        .filter_map(|(name, value)| {
            let column = model.extras().find(|c| c.name == *name)?;
            Some((name.clone(), value_for(column, value)))
        })
        .collect()
}

/// The user with exactly this login (Django's `get_by_natural_key`).
pub fn by_username(conn: &Connection, schema: &Schema, username: &str) -> Result<Option<User>> {
    let sql = format!(
        "{} WHERE {} = ?1",
        schema.select(),
        quote(&schema.model.login)
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([username], |row| schema.user_of(row))
        .optional()?)
}

pub fn by_id(conn: &Connection, schema: &Schema, id: i64) -> Result<Option<User>> {
    let sql = format!("{} WHERE id = ?1", schema.select());
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |row| schema.user_of(row))
        .optional()?)
}

/// What [`ids_where`] can match on.
#[derive(Debug, Clone, Copy)]
pub enum Match {
    Login,
    /// The email of active users that have one.
    ActiveEmail,
}

/// An indexable stand-in for [`iexact_key`] that SQLite computes with its built-in functions
/// only, so that Django's connections, which know no authctl functions, keep writing the table
/// with the index on it: for ASCII text (as many bytes as characters) SQLite's ASCII-only
/// `upper()` *is* the key; every other text gets the one key [`OTHER`], and those rows are
/// compared in Rust; NULL stays NULL, so a nullable column's empty rows are not among them.
///
/// Written without `IS NULL`: SQLite simplifies that away in a query on a `NOT NULL` column
/// but not in the index, and then no longer sees that the two are the same expression.
fn ascii_key(column: &str) -> String {
    let c = quote(column);
    format!(
        "(CASE WHEN length(CAST({c} AS BLOB)) = length({c}) THEN upper({c}) \
         WHEN length({c}) >= 0 THEN {OTHER} END)"
    )
}

/// The key of every text that is not plain ASCII: a NUL, which no ASCII text's key is (a text
/// holding a NUL counts as not ASCII here, since `length` stops at the NUL).
const OTHER: &str = "char(0)";

/// Whether authctl's helpers on the user table are all there: the lookup indexes and the
/// trigger that ends a deleted user's sessions (a table Django rebuilt has lost them).
pub fn user_table_helpers_present(conn: &Connection, schema: &Schema) -> Result<bool> {
    let table = &schema.model.table;
    let mut wanted: Vec<(&str, String)> = schema
        .model
        .lookup_columns()
        .into_iter()
        .map(|column| ("index", lookup_index_name(table, column)))
        .collect();
    wanted.push(("trigger", session_cascade_name(table)));
    for (kind, name) in wanted {
        let found: Option<i64> = conn
            .query_row(
                "SELECT 1 FROM sqlite_master WHERE type = ?1 AND name = ?2",
                [kind, &name],
                |row| row.get(0),
            )
            .optional()?;
        if found.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Creates the helpers that are missing, in the caller's write transaction (after the
/// migrations, which make `authctl_session`). The trigger is plain SQL, so it runs on
/// Django's connections too.
pub fn create_user_table_helpers(conn: &Connection, schema: &Schema) -> Result<()> {
    let table = &schema.model.table;
    for column in schema.model.lookup_columns() {
        conn.execute_batch(&format!(
            "CREATE INDEX IF NOT EXISTS {} ON {} ({})",
            quote(&lookup_index_name(table, column)),
            schema.table(),
            ascii_key(column)
        ))?;
    }
    conn.execute_batch(&format!(
        "CREATE TRIGGER IF NOT EXISTS {} AFTER DELETE ON {} BEGIN \
         DELETE FROM authctl_session WHERE user_id = OLD.id; END",
        quote(&session_cascade_name(table)),
        schema.table(),
    ))?;
    Ok(())
}

/// The query behind [`ids_where`]: `(id, column)` of the candidates, `?1` the wanted key.
fn lookup_sql(schema: &Schema, what: Match) -> Option<String> {
    let model = &schema.model;
    let (column, filter) = match what {
        Match::Login => (model.login.as_str(), String::new()),
        Match::ActiveEmail => {
            let email = model.email.as_ref()?;
            let active = match model.has("is_active") {
                true => "is_active AND",
                false => "",
            };
            (
                email.as_str(),
                format!("{active} {} != '' AND", quote(email)),
            )
        }
    };
    Some(format!(
        "SELECT id, {} FROM {} WHERE {filter} {} IN (?1, {OTHER})",
        quote(column),
        schema.table(),
        ascii_key(column)
    ))
}

/// The ids of users whose column equals `wanted` ignoring case ([`iexact_key`]). The lookup
/// index narrows the rows to those with the same ASCII key plus the non-ASCII ones, and every
/// candidate is compared in Rust, so the answer is the same with or without the index. (A
/// site whose names are mostly not ASCII reads all of those: see the README's Performance.)
pub fn ids_where(
    conn: &Connection,
    schema: &Schema,
    what: Match,
    wanted: &str,
) -> Result<Vec<i64>> {
    let key = iexact_key(wanted);
    let Some(sql) = &schema.lookups[what as usize] else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([&key])?;
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        // A value that is not text cannot match and must not stop the others.
        if row
            .get_ref(1)?
            .as_str()
            .is_ok_and(|text| iexact_key(text) == key)
        {
            ids.push(row.get(0)?);
        }
    }
    ids.sort_unstable();
    Ok(ids)
}

/// [`ids_where`] on the login for many names: their ASCII keys a few hundred to a query, and
/// the non-ASCII rows once for them all.
pub fn ids_by_logins(conn: &Connection, schema: &Schema, names: &[&str]) -> Result<Vec<Vec<i64>>> {
    let keys: Vec<String> = names.iter().map(|n| iexact_key(n)).collect();
    let mut wanted: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, key) in keys.iter().enumerate() {
        wanted.entry(key.as_str()).or_default().push(i);
    }
    let mut found = vec![Vec::new(); names.len()];
    let login = quote(&schema.model.login);
    let by_key = ascii_key(&schema.model.login);
    let mut visit = |sql: &str, params: &[&str]| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            if let Ok(text) = row.get_ref(1)?.as_str()
                && let Some(inputs) = wanted.get(iexact_key(text).as_str())
            {
                let id: i64 = row.get(0)?;
                for &i in inputs {
                    found[i].push(id);
                }
            }
        }
        Ok(())
    };
    const BATCH: usize = 500;
    let ascii: Vec<&str> = wanted.keys().copied().filter(|k| k.is_ascii()).collect();
    for batch in ascii.chunks(BATCH) {
        let marks: Vec<String> = (1..=batch.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "SELECT id, {login} FROM {} WHERE {by_key} IN ({})",
            schema.table(),
            marks.join(", ")
        );
        visit(&sql, batch)?;
    }
    visit(
        &format!(
            "SELECT id, {login} FROM {} WHERE {by_key} = {OTHER}",
            schema.table()
        ),
        &[],
    )?;
    for ids in &mut found {
        ids.sort_unstable();
        ids.dedup();
    }
    Ok(found)
}

/// Every `(id, login)`, for callers that look many names up at once.
pub fn usernames(conn: &Connection, schema: &Schema) -> Result<Vec<(i64, String)>> {
    let sql = format!(
        "SELECT id, {} FROM {} ORDER BY id",
        quote(&schema.model.login),
        schema.table()
    );
    let mut stmt = conn.prepare(&sql)?;
    let names = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Visits every user in id order until `f` returns `false`, without loading them all at once.
pub fn each(
    conn: &Connection,
    schema: &Schema,
    f: &mut dyn FnMut(&User) -> Result<bool>,
) -> Result<()> {
    let sql = format!("{} ORDER BY id", schema.select());
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if !f(&schema.user_of(row)?)? {
            break;
        }
    }
    Ok(())
}

/// Django's own tables whose rows go with their user (`on_delete=CASCADE` in Django): the
/// model's group and permission links, and the admin's log.
fn cascade(table: &str) -> [String; 3] {
    [
        format!("{table}_groups"),
        format!("{table}_user_permissions"),
        "django_admin_log".to_string(),
    ]
}

/// Deletes a user and, as Django's cascade would, its rows in Django's own tables that point at
/// it. Rows of any other table that reference the user (another app's foreign key, whose
/// `on_delete` the schema does not tell) make it refuse, so nothing is left dangling.
pub fn delete_cascade(conn: &Connection, schema: &Schema, user: &User) -> Result<()> {
    let name = &schema.model.table;
    let references = references(conn, name)?;
    let table = schema.table();
    let cascade = cascade(name);
    for (referring, column, to) in references {
        // The user's value of the column the key points at (its id, or another unique column
        // such as the username).
        let matching = format!(
            "{} = (SELECT {} FROM {table} WHERE id = ?1)",
            quote(&column),
            quote(&to)
        );
        if cascade.contains(&referring) {
            conn.execute(
                &format!("DELETE FROM {} WHERE {matching}", quote(&referring)),
                [user.id],
            )?;
            continue;
        }
        let count: i64 = conn.query_row(
            &format!(
                "SELECT count(*) FROM {} WHERE {matching}",
                quote(&referring)
            ),
            [user.id],
            |row| row.get(0),
        )?;
        if count > 0 {
            return Err(Error::Invalid(format!(
                "user {} is still referenced by {count} row(s) of {referring}.{column}; \
                 remove those first (nothing was deleted)",
                user.username
            )));
        }
    }
    conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [user.id])?;
    Ok(())
}

/// The foreign keys that point at a table: `(table, column, the column it points at)`.
pub fn references(conn: &Connection, table: &str) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT m.name, f.\"from\", coalesce(f.\"to\", 'id') \
         FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f \
         WHERE m.type = 'table' AND lower(f.\"table\") = lower(?1)",
    )?;
    let found = stmt
        .query_map([table], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

pub fn insert(conn: &Connection, schema: &Schema, user: &NewUser) -> Result<i64> {
    let model = &schema.model;
    let mut values = profile_values(
        schema,
        &ProfileValues {
            username: &user.username,
            email: &user.email,
            first_name: &user.first_name,
            last_name: &user.last_name,
            is_staff: user.is_staff,
            is_superuser: user.is_superuser,
            is_active: user.is_active,
        },
    );
    values.push(("password".into(), Value::Text(user.password.clone())));
    if model.has("date_joined") {
        values.push((
            "date_joined".into(),
            schema.datetime_value(user.date_joined),
        ));
    }
    values.extend(extra_values(model, user.extra.iter()));
    let names: Vec<String> = values.iter().map(|(n, _)| quote(n)).collect();
    let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        schema.table(),
        names.join(", "),
        marks.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values.into_iter().map(|(_, v)| v)))
        .map_err(|e| constraint(e, model))?;
    Ok(conn.last_insert_rowid())
}

/// A constraint the table's own schema enforces (NOT NULL, CHECK) as invalid data naming the
/// column, never a raw SQL error.
fn constraint(e: rusqlite::Error, model: &UserModel) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        let text = e.to_string();
        let column = model
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .filter(|c| text.contains(&format!(".{c}")) || text.ends_with(&format!(": {c}")))
            .max_by_key(|c| c.len());
        return Error::Invalid(match column {
            Some(column) => format!("{column}: the database refused the value ({text})"),
            None => format!("the database refused the row ({text})"),
        });
    }
    e.into()
}

/// Replaces the password hash only if it is still `expected`, so an upgrade never overwrites a
/// password another process changed in the meantime. Returns whether the row was updated.
pub fn replace_password(
    conn: &Connection,
    schema: &Schema,
    id: i64,
    expected: &str,
    new: &str,
) -> Result<bool> {
    let changed = conn.execute(
        &format!(
            "UPDATE {} SET password = ?1 WHERE id = ?2 AND password = ?3",
            schema.table()
        ),
        rusqlite::params![new, id, expected],
    )?;
    Ok(changed == 1)
}

pub fn set_password(conn: &Connection, schema: &Schema, id: i64, hash: &str) -> Result<()> {
    conn.execute(
        &format!("UPDATE {} SET password = ?1 WHERE id = ?2", schema.table()),
        rusqlite::params![hash, id],
    )?;
    Ok(())
}

pub fn set_last_login(
    conn: &Connection,
    schema: &Schema,
    id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        &format!(
            "UPDATE {} SET last_login = ?1 WHERE id = ?2",
            schema.table()
        ),
        rusqlite::params![schema.datetime_value(at), id],
    )?;
    Ok(())
}

/// Updates the fields `createsuperuser --update` and the admin change: everything but the id,
/// the password, `last_login` and `date_joined`, and the extra columns named.
pub fn update_profile(
    conn: &Connection,
    schema: &Schema,
    user: &User,
    extras: &[String],
) -> Result<()> {
    let model = &schema.model;
    let mut values = profile_values(
        schema,
        &ProfileValues {
            username: &user.username,
            email: &user.email,
            first_name: &user.first_name,
            last_name: &user.last_name,
            is_staff: user.is_staff,
            is_superuser: user.is_superuser,
            is_active: user.is_active,
        },
    );
    values.extend(extra_values(
        model,
        user.extra.iter().filter(|(name, _)| extras.contains(name)),
    ));
    let sets: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("{} = ?{}", quote(name), i + 1))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ?{}",
        schema.table(),
        sets.join(", "),
        values.len() + 1
    );
    let params = values
        .into_iter()
        .map(|(_, v)| v)
        .chain(std::iter::once(Value::Integer(user.id)));
    conn.execute(&sql, params_from_iter(params))
        .map_err(|e| constraint(e, model))?;
    Ok(())
}

/// Logins from `prefix` up to `prefix` followed by the last character there is: in SQLite's
/// byte order, exactly those that start with it, read from the login column's unique index.
pub fn logins_starting_with(
    conn: &Connection,
    schema: &Schema,
    prefix: &str,
    limit: usize,
) -> Result<Vec<String>> {
    let login = quote(&schema.model.login);
    let sql = format!(
        "SELECT {login} FROM {} WHERE {login} >= ?1 AND {login} < ?2 ORDER BY {login} LIMIT ?3",
        schema.table()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let end = format!("{prefix}{}", char::MAX);
    let rows = stmt.query_map(rusqlite::params![prefix, end, limit as i64], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreConfig;

    /// Both halves of every look-up read the index, whatever the key; without it, they would
    /// read every row.
    #[test]
    fn lookups_read_the_index() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::django_schema::SQLITE_AUTH_USER)
            .unwrap();
        let columns = crate::store::sqlite::columns(&conn, "auth_user").unwrap();
        let model =
            UserModel::from_columns(&StoreConfig::default(), "auth_user".into(), columns, "db")
                .unwrap();
        let schema = Schema::new(model, SiteTime::default());
        create_user_table_helpers(&conn, &schema).unwrap();
        assert!(user_table_helpers_present(&conn, &schema).unwrap());
        for what in [Match::Login, Match::ActiveEmail] {
            let sql = lookup_sql(&schema, what).unwrap();
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let plan: Vec<String> = stmt
                .query_map(["KEY"], |row| row.get::<_, String>(3))
                .unwrap()
                .map(Result::unwrap)
                .filter(|step| step.contains("auth_user"))
                .collect();
            assert!(!plan.is_empty(), "{sql}");
            for step in plan {
                assert!(step.contains("USING INDEX authctl_ci_"), "{what:?}: {step}");
            }
        }
    }
}
