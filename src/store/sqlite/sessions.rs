//! Rows of `authctl_session`: only a hash of each session key is stored, never the key.

use super::parse_datetime;
use crate::error::Result;
use crate::store::{NewSession, SessionRow, format_datetime};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// Whether the sessions table exists yet (it is created on first login).
fn table_exists(conn: &Connection) -> Result<bool> {
    super::table_exists(conn, "authctl_session")
}

pub fn insert(conn: &Connection, session: &NewSession) -> Result<i64> {
    conn.execute(
        "INSERT INTO authctl_session (key_hash, user_id, created, expires, auth_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session.key_hash,
            session.user_id,
            format_datetime(session.created),
            format_datetime(session.expires),
            session.auth_hash
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn by_key_hash(conn: &Connection, key_hash: &str) -> Result<Option<SessionRow>> {
    if !table_exists(conn)? {
        return Ok(None);
    }
    let row = conn
        .query_row(
            "SELECT id, user_id, created, expires, auth_hash FROM authctl_session WHERE key_hash = ?1",
            [key_hash],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            },
        )
        .optional()?;
    Ok(row.and_then(|(id, user_id, created, expires, auth_hash)| {
        Some(SessionRow {
            id,
            user_id,
            created: parse_datetime(&created)?,
            expires: parse_datetime(&expires)?,
            auth_hash,
        })
    }))
}

pub fn delete_by_key_hash(conn: &Connection, key_hash: &str) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM authctl_session WHERE key_hash = ?1",
        [key_hash],
    )?)
}

pub fn delete(conn: &Connection, id: i64) -> Result<usize> {
    Ok(conn.execute("DELETE FROM authctl_session WHERE id = ?1", [id])?)
}

/// Ends every session of a user except `keep` (a password change keeps the session it came from).
pub fn delete_for_user(conn: &Connection, user_id: i64, keep: Option<i64>) -> Result<usize> {
    if !table_exists(conn)? {
        return Ok(0);
    }
    Ok(conn.execute(
        "DELETE FROM authctl_session WHERE user_id = ?1 AND id IS NOT ?2",
        params![user_id, keep],
    )?)
}

pub fn set_auth_hash(conn: &Connection, id: i64, auth_hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE authctl_session SET auth_hash = ?1 WHERE id = ?2",
        params![auth_hash, id],
    )?;
    Ok(())
}

/// Removes expired rows; done opportunistically at login so the table does not grow forever.
pub fn delete_expired(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM authctl_session WHERE expires <= ?1",
        [format_datetime(now)],
    )?)
}

pub fn count_for_user(conn: &Connection, user_id: i64, now: DateTime<Utc>) -> Result<i64> {
    if !table_exists(conn)? {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT count(*) FROM authctl_session WHERE user_id = ?1 AND expires > ?2",
        params![user_id, format_datetime(now)],
        |row| row.get(0),
    )?)
}

/// A user's sessions that have not expired, oldest first.
pub fn of_user(conn: &Connection, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
    if !table_exists(conn)? {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT id, user_id, created, expires, auth_hash FROM authctl_session \
         WHERE user_id = ?1 AND expires > ?2 ORDER BY id",
    )?;
    let rows: Vec<(i64, i64, String, String, String)> = stmt
        .query_map(params![user_id, format_datetime(now)], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, user_id, created, expires, auth_hash)| {
            Some(SessionRow {
                id,
                user_id,
                created: parse_datetime(&created)?,
                expires: parse_datetime(&expires)?,
                auth_hash,
            })
        })
        .collect())
}
