//! Django's `ModelBackend.authenticate`: is this username and password a valid, active user?

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

impl Accounts {
    /// The password must match and the user be active.
    ///
    /// Every failure is the same denial after the same hashing work: an unknown user, an
    /// unusable, unreadable or too costly hash still costs one hash with the preferred hasher
    /// (Django's timing mitigation, extended to those). A denied check writes nothing: an
    /// inactive user's outdated hash is not re-encoded.
    pub fn authenticate(&mut self, username: &str, password: &Secret) -> Result<Authenticated> {
        self.authenticate_with(username, password, &Requirements::default())
    }

    /// [`Accounts::authenticate`], and the user must also meet `requirements` (groups,
    /// permissions by Django's rules). A user who does not is denied like a wrong password,
    /// after the same work, so a caller cannot tell unknown users from unauthorised ones.
    pub fn authenticate_with(
        &mut self,
        username: &str,
        password: &Secret,
        requirements: &Requirements,
    ) -> Result<Authenticated> {
        let username = validators::normalize_username(username);
        let found = self.store.read(|tx| tx.user_by_username(&username))?;
        // The requirements are looked up the same way for everyone, known or not, before the
        // password's answer is known.
        let meets = self.meets(found.as_ref().unwrap_or(&placeholder()), requirements)?;
        let found_id = found.as_ref().map(|u| u.id);
        // A locked username is denied after the same work, whatever the password; the
        // attempt is recorded but does not count again.
        if let Some(until) = self.locked(&username)? {
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
        let note = self.record_success(&username, user.id);
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
        let why = match (shown, note) {
            (Some(shown), Some(note)) => Some(format!(
                "{shown}; the failure could not be recorded: {note}"
            )),
            (None, Some(note)) => Some(format!("the failure could not be recorded: {note}")),
            (shown, None) => shown.map(String::from),
        };
        Error::LoginFailed { why }
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
