//! Rows of `authctl_outbox`: reset emails waiting to be sent. A row holds an address and, once
//! resolved, a user id — never a token or a message, which are made when the mail is sent.

use super::{parse_datetime, table_exists};
use crate::error::Result;
use crate::store::{Claim, MailRow, format_datetime};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, email, user_id, created, attempts, next_attempt, last_error";

fn from_row(row: &Row) -> rusqlite::Result<MailRow> {
    let time = |i: usize| -> rusqlite::Result<DateTime<Utc>> {
        Ok(parse_datetime(&row.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(MailRow {
        id: row.get(0)?,
        email: row.get(1)?,
        user_id: row.get(2)?,
        created: time(3)?,
        attempts: row.get(4)?,
        next_attempt: time(5)?,
        last_error: row.get(6)?,
    })
}

pub fn queue(
    conn: &Connection,
    email: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
    claim: Option<&Claim>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO authctl_outbox (email, user_id, created, next_attempt, claimed_by, \
         claimed_until) VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
        params![
            email,
            user_id,
            format_datetime(now),
            claim.map(|c| c.owner.as_str()),
            claim.map(|c| format_datetime(c.until))
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn claim_next(
    conn: &Connection,
    now: DateTime<Utc>,
    (after, upto): (i64, i64),
    due_only: bool,
    claim: &Claim,
) -> Result<Option<MailRow>> {
    if !table_exists(conn, "authctl_outbox")? {
        return Ok(None);
    }
    let now = format_datetime(now);
    let sql = format!(
        "SELECT {COLUMNS} FROM authctl_outbox \
         WHERE id > ?1 AND id <= ?4 AND (claimed_until IS NULL OR claimed_until <= ?2) \
         AND (?3 = 0 OR next_attempt <= ?2) ORDER BY id LIMIT 1"
    );
    let row = conn
        .query_row(&sql, params![after, now, due_only, upto], from_row)
        .optional()?;
    if let Some(row) = &row {
        conn.execute(
            "UPDATE authctl_outbox SET claimed_by = ?1, claimed_until = ?2 WHERE id = ?3",
            params![claim.owner, format_datetime(claim.until), row.id],
        )?;
    }
    Ok(row)
}

pub fn renew(conn: &Connection, id: i64, claim: &Claim) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE authctl_outbox SET claimed_until = ?1 WHERE id = ?2 AND claimed_by = ?3",
        params![format_datetime(claim.until), id, claim.owner],
    )?;
    Ok(changed == 1)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM authctl_outbox WHERE id = ?1", [id])?;
    Ok(())
}

pub fn defer(
    conn: &Connection,
    id: i64,
    attempts: u32,
    next_attempt: DateTime<Utc>,
    error: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE authctl_outbox SET attempts = ?1, next_attempt = ?2, last_error = ?3, \
         claimed_by = NULL, claimed_until = NULL WHERE id = ?4",
        params![attempts, format_datetime(next_attempt), error, id],
    )?;
    Ok(())
}

pub fn all(conn: &Connection) -> Result<Vec<MailRow>> {
    if !table_exists(conn, "authctl_outbox")? {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM authctl_outbox ORDER BY id");
    let rows = conn
        .prepare(&sql)?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn take_retry_lease(conn: &Connection, claim: &Claim, now: DateTime<Utc>) -> Result<bool> {
    let changed = conn.execute(
        "INSERT INTO authctl_mail_retrier (id, owner, until) VALUES (1, ?1, ?2) \
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, until = excluded.until \
         WHERE authctl_mail_retrier.owner = excluded.owner OR authctl_mail_retrier.until <= ?3",
        params![
            claim.owner,
            format_datetime(claim.until),
            format_datetime(now)
        ],
    )?;
    Ok(changed == 1)
}

pub fn release_retry_lease(conn: &Connection, owner: &str) -> Result<()> {
    conn.execute("DELETE FROM authctl_mail_retrier WHERE owner = ?1", [owner])?;
    Ok(())
}
