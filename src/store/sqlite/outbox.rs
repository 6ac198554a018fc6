//! Rows of `authctl_outbox`: reset emails waiting to be sent. A row holds an address and, once
//! resolved, a user id — never a token or a message, which are made when the mail is sent.

use super::{parse_datetime, table_exists};
use crate::error::Result;
use crate::store::{MailRow, format_datetime};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};

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
    claimed_until: Option<DateTime<Utc>>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO authctl_outbox (email, user_id, created, next_attempt, claimed_until) \
         VALUES (?1, ?2, ?3, ?3, ?4)",
        params![
            email,
            user_id,
            format_datetime(now),
            claimed_until.map(format_datetime)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn claim(
    conn: &Connection,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    due_only: bool,
) -> Result<Vec<MailRow>> {
    if !table_exists(conn, "authctl_outbox")? {
        return Ok(Vec::new());
    }
    let now = format_datetime(now);
    let sql = format!(
        "SELECT {COLUMNS} FROM authctl_outbox \
         WHERE (claimed_until IS NULL OR claimed_until <= ?1) AND (?2 = 0 OR next_attempt <= ?1) \
         ORDER BY id"
    );
    let rows: Vec<MailRow> = conn
        .prepare(&sql)?
        .query_map(params![now, due_only], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let until = format_datetime(until);
    for row in &rows {
        conn.execute(
            "UPDATE authctl_outbox SET claimed_until = ?1 WHERE id = ?2",
            params![until, row.id],
        )?;
    }
    Ok(rows)
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
         claimed_until = NULL WHERE id = ?4",
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
