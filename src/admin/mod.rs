//! The admin from the command line: list, inspect, change, delete users, set a password without
//! the old one (Django's `changepassword`), and bulk import/export ([`transfer`]).

pub mod transfer;

use crate::accounts::{Accounts, USERNAME_EXISTS};
use crate::error::{Error, Result};
use crate::hashers;
use crate::secret::Secret;
use crate::store::{User, sessions, users};
use crate::validators;

/// Which users `users list` shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub active: Option<bool>,
    pub staff: bool,
    pub superuser: bool,
    /// Case-insensitive substring of the username, email or names.
    pub search: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl Filter {
    fn matches(&self, user: &User) -> bool {
        if self.active.is_some_and(|a| a != user.is_active)
            || (self.staff && !user.is_staff)
            || (self.superuser && !user.is_superuser)
        {
            return false;
        }
        match &self.search {
            None => true,
            Some(text) => {
                let text = text.to_lowercase();
                [
                    &user.username,
                    &user.email,
                    &user.first_name,
                    &user.last_name,
                ]
                .iter()
                .any(|field| field.to_lowercase().contains(&text))
            }
        }
    }
}

/// What `users show` tells about a password beyond the hash itself.
#[derive(Debug, Clone)]
pub struct PasswordInfo {
    /// The hasher's name, `unusable`, or `unknown` for an unrecognised encoding.
    pub hasher: String,
    pub usable: bool,
    /// Stored with another hasher or other costs than the preferred ones.
    pub needs_upgrade: bool,
}

/// `users set`: every field is optional; only what is given changes.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub username: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub active: Option<bool>,
    pub staff: Option<bool>,
    pub superuser: Option<bool>,
    pub unusable_password: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.username.is_none()
            && self.email.is_none()
            && self.first_name.is_none()
            && self.last_name.is_none()
            && self.active.is_none()
            && self.staff.is_none()
            && self.superuser.is_none()
            && !self.unusable_password
    }
}

pub fn no_such_user(username: &str) -> anyhow::Error {
    Error::invalid(format!("no such user: {username}")).into()
}

impl Accounts {
    /// Calls `each` for every matching user in id order, so long lists stream.
    pub fn list_users(
        &self,
        filter: &Filter,
        mut each: impl FnMut(&User) -> Result<()>,
    ) -> Result<()> {
        let mut seen = 0usize;
        let mut shown = 0usize;
        users::each(self.store.conn(), |user| {
            if !filter.matches(user) {
                return Ok(true);
            }
            seen += 1;
            if seen <= filter.offset {
                return Ok(true);
            }
            if filter.limit.is_some_and(|limit| shown >= limit) {
                return Ok(false);
            }
            shown += 1;
            each(user)?;
            Ok(true)
        })
    }

    /// The user with exactly this username, or "no such user" (exit 3).
    pub fn user(&self, username: &str) -> Result<User> {
        self.find(username)?.ok_or_else(|| no_such_user(username))
    }

    pub fn password_info(&self, user: &User) -> PasswordInfo {
        let usable = hashers::is_usable(&user.password);
        let algorithm = hashers::identify(&user.password);
        let hasher = match (usable, algorithm) {
            (false, _) => "unusable".to_string(),
            (true, Some(a)) => a.name().to_string(),
            (true, None) => "unknown".to_string(),
        };
        PasswordInfo {
            hasher,
            usable: usable && algorithm.is_some(),
            needs_upgrade: usable && hashers::must_update(&user.password, &self.hashing),
        }
    }

    /// Applies `changes` with the same validation as signup; deactivating a user or making the
    /// password unusable ends the user's sessions.
    pub fn update_user(&mut self, username: &str, changes: &Changes) -> Result<User> {
        let id = self.user(username)?.id;
        // Check and normalise what is given; the row itself is read again under the write
        // lock, so a concurrent change to other fields is not undone.
        let changes = Changes {
            username: changes
                .username
                .as_deref()
                .map(|n| validators::normalize_username(n.trim())),
            email: changes.email.as_deref().map(validators::normalize_email),
            first_name: changes.first_name.as_deref().map(|n| n.trim().to_string()),
            last_name: changes.last_name.as_deref().map(|n| n.trim().to_string()),
            ..changes.clone()
        };
        let mut errors = Vec::new();
        if let Some(name) = &changes.username {
            let field = validators::username_errors(name);
            if field.is_empty()
                && users::username_taken_ignoring_case(self.store.conn(), name, Some(id))?
            {
                errors.push(USERNAME_EXISTS.to_string());
            }
            errors.extend(field);
        }
        if let Some(email) = &changes.email {
            errors.extend(validators::email_errors(email));
        }
        for name in [&changes.first_name, &changes.last_name]
            .into_iter()
            .flatten()
        {
            errors.extend(validators::name_errors(name));
        }
        if !errors.is_empty() {
            return Err(Error::invalid_all(errors).into());
        }
        let unusable = changes.unusable_password.then(hashers::make_unusable);
        self.store.write(|tx| {
            let mut user = users::by_id(tx, id)?.ok_or_else(|| no_such_user(username))?;
            if let Some(name) = &changes.username {
                if users::username_taken_ignoring_case(tx, name, Some(id))? {
                    return Err(Error::invalid(USERNAME_EXISTS).into());
                }
                user.username = name.clone();
            }
            for (change, field) in [
                (&changes.email, &mut user.email),
                (&changes.first_name, &mut user.first_name),
                (&changes.last_name, &mut user.last_name),
            ] {
                if let Some(value) = change {
                    *field = value.clone();
                }
            }
            user.is_active = changes.active.unwrap_or(user.is_active);
            user.is_staff = changes.staff.unwrap_or(user.is_staff);
            user.is_superuser = changes.superuser.unwrap_or(user.is_superuser);
            users::update_profile(tx, &user)?;
            if let Some(hash) = &unusable {
                users::set_password(tx, id, hash)?;
                user.password = hash.clone();
            }
            if !user.is_active || unusable.is_some() {
                sessions::delete_for_user(tx, id, None)?;
            }
            Ok(user)
        })
    }

    /// The users to delete, by exact username. A missing name is an error unless `missing_ok`;
    /// a name given twice counts once.
    pub fn users_to_delete(&self, usernames: &[String], missing_ok: bool) -> Result<Vec<User>> {
        let mut found: Vec<User> = Vec::new();
        let mut missing = Vec::new();
        for name in usernames {
            match self.find(name)? {
                Some(user) if !found.iter().any(|u| u.id == user.id) => found.push(user),
                Some(_) => {}
                None => missing.push(name.as_str()),
            }
        }
        if !missing.is_empty() && !missing_ok {
            return Err(no_such_user(&missing.join(", ")));
        }
        Ok(found)
    }

    /// Deletes these users, all or none. Like Django's cascade, their sessions, group and
    /// permission links and admin log entries go too; a user another process deleted meanwhile
    /// is simply gone.
    pub fn delete_users(&mut self, found: &[User]) -> Result<()> {
        self.store.write(|tx| {
            for user in found {
                users::delete_cascade(tx, user)?;
                sessions::delete_for_user(tx, user.id, None)?;
            }
            Ok(())
        })
    }

    /// Django's `changepassword`: a new password without the old one; the validators run
    /// unless skipped; every session of the user ends.
    pub fn set_password(
        &mut self,
        username: &str,
        password: &Secret,
        skip_validation: bool,
    ) -> Result<User> {
        let mut user = self.user(username)?;
        if password.is_blank() {
            return Err(Error::invalid(crate::accounts::BLANK_PASSWORD).into());
        }
        if !skip_validation {
            self.check_new_password(password, &user)?;
        }
        let hash = hashers::make_password(password.expose(), &self.hashing);
        self.store.write(|tx| {
            users::set_password(tx, user.id, &hash)?;
            sessions::delete_for_user(tx, user.id, None)?;
            Ok(())
        })?;
        user.password = hash;
        Ok(user)
    }
}
