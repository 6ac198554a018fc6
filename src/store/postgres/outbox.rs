//! Rows of `authctl_outbox` on PostgreSQL: reset emails waiting to be sent (addresses and user
//! ids, never a token or a message).

use super::table_exists;
use crate::error::Result;
use crate::store::MailRow;
use chrono::{DateTime, Utc};
use postgres::Transaction;

const COLUMNS: &str = "id, email, user_id, created, attempts, next_attempt, last_error";

fn from_row(row: &postgres::Row) -> MailRow {
    MailRow {
        id: row.get(0),
        email: row.get(1),
        user_id: row.get(2),
        created: row.get(3),
        attempts: row.get::<_, i32>(4).try_into().unwrap_or(0),
        next_attempt: row.get(5),
        last_error: row.get(6),
    }
}

pub fn queue(
    tx: &mut Transaction,
    email: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
    claimed_until: Option<DateTime<Utc>>,
) -> Result<i64> {
    let row = tx.query_one(
        "INSERT INTO authctl_outbox (email, user_id, created, next_attempt, claimed_until) \
         VALUES ($1, $2, $3, $3, $4) RETURNING id",
        &[&email, &user_id, &now, &claimed_until],
    )?;
    Ok(row.get(0))
}

pub fn claim(
    tx: &mut Transaction,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    due_only: bool,
) -> Result<Vec<MailRow>> {
    if !table_exists(tx, "authctl_outbox")? {
        return Ok(Vec::new());
    }
    let sql = format!(
        "UPDATE authctl_outbox SET claimed_until = $2 \
         WHERE (claimed_until IS NULL OR claimed_until <= $1) AND (NOT $3 OR next_attempt <= $1) \
         RETURNING {COLUMNS}"
    );
    let mut rows: Vec<MailRow> = tx
        .query(&sql, &[&now, &until, &due_only])?
        .iter()
        .map(from_row)
        .collect();
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

pub fn delete(tx: &mut Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM authctl_outbox WHERE id = $1", &[&id])?;
    Ok(())
}

pub fn defer(
    tx: &mut Transaction,
    id: i64,
    attempts: u32,
    next_attempt: DateTime<Utc>,
    error: &str,
) -> Result<()> {
    let attempts = i32::try_from(attempts).unwrap_or(i32::MAX);
    tx.execute(
        "UPDATE authctl_outbox SET attempts = $1, next_attempt = $2, last_error = $3, \
         claimed_until = NULL WHERE id = $4",
        &[&attempts, &next_attempt, &error, &id],
    )?;
    Ok(())
}

pub fn all(tx: &mut Transaction) -> Result<Vec<MailRow>> {
    if !table_exists(tx, "authctl_outbox")? {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM authctl_outbox ORDER BY id");
    Ok(tx.query(&sql, &[])?.iter().map(from_row).collect())
}
