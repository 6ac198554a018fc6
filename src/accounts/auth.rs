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
        let shape = found.as_ref().map(|u| self.hashers.inspect(&u.password));
        let Some(mut user) = found.filter(|_| shape == Some(Shape::Fine)) else {
            self.hashers.make_password(password.expose());
            let why = match shape {
                Some(Shape::TooCostly) => {
                    Some("the stored hash asks for more work than authctl allows".to_string())
                }
                Some(Shape::NotListed(algorithm)) => Some(format!(
                    "the stored hash is {}, which is not in the `hashers` setting",
                    algorithm.name()
                )),
                _ => None,
            };
            return Err(Error::LoginFailed { why });
        };
        let verdict = self
            .hashers
            .check_password(password.expose(), &user.password);
        if !verdict.matches || !user.is_active {
            return Err(Error::LoginFailed { why: None });
        }
        if !meets {
            return Err(Error::LoginFailed {
                why: Some("the user lacks a group or permission asked for".into()),
            });
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
    User {
        id: -1,
        password: String::new(),
        last_login: None,
        is_superuser: false,
        username: String::new(),
        first_name: String::new(),
        last_name: String::new(),
        email: String::new(),
        is_staff: false,
        is_active: true,
        date_joined: None,
        extra: Default::default(),
    }
}
