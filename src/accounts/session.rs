//! Django's `LoginView` and `LogoutView` for a terminal, and the rule that decides whether a
//! session file still means "logged in": the row exists, has not expired, the user is active and
//! the password hash is the one the session was made with.

use super::auth::Purpose;
use super::perms::Requirements;
use super::{Accounts, Upgrade};
use crate::crypto::constant_time_eq;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::session::{self, FileState, SessionFile};
use crate::store::{NewSession, SessionRow, User, format_datetime};
use std::path::Path;

#[derive(Debug)]
pub struct LoggedIn {
    pub user: User,
    pub session: SessionRow,
    pub upgrade: Upgrade,
}

/// A valid session and its user.
#[derive(Debug)]
pub struct Current {
    pub user: User,
    pub session: SessionRow,
}

fn not_logged_in(reason: impl Into<String>) -> Error {
    Error::NotLoggedIn(reason.into())
}

impl Accounts {
    /// Authenticate, set `last_login`, start a session and write the session file — all or
    /// nothing. A previous session from the same file is ended.
    pub fn login(
        &mut self,
        username: &str,
        password: &Secret,
        requirements: &Requirements,
        path: &Path,
    ) -> Result<LoggedIn> {
        let auth = self.authenticate_with(username, password, requirements, Purpose::Login)?;
        let keys = self.keys()?;
        self.store.migrate(self.now)?;
        let identity = self.store.identity();
        let previous = match session::read(path) {
            FileState::Present(file) if file.database == identity => {
                Some(session::key_hash(&file.key))
            }
            FileState::Foreign(reason) => {
                return Err(Error::Environment(format!(
                    "will not replace {}: {reason}; remove it or choose another --session-file",
                    path.display()
                )));
            }
            _ => None,
        };
        let file = SessionFile {
            key: session::new_key(),
            database: identity,
            username: auth.user.username.clone(),
        };
        let now = self.now;
        // session_age is capped at a century when the settings are read, so this cannot overflow.
        let expires = now + chrono::Duration::seconds(self.session_age as i64);
        let auth_hash = session::auth_hash(&auth.user.password, keys.current.expose());
        let user_id = auth.user.id;
        let key_hash = session::key_hash(&file.key);
        let result = self.store.write(|tx| {
            if let Some(previous) = &previous {
                tx.delete_session_by_key_hash(previous)?;
            }
            tx.delete_expired_sessions(now)?;
            tx.set_last_login(user_id, now)?;
            let id = tx.insert_session(&NewSession {
                key_hash: &key_hash,
                user_id,
                created: now,
                expires,
                auth_hash: &auth_hash,
            })?;
            // Written inside the transaction: if the file cannot be written, nothing commits.
            session::write(path, &file)?;
            let user = tx
                .user_by_id(user_id)?
                .ok_or_else(|| not_logged_in("the user was deleted"))?;
            Ok((id, user))
        });
        if result.is_err() {
            // The commit itself may have failed after the file was written.
            if matches!(session::read(path), FileState::Present(w) if w.key == file.key) {
                session::remove(path).ok();
            }
        }
        let (session_id, user) = result?;
        Ok(LoggedIn {
            user,
            session: SessionRow {
                id: session_id,
                user_id,
                created: now,
                expires,
                auth_hash,
            },
            upgrade: auth.upgrade,
        })
    }

    /// The logged-in user, if the session file names a valid session of this database.
    pub fn current(&mut self, path: &Path) -> Result<Current> {
        let file = match session::read(path) {
            FileState::Missing => {
                return Err(not_logged_in(format!(
                    "no session file at {} (run authctl login)",
                    path.display()
                )));
            }
            FileState::Empty => {
                return Err(not_logged_in(format!(
                    "the session file {} is empty (run authctl login)",
                    path.display()
                )));
            }
            FileState::Foreign(reason) => return Err(not_logged_in(reason)),
            FileState::Present(file) => file,
        };
        let identity = self.store.identity();
        if file.database != identity {
            return Err(not_logged_in(format!(
                "the session file is for database {}, not {identity}",
                file.database
            )));
        }
        let key_hash = session::key_hash(&file.key);
        let Some(row) = self.store.read(|tx| tx.session_by_key_hash(&key_hash))? else {
            // Deactivating or deleting a user ends their sessions: say that, not a guess.
            let user = self.store.read(|tx| tx.user_by_username(&file.username))?;
            return Err(not_logged_in(match user {
                None => "the user no longer exists",
                Some(user) if !user.is_active => "the user is inactive",
                Some(_) => "the session has ended (logged out, replaced, or the password changed)",
            }));
        };
        if row.expires <= self.now {
            // Best effort: a read-only database still gets the right answer.
            self.store.write(|tx| tx.delete_session(row.id)).ok();
            return Err(not_logged_in(format!(
                "the session expired at {} UTC",
                format_datetime(row.expires)
            )));
        }
        let Some(user) = self.store.read(|tx| tx.user_by_id(row.user_id))? else {
            return Err(not_logged_in("the user no longer exists"));
        };
        if !user.is_active {
            return Err(not_logged_in("the user is inactive"));
        }
        let keys = self.keys()?;
        let matches = keys
            .all()
            .any(|key| constant_time_eq(session::auth_hash(&user.password, key), &row.auth_hash));
        if !matches {
            return Err(not_logged_in(
                "the password (or the secret key) changed since this login",
            ));
        }
        Ok(Current { user, session: row })
    }

    /// Not being logged in is not an error. Returns how many sessions ended (`all` ends every
    /// session of the user).
    pub fn logout(&mut self, path: &Path, all: bool) -> Result<usize> {
        let file = match session::read(path) {
            FileState::Missing | FileState::Foreign(_) => return Ok(0),
            FileState::Empty => {
                session::remove(path)?;
                return Ok(0);
            }
            FileState::Present(file) => file,
        };
        // Another database's session file is left for that database.
        if file.database != self.store.identity() {
            return Ok(0);
        }
        let key_hash = session::key_hash(&file.key);
        let row = self.store.read(|tx| tx.session_by_key_hash(&key_hash))?;
        let ended = match row {
            None => 0,
            Some(row) => self.write_with_events(|tx, events| {
                let ended = match all {
                    true => tx.delete_sessions_of_user(row.user_id, None)?,
                    false => tx.delete_session(row.id)?,
                };
                let name = tx.user_by_id(row.user_id)?.map(|u| u.username);
                events.add(
                    "logout",
                    &name.unwrap_or_default(),
                    Some(row.user_id),
                    serde_json::json!({"sessions": ended, "all": all}),
                );
                Ok(ended)
            })?,
        };
        session::remove(path)?;
        Ok(ended)
    }

    /// How many of a user's sessions would let them in now (for the admin view).
    pub fn session_count(&mut self, user: &User) -> Result<i64> {
        let (id, now) = (user.id, self.now);
        let rows = self.store.read(|tx| tx.sessions_of_user(id, now))?;
        if rows.is_empty() || !user.is_active {
            return Ok(0);
        }
        // Only those that still work: a password changed since (by Django, say) ends a
        // session without removing its row.
        let keys = self.keys()?;
        let works = |row: &SessionRow| {
            keys.all().any(|key| {
                constant_time_eq(session::auth_hash(&user.password, key), &row.auth_hash)
            })
        };
        Ok(rows.iter().filter(|row| works(row)).count() as i64)
    }

    /// A user's sessions that have not expired (for the admin: never their keys).
    pub fn sessions_of(&mut self, login: &str) -> Result<(User, Vec<SessionRow>)> {
        let user = self.user(login)?;
        let (id, now) = (user.id, self.now);
        let sessions = self.store.read(|tx| tx.sessions_of_user(id, now))?;
        Ok((user, sessions))
    }

    /// Ends one session of a user (`session`, by its id) or all of them; how many ended. A
    /// session id that is not the user's is exit 3.
    pub fn end_sessions(&mut self, login: &str, session: Option<i64>) -> Result<(User, usize)> {
        let user = self.user(login)?;
        let (id, now) = (user.id, self.now);
        let name = user.username.clone();
        let ended = self.write_with_events(|tx, events| {
            let ended = match session {
                None => tx.delete_sessions_of_user(id, None)?,
                Some(wanted) => {
                    let theirs = tx.sessions_of_user(id, now)?;
                    if !theirs.iter().any(|s| s.id == wanted) {
                        return Err(Error::Invalid(format!(
                            "user {login} has no session {wanted} (see authctl users sessions \
                             {login})"
                        )));
                    }
                    tx.delete_session(wanted)?
                }
            };
            events.add(
                "logout",
                &name,
                Some(id),
                serde_json::json!({"sessions": ended, "by_admin": true}),
            );
            Ok(ended)
        })?;
        Ok((user, ended))
    }
}
