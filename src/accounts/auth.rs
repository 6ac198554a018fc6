//! Django's `ModelBackend.authenticate`: is this username and password a valid, active user?

use super::audit::lock_in;
use super::perms::Requirements;
use super::{Accounts, Upgrade};
use crate::error::{Error, Result};
use crate::hashers::Shape;
use crate::secret::Secret;
use crate::store::User;
use crate::validators;

#[derive(Debug)]
pub struct Authenticated {
    pub user: User,
    pub upgrade: Upgrade,
}

/// Why a password is checked, which decides whether a success is written down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A login, which starts a session: its success is always an event.
    Login,
    /// A credential check (`verify`, and the programs that call out), Django's
    /// `authenticate()` alone: the username is taken exactly as given (no NFKC folding, which
    /// only Django's forms do, so a caller never hears OK for a name that is not the
    /// account's), and a success is an event only with `audit.verify_successes`, or when it
    /// clears failed attempts.
    Check,
}

impl Accounts {
    /// The password must match, the user be active and meet `requirements` (groups,
    /// permissions by Django's rules).
    ///
    /// Every failure is the same denial after the same hashing work: an unknown user, an
    /// unusable, unreadable or too costly hash, an inactive user or one who lacks what is
    /// required still costs one hash with the preferred hasher (Django's timing mitigation,
    /// extended to those), so a caller cannot tell them apart. A denied check writes nothing
    /// but its event: an inactive user's outdated hash is not re-encoded.
    pub fn authenticate_with(
        &mut self,
        username: &str,
        password: &Secret,
        requirements: &Requirements,
        purpose: Purpose,
    ) -> Result<Authenticated> {
        let username = match purpose {
            Purpose::Login => validators::normalize_username(username),
            Purpose::Check => username.to_string(),
        };
        // The user and the username's failed attempts, in one read.
        let (found, lock) = self.store.read(|tx| {
            let user = tx.user_by_username(&username)?;
            Ok((user, lock_in(tx, &username)?))
        })?;
        // The requirements are looked up the same way for everyone, known or not, before the
        // password's answer is known.
        let meets = self.meets(found.as_ref().unwrap_or(&placeholder()), requirements)?;
        let found_id = found.as_ref().map(|u| u.id);
        // A locked username is denied after the same work, whatever the password; the
        // attempt is recorded but does not count again.
        if let Some(until) = self.locked_by(lock.as_ref()) {
            self.hashers.make_password(password.expose());
            let why = format!("locked until {}", until.format("%Y-%m-%d %H:%M:%S UTC"));
            return Err(self.deny(&username, found_id, &why, Some(&why), false));
        }
        let shape = found.as_ref().map(|u| self.hashers.inspect(&u.password));
        let Some(mut user) = found.filter(|_| shape == Some(Shape::Fine)) else {
            self.hashers.make_password(password.expose());
            // What the stored hash is may be said with -v (the account's own state); whether
            // there is an account is not.
            let shown = match shape {
                Some(Shape::TooCostly) => {
                    Some("the stored hash asks for more work than authctl allows".to_string())
                }
                Some(Shape::NotListed(algorithm)) => Some(format!(
                    "the stored hash is {}, which is not in the `hashers` setting",
                    algorithm.name()
                )),
                _ => None,
            };
            let why = match (&shown, shape) {
                (Some(shown), _) => shown.clone(),
                (None, None) => "no such user".to_string(),
                (None, Some(_)) => "the stored hash cannot be checked".to_string(),
            };
            return Err(self.deny(&username, found_id, &why, shown.as_deref(), true));
        };
        let verdict = self
            .hashers
            .check_password(password.expose(), &user.password);
        if !verdict.matches || !user.is_active {
            let why = match verdict.matches {
                false => "wrong password",
                true => "inactive user",
            };
            return Err(self.deny(&username, found_id, why, None, true));
        }
        if !meets {
            let why = "the user lacks a group or permission asked for";
            return Err(self.deny(&username, found_id, why, None, true));
        }
        // Failed attempts are forgotten on success, so a success that clears some is written
        // whatever the purpose.
        let note = match purpose == Purpose::Login || self.audit.verify_successes || lock.is_some()
        {
            true => self.record_success(&username, user.id),
            false => None,
        };
        let upgrade = if verdict.must_update {
            self.upgrade_hash(&mut user, password)
        } else {
            Upgrade::NotNeeded
        };
        // A success that could not be recorded (a read-only database) still stands.
        let upgrade = match (note, upgrade) {
            (Some(note), Upgrade::NotNeeded) => {
                Upgrade::Failed(format!("the login could not be recorded: {note}"))
            }
            (_, upgrade) => upgrade,
        };
        Ok(Authenticated { user, upgrade })
    }

    /// PAM's account phase and a userdb lookup: may this user log in at all? The account
    /// (named exactly, as [`Purpose::Check`] names it) when it exists, is active, is not locked
    /// and meets `requirements`. There is no password to check, so nothing is hashed and
    /// nothing is written.
    pub fn usable_account(
        &mut self,
        username: &str,
        requirements: &Requirements,
    ) -> Result<Option<User>> {
        let Some(user) = self.store.read(|tx| tx.user_by_username(username))? else {
            return Ok(None);
        };
        let usable = user.is_active
            && self.locked(username)?.is_none()
            && self.meets(&user, requirements)?;
        Ok(usable.then_some(user))
    }

    /// The one denial: the same error for every reason, after the failure is recorded with
    /// `why` in the event log (and, with `count`, counted toward a lock). Only `shown` — what
    /// tells nothing of whether the account exists or the password was right — reaches `-v`.
    fn deny(
        &mut self,
        username: &str,
        user_id: Option<i64>,
        why: &str,
        shown: Option<&str>,
        count: bool,
    ) -> Error {
        let note = self.record_failure(username, user_id, why, count);
        let why = match (shown, &note) {
            (Some(shown), Some(note)) => Some(format!(
                "{shown}; the failure could not be recorded: {note}"
            )),
            (None, Some(note)) => Some(format!("the failure could not be recorded: {note}")),
            (shown, None) => shown.map(String::from),
        };
        Error::LoginFailed {
            why,
            unrecorded: note,
        }
    }

    /// Re-encodes an outdated hash, unless the password changed meanwhile; failures (a
    /// read-only database) are reported, never raised.
    fn upgrade_hash(&mut self, user: &mut User, password: &Secret) -> Upgrade {
        let (new, algorithm) = self.hashers.rehash(password.expose());
        let (id, old) = (user.id, user.password.clone());
        match self.store.write(|tx| tx.replace_password(id, &old, &new)) {
            Ok(true) => {
                user.password = new;
                Upgrade::Done(algorithm)
            }
            Ok(false) => Upgrade::Failed("the password changed meanwhile".into()),
            Err(err) => Upgrade::Failed(err.chain()),
        }
    }
}

/// An active user who exists nowhere, checked in place of a missing or refused one.
fn placeholder() -> User {
    User::blank(-1)
}
