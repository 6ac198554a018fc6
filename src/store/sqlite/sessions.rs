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

/// The columns [`session_of`] reads, in its order.
const COLUMNS: &str = "id, user_id, created, expires, auth_hash";

/// A session row as stored; `None` when a time in it cannot be read (a damaged row is no
/// session).
fn session_of(row: &rusqlite::Row) -> rusqlite::Result<Option<SessionRow>> {
    let (created, expires): (String, String) = (row.get(2)?, row.get(3)?);
    let (Some(created), Some(expires)) = (parse_datetime(&created), parse_datetime(&expires))
    else {
        return Ok(None);
    };
    Ok(Some(SessionRow {
        id: row.get(0)?,
        user_id: row.get(1)?,
        created,
        expires,
        auth_hash: row.get(4)?,
    }))
}

pub fn by_key_hash(conn: &Connection, key_hash: &str) -> Result<Option<SessionRow>> {
    if !table_exists(conn)? {
        return Ok(None);
    }
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM authctl_session WHERE key_hash = ?1"),
            [key_hash],
            session_of,
        )
        .optional()?;
    Ok(row.flatten())
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

/// A user's sessions that have not expired, oldest first.
pub fn of_user(conn: &Connection, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
    if !table_exists(conn)? {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM authctl_session WHERE user_id = ?1 AND expires > ?2 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(params![user_id, format_datetime(now)], session_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().flatten().collect())
}
