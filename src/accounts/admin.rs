//! The admin from the command line: list, inspect, change and delete users. Setting a password
//! without the old one is in [`super::password`], bulk import/export in [`super::transfer`].

use super::form::Form;
use super::perms::UserSet;
use super::{Accounts, store_password};
use crate::error::{Error, Result, messages};
use crate::hashers::{PasswordInfo, make_unusable};
use crate::store::User;
use serde_json::{Value, json};

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
    /// Members of a group, holders of a permission (see [`Accounts::user_ids_with`]).
    pub only: Option<UserSet>,
}

impl Filter {
    fn matches(&self, user: &User) -> bool {
        if self.only.as_ref().is_some_and(|only| !only.keeps(user)) {
            return false;
        }
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
    /// Extra columns' values (`--field NAME=VALUE`).
    pub fields: Vec<(String, String)>,
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
            && self.fields.is_empty()
    }
}

impl Accounts {
    /// Calls `each` for every matching user in id order, so long lists stream.
    pub fn list_users(
        &mut self,
        filter: &Filter,
        mut each: impl FnMut(&User) -> Result<()>,
    ) -> Result<()> {
        let mut seen = 0usize;
        let mut shown = 0usize;
        self.store.read(|tx| {
            tx.each_user(&mut |user| {
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
        })
    }

    /// Up to `limit` logins that start with `prefix`, for shell completion.
    pub fn logins_starting_with(&mut self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        self.store.read(|tx| tx.logins_starting_with(prefix, limit))
    }

    /// How a user's password is stored, for the admin view.
    pub fn password_info(&self, user: &User) -> PasswordInfo {
        self.hashers.describe(&user.password)
    }

    /// Applies `changes` with the same validation as signup; deactivating a user or making the
    /// password unusable ends the user's sessions.
    pub fn update_user(&mut self, username: &str, changes: &Changes) -> Result<User> {
        let id = self.user(username)?.id;
        // Check and normalise what is given; the row itself is read again under the write
        // lock, so a concurrent change to other fields is not undone.
        let model = self.model().clone();
        let mut form = Form::new();
        // Where users log in with their email address, a new address is a new login.
        let (new_login, new_email) = match (&changes.username, &changes.email) {
            (None, Some(email)) if model.login_is_email() => (Some(email), None),
            (login, email) => (login.as_ref(), email.as_ref()),
        };
        let new_username = new_login.map(|name| form.login(&model, name.trim(), false));
        if let Some(name) = &new_username
            && form.is_valid()
            && self.username_taken(name, Some(id))?
        {
            form.error("username", messages::USERNAME_EXISTS);
        }
        for (column, given) in [
            ("email", new_email.is_some()),
            ("first_name", changes.first_name.is_some()),
            ("last_name", changes.last_name.is_some()),
            ("is_active", changes.active.is_some()),
            ("is_staff", changes.staff.is_some()),
            ("is_superuser", changes.superuser.is_some()),
        ] {
            form.absent_column(&model, column, given);
        }
        let email = match model.login_is_email() {
            // One column for both: an address that is not the new login would be lost.
            true if new_email.is_some() => {
                form.problem(format!(
                    "users log in with their email address on this user model: give the new \
                     address once, as --email or --username (the table {} has one column for \
                     both)",
                    model.table
                ));
                None
            }
            _ => new_email.map(|e| form.email(e)),
        };
        let fields = form.extras(&model, &changes.fields, false);
        let first_name = changes
            .first_name
            .as_deref()
            .map(|n| form.name("first_name", n));
        let last_name = changes
            .last_name
            .as_deref()
            .map(|n| form.name("last_name", n));
        form.finish()?;
        let unusable = changes.unusable_password.then(make_unusable);
        self.write_with_events(|tx, events| {
            let before = tx.user_by_id(id)?;
            let mut user = tx
                .user_by_id(id)?
                .ok_or_else(|| Error::NoSuchUser(username.to_string()))?;
            if let Some(name) = &new_username {
                let taken = tx.user_ids_by_username_ignoring_case(name)?;
                if taken.iter().any(|other| *other != id) {
                    return Err(Error::Invalid(messages::USERNAME_EXISTS.into()));
                }
                user.username = name.clone();
            }
            for (change, field) in [
                (&email, &mut user.email),
                (&first_name, &mut user.first_name),
                (&last_name, &mut user.last_name),
            ] {
                if let Some(value) = change {
                    *field = value.clone();
                }
            }
            user.is_active = changes.active.unwrap_or(user.is_active);
            user.is_staff = changes.staff.unwrap_or(user.is_staff);
            user.is_superuser = changes.superuser.unwrap_or(user.is_superuser);
            if model.login_is_email() {
                user.email = user.username.clone();
            }
            user.extra.extend(fields.clone());
            let changed: Vec<String> = fields.keys().cloned().collect();
            tx.update_profile(&user, &changed)?;
            let mut detail = changed_fields(before.as_ref(), &user);
            detail.extend(changed);
            events.add(
                "user_updated",
                &user.username,
                Some(id),
                json!({"fields": detail, "renamed_from": before
                    .filter(|b| b.username != user.username)
                    .map(|b| b.username)}),
            );
            if let Some(hash) = &unusable {
                store_password(tx, id, None, hash, None)?;
                user.password = hash.clone();
                events.add(
                    "password_changed",
                    &user.username,
                    Some(id),
                    json!({"unusable": true}),
                );
            } else if !user.is_active {
                tx.delete_sessions_of_user(id, None)?;
            }
            Ok(user)
        })
    }

    /// The users to delete, by exact username. A missing name is an error unless `missing_ok`;
    /// a name given twice counts once.
    pub fn users_to_delete(&mut self, usernames: &[String], missing_ok: bool) -> Result<Vec<User>> {
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
            return Err(Error::NoSuchUser(missing.join(", ")));
        }
        Ok(found)
    }

    /// Deletes these users, all or none. Like Django's cascade, their sessions, group and
    /// permission links and admin log entries go too; a user another process deleted meanwhile
    /// is simply gone.
    pub fn delete_users(&mut self, found: &[User]) -> Result<()> {
        self.write_with_events(|tx, events| {
            for user in found {
                tx.delete_user(user)?;
                events.add("user_deleted", &user.username, Some(user.id), Value::Null);
            }
            Ok(())
        })
    }
}

/// The names of the fields that differ between two versions of a user (never their values,
/// which may be personal).
fn changed_fields(before: Option<&User>, after: &User) -> Vec<String> {
    let Some(before) = before else {
        return Vec::new();
    };
    [
        ("username", before.username != after.username),
        ("email", before.email != after.email),
        ("first_name", before.first_name != after.first_name),
        ("last_name", before.last_name != after.last_name),
        ("is_active", before.is_active != after.is_active),
        ("is_staff", before.is_staff != after.is_staff),
        ("is_superuser", before.is_superuser != after.is_superuser),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(name, _)| name.to_string())
    .collect()
}
