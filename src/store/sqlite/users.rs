//! Rows of `auth_user`. Columns are always named (a Django database may order them differently),
//! booleans are written as 1/0 and datetimes in Django's text form.

use super::parse_datetime;
use crate::error::{Error, Result};
use crate::store::{NewUser, User, format_datetime};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, password, last_login, is_superuser, username, first_name, last_name, \
                       email, is_staff, is_active, date_joined";

fn from_row(row: &Row) -> rusqlite::Result<User> {
    let datetime = |idx: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        match row.get::<_, Option<String>>(idx)? {
            None => Ok(None),
            Some(text) => parse_datetime(&text).map(Some).ok_or_else(|| {
                let id: i64 = row.get(0).unwrap_or_default();
                let column = if idx == 2 {
                    "last_login"
                } else {
                    "date_joined"
                };
                rusqlite::Error::FromSqlConversionFailure(
                    idx,
                    rusqlite::types::Type::Text,
                    format!("user {id} has an unreadable datetime in {column}: {text:?}").into(),
                )
            }),
        }
    };
    Ok(User {
        id: row.get(0)?,
        password: row.get(1)?,
        last_login: datetime(2)?,
        is_superuser: row.get(3)?,
        username: row.get(4)?,
        first_name: row.get(5)?,
        last_name: row.get(6)?,
        email: row.get(7)?,
        is_staff: row.get(8)?,
        is_active: row.get(9)?,
        date_joined: datetime(10)?.unwrap_or_default(),
    })
}

/// The user with exactly this username (Django's `get_by_natural_key`).
pub fn by_username(conn: &Connection, username: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE username = ?1");
    Ok(conn.query_row(&sql, [username], from_row).optional()?)
}

/// The ids of users whose `column` satisfies `wanted`, reading only that column, so matching
/// by Unicode rules (which SQLite's ASCII-only `lower()` and `LIKE` cannot do) neither decodes
/// every row nor fails on another user's unreadable one.
pub fn ids_where(
    conn: &Connection,
    column: Column,
    mut wanted: impl FnMut(&str) -> bool,
) -> Result<Vec<i64>> {
    let sql = match column {
        Column::Username => "SELECT id, username FROM auth_user ORDER BY id",
        Column::ActiveEmail => {
            "SELECT id, email FROM auth_user WHERE is_active AND email != '' ORDER BY id"
        }
    };
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        // A value that is not text cannot match and must not stop the others.
        if row.get_ref(1)?.as_str().is_ok_and(&mut wanted) {
            ids.push(row.get(0)?);
        }
    }
    Ok(ids)
}

/// Every `(id, username)`, for callers that look many names up at once.
pub fn usernames(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare("SELECT id, username FROM auth_user ORDER BY id")?;
    let names = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// What [`ids_where`] can match on.
#[derive(Debug, Clone, Copy)]
pub enum Column {
    Username,
    /// The email of active users that have one.
    ActiveEmail,
}

/// Visits every user in id order until `f` returns `false`, without loading them all at once.
pub fn each(conn: &Connection, f: &mut dyn FnMut(&User) -> Result<bool>) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if !f(&from_row(row)?)? {
            break;
        }
    }
    Ok(())
}

/// Django's own tables whose rows go with their user (`on_delete=CASCADE` in Django).
const CASCADE: [&str; 3] = [
    "auth_user_groups",
    "auth_user_user_permissions",
    "django_admin_log",
];

/// Deletes a user and, as Django's cascade would, its rows in Django's own tables that point at
/// it. Rows of any other table that reference the user (another app's foreign key, whose
/// `on_delete` the schema does not tell) make it refuse, so nothing is left dangling.
pub fn delete_cascade(conn: &Connection, user: &User) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT m.name, f.\"from\", coalesce(f.\"to\", 'id') \
         FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f \
         WHERE m.type = 'table' AND lower(f.\"table\") = 'auth_user'",
    )?;
    let references: Vec<(String, String, String)> = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    for (table, column, to) in references {
        // The user's value of the column the key points at (its id, or another unique column
        // such as the username).
        let matching = format!(
            "{} = (SELECT {} FROM auth_user WHERE id = ?1)",
            quote(&column),
            quote(&to)
        );
        if CASCADE.contains(&table.as_str()) {
            conn.execute(
                &format!("DELETE FROM {} WHERE {matching}", quote(&table)),
                [user.id],
            )?;
            continue;
        }
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {} WHERE {matching}", quote(&table)),
            [user.id],
            |row| row.get(0),
        )?;
        if count > 0 {
            return Err(Error::Invalid(format!(
                "user {} is still referenced by {count} row(s) of {table}.{column}; \
                 remove those first (nothing was deleted)",
                user.username
            )));
        }
    }
    conn.execute("DELETE FROM auth_user WHERE id = ?1", [user.id])?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

pub fn insert(conn: &Connection, user: &NewUser) -> Result<i64> {
    conn.execute(
        "INSERT INTO auth_user (password, last_login, is_superuser, username, last_name, email, \
         is_staff, is_active, date_joined, first_name) \
         VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            user.password,
            user.is_superuser,
            user.username,
            user.last_name,
            user.email,
            user.is_staff,
            user.is_active,
            format_datetime(user.date_joined),
            user.first_name,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces the password hash only if it is still `expected`, so an upgrade never overwrites a
/// password another process changed in the meantime. Returns whether the row was updated.
pub fn replace_password(conn: &Connection, id: i64, expected: &str, new: &str) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE auth_user SET password = ?1 WHERE id = ?2 AND password = ?3",
        params![new, id, expected],
    )?;
    Ok(changed == 1)
}

pub fn set_password(conn: &Connection, id: i64, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE auth_user SET password = ?1 WHERE id = ?2",
        params![hash, id],
    )?;
    Ok(())
}

pub fn set_last_login(conn: &Connection, id: i64, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE auth_user SET last_login = ?1 WHERE id = ?2",
        params![format_datetime(at), id],
    )?;
    Ok(())
}

/// Updates the fields `createsuperuser --update` and the admin change: everything but the id,
/// the password, `last_login` and `date_joined`.
pub fn update_profile(conn: &Connection, user: &User) -> Result<()> {
    conn.execute(
        "UPDATE auth_user SET username = ?1, email = ?2, first_name = ?3, last_name = ?4, \
         is_staff = ?5, is_superuser = ?6, is_active = ?7 WHERE id = ?8",
        params![
            user.username,
            user.email,
            user.first_name,
            user.last_name,
            user.is_staff,
            user.is_superuser,
            user.is_active,
            user.id
        ],
    )?;
    Ok(())
}
