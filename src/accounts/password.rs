//! Changing a password: the user's own (Django's `PasswordChangeView`) and an administrator's
//! (`changepassword`, no old password needed).

use super::form::Form;
use super::{Accounts, store_password};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::session;
use crate::store::User;
use crate::validators::UserAttributes;
use serde_json::{Value, json};
use std::path::Path;

fn attributes(user: &User) -> UserAttributes<'_> {
    UserAttributes {
        username: &user.username,
        first_name: &user.first_name,
        last_name: &user.last_name,
        email: &user.email,
    }
}

impl Accounts {
    /// The old password must match; the new one is validated and stored, this session stays
    /// valid and every other session of the user ends.
    pub fn change_password(&mut self, path: &Path, old: &Secret, new: &Secret) -> Result<User> {
        let current = self.current(path)?;
        let mut user = current.user;
        // The old password is a login like any other: a locked username is refused after the
        // same work, and a wrong one counts toward a lock.
        if self.locked(&user.username)?.is_some() {
            self.hashers.make_password(old.expose());
            self.record_failure(&user.username, Some(user.id), "passwd while locked", false);
            return Err(Error::OldPasswordWrong);
        }
        if !self
            .hashers
            .check_password(old.expose(), &user.password)
            .matches
        {
            let (name, id) = (user.username.clone(), user.id);
            self.record_failure(&name, Some(id), "wrong old password at passwd", true);
            return Err(Error::OldPasswordWrong);
        }
        self.check_new_password(new, &user)?;
        let hash = self.hashers.make_password(new.expose());
        let keys = self.keys()?;
        let auth_hash = session::auth_hash(&hash, keys.current.expose());
        let (old_hash, session_id, user_id) = (user.password.clone(), current.session.id, user.id);
        let name = user.username.clone();
        self.write_with_events(|tx, events| {
            if !store_password(tx, user_id, Some(&old_hash), &hash, Some(session_id))? {
                return Err(Error::NotLoggedIn(
                    "the password was changed by someone else meanwhile".into(),
                ));
            }
            events.add(
                "password_changed",
                &name,
                Some(user_id),
                json!({"own": true}),
            );
            tx.set_session_auth_hash(session_id, &auth_hash)
        })?;
        user.password = hash;
        Ok(user)
    }

    /// A new password for an existing user: required, and the validators (Django's
    /// `SetPasswordForm`).
    pub fn check_new_password(&self, password: &Secret, user: &User) -> Result<()> {
        let mut form = Form::new();
        form.required_password(Some(password), &attributes(user), &self.validators);
        form.finish()
    }

    /// Django's `changepassword`: a new password without the old one; never blank, the
    /// validators unless skipped; every session of the user ends.
    pub fn set_password(
        &mut self,
        username: &str,
        password: &Secret,
        skip_validation: bool,
    ) -> Result<User> {
        let mut user = self.user(username)?;
        let mut form = Form::new();
        let rules = (!skip_validation).then_some(&self.validators);
        form.admin_password(password, &attributes(&user), rules);
        form.finish()?;
        let hash = self.hashers.make_password(password.expose());
        let (user_id, name) = (user.id, user.username.clone());
        self.write_with_events(|tx, events| {
            events.add("password_changed", &name, Some(user_id), Value::Null);
            store_password(tx, user_id, None, &hash, None)
        })?;
        user.password = hash;
        Ok(user)
    }

    /// Stores an encoded hash as it is (a hash from `users export --with-hashes` or another
    /// system): checked as an import checks it, never validated as a password. Every session
    /// of the user ends. Returns the user and any warning about the hash.
    pub fn set_password_hash(
        &mut self,
        username: &str,
        hash: &Secret,
    ) -> Result<(User, Option<String>)> {
        let mut user = self.user(username)?;
        let hash = hash.expose().trim().to_string();
        let mut form = Form::new();
        let warning = form.password_hash(&hash, &self.hashers);
        form.finish()?;
        let (user_id, name) = (user.id, user.username.clone());
        self.write_with_events(|tx, events| {
            events.add(
                "password_changed",
                &name,
                Some(user_id),
                json!({"hash": true}),
            );
            store_password(tx, user_id, None, &hash, None)
        })?;
        user.password = hash;
        Ok((user, warning))
    }
}
