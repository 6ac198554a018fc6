//! The event log and the lockout: what happened to which account, by whom, recorded in the
//! same transaction as the change (so a change rolled back leaves no event), and failed logins
//! counted per username as typed, known or not, so a lock never tells whether an account
//! exists.

use super::Accounts;
use crate::error::Result;
use crate::store::Tx;
use crate::store::audit::{self, EventFilter, EventRow, Lock};
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use std::path::PathBuf;

/// Who runs the command, for the event log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    /// The OS user; `None` for the account this process runs as, looked up by its uid (not
    /// by variables anyone can set) only when an event is written.
    pub user: Option<String>,
    /// `SUDO_USER`, when the command runs under sudo.
    pub sudo_user: Option<String>,
    /// The command, as typed after `authctl` (`users set`, `verify`).
    pub command: String,
}

impl Actor {
    fn describe(&self) -> String {
        let user = self.user.clone().unwrap_or_else(os_user);
        match &self.sudo_user {
            Some(by) => format!("{user} (sudo by {by})"),
            None => user,
        }
    }
}

/// The name of the account this process runs as.
fn os_user() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .ok()
        .flatten()
        .map_or_else(|| format!("uid {uid}"), |user| user.name)
}

/// How long events are kept, and whether they also go to the system log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditConfig {
    pub retain_days: u64,
    /// The system log's socket (`/dev/log`), when events go there too.
    pub syslog: Option<PathBuf>,
    /// Whether every successful `verify` is an event, not only those that clear failures.
    pub verify_successes: bool,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            retain_days: 365,
            syslog: None,
            verify_successes: false,
        }
    }
}

/// When failed logins lock a username.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockoutConfig {
    pub enabled: bool,
    pub failure_limit: u32,
    /// Seconds in which the failures must fall.
    pub window: u64,
    /// Seconds the first lock lasts; each lock in a row doubles it, up to a day.
    pub cooloff: u64,
}

impl Default for LockoutConfig {
    fn default() -> Self {
        LockoutConfig {
            enabled: true,
            failure_limit: 5,
            window: 900,
            cooloff: 900,
        }
    }
}

/// The longest a lock lasts, however many came before it.
const LONGEST_LOCK: i64 = 86_400;

/// The events of one transaction, recorded with it.
#[derive(Debug)]
pub struct Events {
    at: DateTime<Utc>,
    actor: String,
    command: String,
    /// Added, not yet in the table.
    pending: Vec<EventRow>,
    /// Written, and kept for the system log after the commit (only when it is wanted).
    written: Vec<EventRow>,
    keep_written: bool,
    count: usize,
}

impl Events {
    /// Records `event` about `username` (as given) and the user's id, with non-secret detail.
    pub fn add(&mut self, event: &str, username: &str, user_id: Option<i64>, detail: Value) {
        self.pending.push(EventRow {
            id: 0,
            at: self.at,
            event: event.to_string(),
            username: username.to_string(),
            user_id,
            actor: self.actor.clone(),
            command: self.command.clone(),
            detail: match detail {
                Value::Null => "{}".to_string(),
                other => other.to_string(),
            },
        });
    }

    /// Writes the events added so far, so that a long transaction (an import) does not hold
    /// them all in memory.
    pub fn flush(&mut self, tx: &mut dyn Tx) -> Result<()> {
        audit::insert_events(tx.sql(), &self.pending)?;
        self.count += self.pending.len();
        match self.keep_written {
            true => self.written.append(&mut self.pending),
            false => self.pending.clear(),
        }
        Ok(())
    }
}

/// A username's failed logins and lock, read in the caller's transaction (the table is made
/// at the first failure).
pub(super) fn lock_in(tx: &mut dyn Tx, username: &str) -> Result<Option<Lock>> {
    match tx.has_table("authctl_lockout")? {
        true => audit::lock_of(tx.sql(), username),
        false => Ok(None),
    }
}

/// What a lock says at `now`: until when a username is locked, if it is.
pub fn locked_until(lock: &Lock, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    lock.locked_until.filter(|until| *until > now)
}

impl Accounts {
    /// The one way a change is written: `f` runs in one transaction and the events it adds are
    /// recorded in it, stamped with the time and who ran the command; old events are pruned;
    /// once committed, the events also go to the system log when asked.
    pub(super) fn write_with_events<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx, &mut Events) -> Result<T>,
    ) -> Result<T> {
        self.store.migrate(self.now)?;
        let now = self.now;
        let retain = Duration::days(self.audit.retain_days.min(100_000) as i64);
        let mut events = Events {
            at: now,
            actor: self.actor.describe(),
            command: self.actor.command.clone(),
            pending: Vec::new(),
            written: Vec::new(),
            keep_written: self.audit.syslog.is_some(),
            count: 0,
        };
        let value = self.store.write(|tx| {
            let value = f(tx, &mut events)?;
            events.flush(tx)?;
            if events.count > 0 {
                audit::prune_events(tx.sql(), now - retain)?;
            }
            Ok(value)
        })?;
        if let Some(socket) = &self.audit.syslog {
            for row in &events.written {
                send_syslog(socket, row);
            }
        }
        Ok(value)
    }

    /// The events that match, newest first.
    pub fn events(&mut self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        self.store.read(|tx| match tx.has_table("authctl_event")? {
            true => audit::events(tx.sql(), filter),
            false => Ok(Vec::new()),
        })
    }

    /// A username's failed logins and lock, if any.
    pub fn lock_state(&mut self, username: &str) -> Result<Option<Lock>> {
        self.store.read(|tx| lock_in(tx, username))
    }

    /// Every username with failed logins or a lock.
    pub fn lock_states(&mut self) -> Result<Vec<(String, Lock)>> {
        self.store
            .read(|tx| match tx.has_table("authctl_lockout")? {
                true => audit::all_locks(tx.sql()),
                false => Ok(Vec::new()),
            })
    }

    /// Forgets these usernames' failures and locks (any name: unknown ones are counted too);
    /// the names that had any.
    pub fn unlock(&mut self, usernames: &[String]) -> Result<Vec<String>> {
        self.write_with_events(|tx, events| {
            let mut cleared = Vec::new();
            for name in usernames {
                if audit::clear_lock(tx.sql(), name)? {
                    let id = tx.user_by_username(name)?.map(|u| u.id);
                    events.add("unlocked", name, id, Value::Null);
                    cleared.push(name.clone());
                }
            }
            Ok(cleared)
        })
    }

    /// Forgets every failure and lock; the names that had any.
    pub fn unlock_all(&mut self) -> Result<Vec<String>> {
        let names: Vec<String> = self.lock_states()?.into_iter().map(|(n, _)| n).collect();
        self.unlock(&names)
    }

    /// When a username is locked now, if it is (`None` with lockout off).
    pub(super) fn locked(&mut self, username: &str) -> Result<Option<DateTime<Utc>>> {
        if !self.lockout.enabled {
            return Ok(None);
        }
        let lock = self.lock_state(username)?;
        Ok(self.locked_by(lock.as_ref()))
    }

    /// Until when `lock` (already read) holds now (`None` with lockout off).
    pub(super) fn locked_by(&self, lock: Option<&Lock>) -> Option<DateTime<Utc>> {
        lock.filter(|_| self.lockout.enabled)
            .and_then(|lock| locked_until(lock, self.now))
    }

    /// Records a failed login of a username as typed (and the user's id when there is one),
    /// counting it toward a lock when lockout is on: at the limit within the window, the
    /// username is locked for the cool-off, doubled for each lock in a row. Best effort: on a
    /// database that cannot be written, the denial stands and the reason is returned.
    pub(super) fn record_failure(
        &mut self,
        username: &str,
        user_id: Option<i64>,
        why: &str,
        count: bool,
    ) -> Option<String> {
        let (now, settings) = (self.now, self.lockout.clone());
        let result = self.write_with_events(|tx, events| {
            events.add(
                "login_failed",
                username,
                user_id,
                serde_json::json!({"why": why}),
            );
            if !settings.enabled || !count {
                return Ok(());
            }
            let window = Duration::seconds(settings.window as i64);
            let mut lock = audit::lock_of(tx.sql(), username)?.unwrap_or(Lock {
                failures: 0,
                window_start: now,
                locked_until: None,
                lockouts: 0,
            });
            if lock.window_start + window < now {
                lock.failures = 0;
                lock.window_start = now;
            }
            lock.failures += 1;
            if lock.failures >= i64::from(settings.failure_limit) {
                let doubling = 1i64 << lock.lockouts.clamp(0, 20);
                let seconds = (settings.cooloff as i64)
                    .saturating_mul(doubling)
                    .min(LONGEST_LOCK.max(settings.cooloff as i64));
                let until = now + Duration::seconds(seconds);
                lock.locked_until = Some(until);
                lock.lockouts += 1;
                lock.failures = 0;
                lock.window_start = now;
                events.add(
                    "locked",
                    username,
                    user_id,
                    serde_json::json!({"until": until.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), "seconds": seconds}),
                );
            }
            audit::save_lock(tx.sql(), username, &lock)?;
            // Rows that no longer count, so guessing at many names does not grow the table.
            audit::prune_locks(tx.sql(), now - window - Duration::seconds(LONGEST_LOCK))?;
            Ok(())
        });
        result.err().map(|e| e.chain())
    }

    /// Records a successful login and forgets the username's failures and lock.
    pub(super) fn record_success(&mut self, username: &str, user_id: i64) -> Option<String> {
        let result = self.write_with_events(|tx, events| {
            events.add("login_succeeded", username, Some(user_id), Value::Null);
            audit::clear_lock(tx.sql(), username)?;
            Ok(())
        });
        result.err().map(|e| e.chain())
    }
}

/// The system log's priority for an event: facility `authpriv` (10), as sshd and sudo use;
/// failures and locks at `notice`, the rest at `info`.
fn priority(event: &str) -> u8 {
    let severity = match event {
        "login_failed" | "locked" => 5,
        _ => 6,
    };
    10 * 8 + severity
}

/// Sends one event to the system log (RFC 3164 over the Unix datagram socket). Best effort:
/// the database holds the event either way.
fn send_syslog(socket: &std::path::Path, row: &EventRow) {
    let message = format!(
        "<{}>{} authctl[{}]: event={} user={:?} user_id={} by={:?} command={:?} detail={}",
        priority(&row.event),
        row.at.format("%b %e %H:%M:%S"),
        std::process::id(),
        row.event,
        row.username,
        row.user_id.map_or("-".to_string(), |id| id.to_string()),
        row.actor,
        row.command,
        row.detail
    );
    if let Ok(sender) = std::os::unix::net::UnixDatagram::unbound() {
        let _ = sender.send_to(message.as_bytes(), socket);
    }
}
