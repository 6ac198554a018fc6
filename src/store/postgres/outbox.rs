//! Rows of `authctl_outbox` on PostgreSQL: reset emails waiting to be sent (addresses and user
//! ids, never a token or a message).

use super::table_exists;
use crate::error::Result;
use crate::store::{Claim, MailRow};
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
    claim: Option<&Claim>,
) -> Result<i64> {
    let row = tx.query_one(
        "INSERT INTO authctl_outbox (email, user_id, created, next_attempt, claimed_by, \
         claimed_until) VALUES ($1, $2, $3, $3, $4, $5) RETURNING id",
        &[
            &email,
            &user_id,
            &now,
            &claim.map(|c| c.owner.as_str()),
            &claim.map(|c| c.until),
        ],
    )?;
    Ok(row.get(0))
}

pub fn claim_next(
    tx: &mut Transaction,
    now: DateTime<Utc>,
    (after, upto): (i64, i64),
    due_only: bool,
    claim: &Claim,
) -> Result<Option<MailRow>> {
    if !table_exists(tx, "authctl_outbox")? {
        return Ok(None);
    }
    let sql = format!(
        "UPDATE authctl_outbox SET claimed_by = $4, claimed_until = $5 WHERE id = (\
         SELECT id FROM authctl_outbox \
         WHERE id > $1 AND id <= $6 AND (claimed_until IS NULL OR claimed_until <= $2) \
         AND (NOT $3 OR next_attempt <= $2) ORDER BY id LIMIT 1) RETURNING {COLUMNS}"
    );
    let row = tx.query_opt(
        &sql,
        &[&after, &now, &due_only, &claim.owner, &claim.until, &upto],
    )?;
    Ok(row.as_ref().map(from_row))
}

pub fn renew(tx: &mut Transaction, id: i64, claim: &Claim) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE authctl_outbox SET claimed_until = $1 WHERE id = $2 AND claimed_by = $3",
        &[&claim.until, &id, &claim.owner],
    )?;
    Ok(changed == 1)
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
         claimed_by = NULL, claimed_until = NULL WHERE id = $4",
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

pub fn take_retry_lease(tx: &mut Transaction, claim: &Claim, now: DateTime<Utc>) -> Result<bool> {
    let changed = tx.execute(
        "INSERT INTO authctl_mail_retrier (id, owner, until) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, until = excluded.until \
         WHERE authctl_mail_retrier.owner = excluded.owner OR authctl_mail_retrier.until <= $3",
        &[&claim.owner, &claim.until, &now],
    )?;
    Ok(changed == 1)
}

pub fn release_retry_lease(tx: &mut Transaction, owner: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM authctl_mail_retrier WHERE owner = $1",
        &[&owner],
    )?;
    Ok(())
}
