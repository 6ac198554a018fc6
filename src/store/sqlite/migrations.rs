//! Versioned schema changes for authctl's own tables. Each runs once, inside the caller's
//! transaction, and is recorded in `authctl_migrations`; Django's tables are never touched.

use crate::error::Result;
use rusqlite::Transaction;

/// Append only: a released migration is never edited, a change is a new entry.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "sessions",
        "CREATE TABLE authctl_session (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key_hash TEXT NOT NULL UNIQUE,
            user_id INTEGER NOT NULL,
            created TEXT NOT NULL,
            expires TEXT NOT NULL,
            auth_hash TEXT NOT NULL
        );
        CREATE INDEX authctl_session_user ON authctl_session (user_id);",
    ),
    (
        2,
        "outbox",
        "CREATE TABLE authctl_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            email TEXT NOT NULL,
            user_id INTEGER NULL,
            created TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt TEXT NOT NULL,
            last_error TEXT NULL,
            claimed_by TEXT NULL,
            claimed_until TEXT NULL
        );
        CREATE INDEX authctl_outbox_due ON authctl_outbox (next_attempt);
        CREATE TABLE authctl_mail_retrier (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            owner TEXT NOT NULL,
            until TEXT NOT NULL
        );",
    ),
    (
        3,
        "lockout and events",
        // Times in microseconds since 1970 (UTC), so the same SQL reads them on both databases.
        "CREATE TABLE authctl_lockout (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            window_start INTEGER NOT NULL,
            locked_until INTEGER NULL,
            lockouts INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE authctl_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            event TEXT NOT NULL,
            username TEXT NOT NULL,
            user_id INTEGER NULL,
            actor TEXT NOT NULL,
            command TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX authctl_event_at ON authctl_event (at);
        CREATE INDEX authctl_event_username ON authctl_event (username);",
    ),
];

#[cfg(test)]
pub fn count() -> usize {
    MIGRATIONS.len()
}

/// The record of applied versions (version 0 marks a database whose Django tables authctl
/// created).
pub const TABLE: &str = "CREATE TABLE IF NOT EXISTS authctl_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied TEXT NOT NULL
)";

/// Whether every migration is applied already, read without taking the write lock.
pub fn up_to_date(conn: &rusqlite::Connection) -> Result<bool> {
    if !super::table_exists(conn, "authctl_migrations")? {
        return Ok(false);
    }
    let current: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM authctl_migrations",
        [],
        |row| row.get(0),
    )?;
    Ok(MIGRATIONS.iter().all(|m| m.0 <= current))
}

pub fn apply(tx: &Transaction, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    tx.execute_batch(TABLE)?;
    let current: i64 = tx.query_row(
        "SELECT coalesce(max(version), 0) FROM authctl_migrations",
        [],
        |row| row.get(0),
    )?;
    for &(version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO authctl_migrations (version, name, applied) VALUES (?1, ?2, ?3)",
            rusqlite::params![version, name, crate::store::format_datetime(now)],
        )?;
    }
    Ok(())
}
