//! Rows of `authctl_session` on PostgreSQL: only a hash of each session key is stored.

use super::table_exists;
use crate::error::Result;
use crate::store::{NewSession, SessionRow};
use chrono::{DateTime, Utc};
use postgres::Transaction;

pub fn insert(tx: &mut Transaction, s: &NewSession) -> Result<i64> {
    let row = tx.query_one(
        "INSERT INTO authctl_session (key_hash, user_id, created, expires, auth_hash) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        &[
            &s.key_hash,
            &s.user_id,
            &s.created,
            &s.expires,
            &s.auth_hash,
        ],
    )?;
    Ok(row.get(0))
}

pub fn by_key_hash(tx: &mut Transaction, key_hash: &str) -> Result<Option<SessionRow>> {
    if !table_exists(tx, "authctl_session")? {
        return Ok(None);
    }
    let row = tx.query_opt(
        "SELECT id, user_id, created, expires, auth_hash FROM authctl_session WHERE key_hash = $1",
        &[&key_hash],
    )?;
    Ok(row.map(|r| SessionRow {
        id: r.get(0),
        user_id: r.get(1),
        created: r.get(2),
        expires: r.get(3),
        auth_hash: r.get(4),
    }))
}

pub fn delete_by_key_hash(tx: &mut Transaction, key_hash: &str) -> Result<usize> {
    Ok(tx.execute(
        "DELETE FROM authctl_session WHERE key_hash = $1",
        &[&key_hash],
    )? as usize)
}

pub fn delete(tx: &mut Transaction, id: i64) -> Result<usize> {
    Ok(tx.execute("DELETE FROM authctl_session WHERE id = $1", &[&id])? as usize)
}

pub fn delete_for_user(tx: &mut Transaction, user_id: i64, keep: Option<i64>) -> Result<usize> {
    if !table_exists(tx, "authctl_session")? {
        return Ok(0);
    }
    Ok(tx.execute(
        "DELETE FROM authctl_session WHERE user_id = $1 AND id IS DISTINCT FROM $2",
        &[&user_id, &keep],
    )? as usize)
}

pub fn set_auth_hash(tx: &mut Transaction, id: i64, auth_hash: &str) -> Result<()> {
    tx.execute(
        "UPDATE authctl_session SET auth_hash = $1 WHERE id = $2",
        &[&auth_hash, &id],
    )?;
    Ok(())
}

pub fn delete_expired(tx: &mut Transaction, now: DateTime<Utc>) -> Result<usize> {
    Ok(tx.execute("DELETE FROM authctl_session WHERE expires <= $1", &[&now])? as usize)
}

/// A user's sessions that have not expired, oldest first.
pub fn of_user(tx: &mut Transaction, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
    if !table_exists(tx, "authctl_session")? {
        return Ok(Vec::new());
    }
    let rows = tx.query(
        "SELECT id, user_id, created, expires, auth_hash FROM authctl_session \
         WHERE user_id = $1 AND expires > $2 ORDER BY id",
        &[&user_id, &now],
    )?;
    Ok(rows
        .iter()
        .map(|r| SessionRow {
            id: r.get(0),
            user_id: r.get(1),
            created: r.get(2),
            expires: r.get(3),
            auth_hash: r.get(4),
        })
        .collect())
}
