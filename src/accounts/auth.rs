//! Django's `ModelBackend.authenticate`: is this username and password a valid, active user?

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

fn denied(why: Option<&str>) -> Error {
    Error::LoginFailed {
        why: why.map(String::from),
    }
}

impl Accounts {
    /// The password must match and the user be active.
    ///
    /// Every failure is the same denial after the same hashing work: an unknown user, an
    /// unusable, unreadable or too costly hash still costs one hash with the preferred hasher
    /// (Django's timing mitigation, extended to those). A denied check writes nothing: an
    /// inactive user's outdated hash is not re-encoded.
    pub fn authenticate(&mut self, username: &str, password: &Secret) -> Result<Authenticated> {
        let username = validators::normalize_username(username);
        let found = self.store.read(|tx| tx.user_by_username(&username))?;
        let shape = found.as_ref().map(|u| self.hashers.inspect(&u.password));
        let Some(mut user) = found.filter(|_| shape == Some(Shape::Fine)) else {
            self.hashers.make_password(password.expose());
            let why = (shape == Some(Shape::TooCostly))
                .then_some("the stored hash asks for more work than authctl allows");
            return Err(denied(why));
        };
        let verdict = self
            .hashers
            .check_password(password.expose(), &user.password);
        if !verdict.matches || !user.is_active {
            return Err(denied(None));
        }
        let upgrade = if verdict.must_update {
            self.upgrade_hash(&mut user, password)
        } else {
            Upgrade::NotNeeded
        };
        Ok(Authenticated { user, upgrade })
    }

    /// Re-encodes an outdated hash, unless the password changed meanwhile; failures (a
    /// read-only database) are reported, never raised.
    fn upgrade_hash(&mut self, user: &mut User, password: &Secret) -> Upgrade {
        let new = self.hashers.make_password(password.expose());
        let (id, old) = (user.id, user.password.clone());
        match self.store.write(|tx| tx.replace_password(id, &old, &new)) {
            Ok(true) => {
                user.password = new;
                Upgrade::Done(self.hashers.preferred())
            }
            Ok(false) => Upgrade::Failed("the password changed meanwhile".into()),
            Err(err) => Upgrade::Failed(err.chain()),
        }
    }
}
