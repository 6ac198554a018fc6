//! authctl's own record of what happened to accounts (`authctl_event`) and of failed logins
//! (`authctl_lockout`), in SQL both databases run ([`Portable`]). Times are microseconds since
//! 1970 in UTC, so neither database's datetime type is involved.

use super::{Portable, SqlValue};
use crate::error::Result;
use chrono::{DateTime, Utc};

fn micros(t: DateTime<Utc>) -> SqlValue {
    SqlValue::Int(t.timestamp_micros())
}

fn time(value: &SqlValue) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(value.int()).unwrap_or_default()
}

fn text(s: &str) -> SqlValue {
    SqlValue::Text(s.to_string())
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub event: String,
    /// The username as given (typed, or the user's own).
    pub username: String,
    pub user_id: Option<i64>,
    /// Who ran the command: the OS user, and `sudo` by whom.
    pub actor: String,
    pub command: String,
    /// Non-secret detail, as JSON text.
    pub detail: String,
}

pub fn insert_event(sql: &mut dyn Portable, row: &EventRow) -> Result<()> {
    insert_events(sql, std::slice::from_ref(row))
}

/// Events in as few statements as the database's limit on parameters allows (an import
/// writes one per row).
pub fn insert_events(sql: &mut dyn Portable, rows: &[EventRow]) -> Result<()> {
    const PER_STATEMENT: usize = 512;
    for batch in rows.chunks(PER_STATEMENT) {
        let mut values = Vec::with_capacity(batch.len());
        let mut params = Vec::with_capacity(batch.len() * 7);
        for (i, row) in batch.iter().enumerate() {
            let n = i * 7;
            values.push(format!(
                "(CAST(?{} AS bigint), ?{}, ?{}, CAST(?{} AS bigint), ?{}, ?{}, ?{})",
                n + 1,
                n + 2,
                n + 3,
                n + 4,
                n + 5,
                n + 6,
                n + 7
            ));
            params.extend([
                micros(row.at),
                text(&row.event),
                text(&row.username),
                row.user_id.map_or(SqlValue::Null, SqlValue::Int),
                text(&row.actor),
                text(&row.command),
                text(&row.detail),
            ]);
        }
        sql.run(
            &format!(
                "INSERT INTO authctl_event (at, event, username, user_id, actor, command, detail) \
                 VALUES {}",
                values.join(", ")
            ),
            &params,
        )?;
    }
    Ok(())
}

/// Removes events older than `before`.
pub fn prune_events(sql: &mut dyn Portable, before: DateTime<Utc>) -> Result<usize> {
    sql.run(
        "DELETE FROM authctl_event WHERE at < CAST(?1 AS bigint)",
        &[micros(before)],
    )
}

/// Which events `authctl log` shows.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub username: Option<String>,
    pub event: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: Option<usize>,
}

/// The events that match, newest first.
pub fn events(sql: &mut dyn Portable, filter: &EventFilter) -> Result<Vec<EventRow>> {
    let mut clauses = Vec::new();
    let mut params = Vec::new();
    let mut add = |clause: &str, value: SqlValue| {
        params.push(value);
        clauses.push(clause.replace('#', &format!("?{}", params.len())));
    };
    if let Some(username) = &filter.username {
        add("username = #", text(username));
    }
    if let Some(event) = &filter.event {
        add("event = #", text(event));
    }
    if let Some(since) = filter.since {
        add("at >= CAST(# AS bigint)", micros(since));
    }
    if let Some(until) = filter.until {
        add("at <= CAST(# AS bigint)", micros(until));
    }
    let condition = match clauses.is_empty() {
        true => String::new(),
        false => format!("WHERE {}", clauses.join(" AND ")),
    };
    let limit = filter.limit.map_or(String::new(), |n| format!("LIMIT {n}"));
    let rows = sql.rows(
        &format!(
            "SELECT CAST(id AS bigint), CAST(at AS bigint), event, username, \
             CAST(user_id AS bigint), actor, command, detail \
             FROM authctl_event {condition} ORDER BY at DESC, id DESC {limit}"
        ),
        &params,
    )?;
    Ok(rows
        .iter()
        .map(|r| EventRow {
            id: r[0].int(),
            at: time(&r[1]),
            event: r[2].text(),
            username: r[3].text(),
            user_id: match r[4] {
                SqlValue::Null => None,
                ref v => Some(v.int()),
            },
            actor: r[5].text(),
            command: r[6].text(),
            detail: r[7].text(),
        })
        .collect())
}

/// The failed logins of one username (as typed), and its lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    /// Failures since `window_start`.
    pub failures: i64,
    pub window_start: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
    /// Lockouts in a row, without a successful login between them.
    pub lockouts: i64,
}

pub fn lock_of(sql: &mut dyn Portable, username: &str) -> Result<Option<Lock>> {
    let rows = sql.rows(
        "SELECT CAST(failures AS bigint), CAST(window_start AS bigint), \
         CAST(locked_until AS bigint), CAST(lockouts AS bigint) \
         FROM authctl_lockout WHERE username = ?1",
        &[text(username)],
    )?;
    Ok(rows.first().map(|r| Lock {
        failures: r[0].int(),
        window_start: time(&r[1]),
        locked_until: match r[2] {
            SqlValue::Null => None,
            ref v => Some(time(v)),
        },
        lockouts: r[3].int(),
    }))
}

pub fn save_lock(sql: &mut dyn Portable, username: &str, lock: &Lock) -> Result<()> {
    sql.run(
        "INSERT INTO authctl_lockout (username, failures, window_start, locked_until, lockouts) \
         VALUES (?1, CAST(?2 AS bigint), CAST(?3 AS bigint), CAST(?4 AS bigint), \
         CAST(?5 AS bigint)) \
         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, \
         window_start = excluded.window_start, locked_until = excluded.locked_until, \
         lockouts = excluded.lockouts",
        &[
            text(username),
            SqlValue::Int(lock.failures),
            micros(lock.window_start),
            lock.locked_until.map_or(SqlValue::Null, micros),
            SqlValue::Int(lock.lockouts),
        ],
    )?;
    Ok(())
}

/// Forgets a username's failures and lock; whether there were any.
pub fn clear_lock(sql: &mut dyn Portable, username: &str) -> Result<bool> {
    Ok(sql.run(
        "DELETE FROM authctl_lockout WHERE username = ?1",
        &[text(username)],
    )? > 0)
}

/// Every username with failures or a lock, and its state.
pub fn all_locks(sql: &mut dyn Portable) -> Result<Vec<(String, Lock)>> {
    let rows = sql.rows(
        "SELECT username FROM authctl_lockout ORDER BY username",
        &[],
    )?;
    let mut out = Vec::new();
    for name in rows.iter().map(|r| r[0].text()) {
        if let Some(lock) = lock_of(sql, &name)? {
            out.push((name, lock));
        }
    }
    Ok(out)
}

/// Forgets the rows that no longer count: failures outside the window, locks that ended and
/// are older than `stale` (so a doubling still sees the lock before it).
pub fn prune_locks(sql: &mut dyn Portable, stale: DateTime<Utc>) -> Result<usize> {
    sql.run(
        "DELETE FROM authctl_lockout WHERE window_start < CAST(?1 AS bigint) \
         AND (locked_until IS NULL OR locked_until < CAST(?1 AS bigint))",
        &[micros(stale)],
    )
}
