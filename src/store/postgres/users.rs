//! Rows of `auth_user` on PostgreSQL. Ids are read and bound as 64-bit (`::int8`), whatever the
//! column's own integer type, and ignoring case is Django's `iexact`: `UPPER(a) = UPPER(b)`.

use crate::error::{Error, Result};
use crate::store::{NewUser, User};
use chrono::{DateTime, Utc};
use postgres::Transaction;
use postgres::fallible_iterator::FallibleIterator;

const COLUMNS: &str = "id::int8, password, last_login, is_superuser, username, first_name, \
                       last_name, email, is_staff, is_active, date_joined";

fn from_row(row: &postgres::Row) -> User {
    User {
        id: row.get(0),
        password: row.get(1),
        last_login: row.get(2),
        is_superuser: row.get(3),
        username: row.get(4),
        first_name: row.get(5),
        last_name: row.get(6),
        email: row.get(7),
        is_staff: row.get(8),
        is_active: row.get(9),
        date_joined: row.get(10),
    }
}

pub fn by_username(tx: &mut Transaction, username: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE username = $1");
    Ok(tx.query_opt(&sql, &[&username])?.as_ref().map(from_row))
}

pub fn by_id(tx: &mut Transaction, id: i64) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user WHERE id = $1::int8");
    Ok(tx.query_opt(&sql, &[&id])?.as_ref().map(from_row))
}

fn ids(rows: Vec<postgres::Row>) -> Vec<i64> {
    rows.iter().map(|r| r.get(0)).collect()
}

pub fn ids_by_username_ignoring_case(tx: &mut Transaction, username: &str) -> Result<Vec<i64>> {
    let rows = tx.query(
        "SELECT id::int8 FROM auth_user WHERE UPPER(username::text) = UPPER($1) ORDER BY id",
        &[&username],
    )?;
    Ok(ids(rows))
}

pub fn active_ids_by_email(tx: &mut Transaction, email: &str) -> Result<Vec<i64>> {
    let rows = tx.query(
        "SELECT id::int8 FROM auth_user \
         WHERE is_active AND email <> '' AND UPPER(email::text) = UPPER($1) ORDER BY id",
        &[&email],
    )?;
    Ok(ids(rows))
}

pub fn usernames(tx: &mut Transaction) -> Result<Vec<(i64, String)>> {
    let rows = tx.query("SELECT id::int8, username FROM auth_user ORDER BY id", &[])?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Visits every user in id order, streaming, until `f` returns `false`.
pub fn each(tx: &mut Transaction, f: &mut dyn FnMut(&User) -> Result<bool>) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM auth_user ORDER BY id");
    let none: [&str; 0] = [];
    let mut rows = tx.query_raw(&sql, none)?;
    while let Some(row) = rows.next()? {
        if !f(&from_row(&row))? {
            break;
        }
    }
    Ok(())
}

pub fn insert(tx: &mut Transaction, user: &NewUser) -> Result<i64> {
    let row = tx.query_one(
        "INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, \
         last_name, email, is_staff, is_active, date_joined) \
         VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int8",
        &[
            &user.password,
            &user.is_superuser,
            &user.username,
            &user.first_name,
            &user.last_name,
            &user.email,
            &user.is_staff,
            &user.is_active,
            &user.date_joined,
        ],
    )?;
    Ok(row.get(0))
}

pub fn replace_password(tx: &mut Transaction, id: i64, expected: &str, new: &str) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE auth_user SET password = $1 WHERE id = $2::int8 AND password = $3",
        &[&new, &id, &expected],
    )?;
    Ok(changed == 1)
}

pub fn set_password(tx: &mut Transaction, id: i64, hash: &str) -> Result<()> {
    tx.execute(
        "UPDATE auth_user SET password = $1 WHERE id = $2::int8",
        &[&hash, &id],
    )?;
    Ok(())
}

pub fn set_last_login(tx: &mut Transaction, id: i64, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE auth_user SET last_login = $1 WHERE id = $2::int8",
        &[&at, &id],
    )?;
    Ok(())
}

pub fn update_profile(tx: &mut Transaction, user: &User) -> Result<()> {
    tx.execute(
        "UPDATE auth_user SET username = $1, email = $2, first_name = $3, last_name = $4, \
         is_staff = $5, is_superuser = $6, is_active = $7 WHERE id = $8::int8",
        &[
            &user.username,
            &user.email,
            &user.first_name,
            &user.last_name,
            &user.is_staff,
            &user.is_superuser,
            &user.is_active,
            &user.id,
        ],
    )?;
    Ok(())
}

/// Django's own tables whose rows go with their user (`on_delete=CASCADE` in Django).
const CASCADE: [&str; 3] = [
    "auth_user_groups",
    "auth_user_user_permissions",
    "django_admin_log",
];

/// Deletes a user and, as Django's cascade would, its rows in Django's own tables; rows of any
/// other table that reference the user make it refuse, so nothing is left dangling.
pub fn delete_cascade(tx: &mut Transaction, user: &User) -> Result<()> {
    let references = tx.query(
        "SELECT c.conrelid::regclass::text, a.attname::text, r.attname::text \
         FROM pg_constraint c \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
         JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1] \
         WHERE c.contype = 'f' AND c.confrelid = 'auth_user'::regclass",
        &[],
    )?;
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    for row in references {
        let (table, column, to): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        // The user's value of the column the key points at (its id, or another unique column
        // such as the username).
        let matching = format!(
            "{} = (SELECT {} FROM auth_user WHERE id = $1::int8)",
            quote(&column),
            quote(&to)
        );
        if CASCADE.contains(&table.as_str()) {
            tx.execute(
                &format!("DELETE FROM {table} WHERE {matching}"),
                &[&user.id],
            )?;
            continue;
        }
        let count: i64 = tx
            .query_one(
                &format!("SELECT count(*) FROM {table} WHERE {matching}"),
                &[&user.id],
            )?
            .get(0);
        if count > 0 {
            return Err(Error::Invalid(format!(
                "user {} is still referenced by {count} row(s) of {table}.{column}; \
                 remove those first (nothing was deleted)",
                user.username
            )));
        }
    }
    tx.execute("DELETE FROM auth_user WHERE id = $1::int8", &[&user.id])?;
    Ok(())
}
