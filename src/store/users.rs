//! Rows of `auth_user`. Columns are always named (a Django database may order them differently),
//! booleans are written as 1/0 and datetimes in Django's text form.

use super::{format_datetime, parse_datetime};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub password: String,
    pub last_login: Option<DateTime<Utc>>,
    pub is_superuser: bool,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub is_staff: bool,
    pub is_active: bool,
    pub date_joined: DateTime<Utc>,
}

/// Everything needed to insert a user; the id comes from the database.
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
}

const COLUMNS: &str = "id, password, last_login, is_superuser, username, first_name, last_name, \
                       email, is_staff, is_active, date_joined";

fn from_row(row: &Row) -> rusqlite::Result<User> {
    let datetime = |idx: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        match row.get::<_, Option<String>>(idx)? {
            None => Ok(None),
            Some(text) => parse_datetime(&text).map(Some).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    idx,
                    rusqlite::types::Type::Text,
                    format!("unreadable datetime {text:?}").into(),
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

/// Active users with an email address. Matching is left to the caller: Django compares
/// addresses with Unicode case folding, which SQLite's ASCII-only `LIKE` cannot do.
pub fn active_with_email(conn: &Connection) -> Result<Vec<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE is_active AND email != ''");
    let mut stmt = conn.prepare(&sql)?;
    let users = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(users)
}

/// Visits every user in id order until `f` returns `false`, without loading them all at once.
pub fn each(conn: &Connection, mut f: impl FnMut(&User) -> Result<bool>) -> Result<()> {
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

/// Deletes a user and, as Django's `on_delete=CASCADE` would, the rows of Django's tables that
/// point at it (when those tables exist).
pub fn delete_cascade(conn: &Connection, id: i64) -> Result<()> {
    for table in [
        "auth_user_groups",
        "auth_user_user_permissions",
        "django_admin_log",
    ] {
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get(0),
        )?;
        if exists {
            conn.execute(&format!("DELETE FROM \"{table}\" WHERE user_id = ?1"), [id])?;
        }
    }
    conn.execute("DELETE FROM auth_user WHERE id = ?1", [id])?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// Whether another user's name equals this one ignoring case (`UserCreationForm`'s rule).
///
/// SQLite's own `lower()` and `LIKE` fold ASCII only, so names are compared in Rust with full
/// Unicode lower-casing; `except_id` lets a rename keep its own name in another case.
pub fn username_taken_ignoring_case(
    conn: &Connection,
    username: &str,
    except_id: Option<i64>,
) -> Result<bool> {
    let wanted = username.to_lowercase();
    let mut stmt = conn.prepare("SELECT id, username FROM auth_user")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let name: String = row.get(1)?;
        if Some(id) != except_id && name.to_lowercase() == wanted {
            return Ok(true);
        }
    }
    Ok(false)
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
