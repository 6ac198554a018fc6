//! Django's `SignUpView` with `UserCreationForm`: a regular active user.

use super::form::Form;
use super::{Accounts, inserted};
use crate::error::{Error, Result, messages};
use crate::secret::Secret;
use crate::store::{NewUser, User};
use crate::validators::UserAttributes;
use serde_json::json;

#[derive(Debug, Default)]
pub struct Request {
    pub username: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password: Option<Secret>,
    /// Extra columns' values (`--field NAME=VALUE`).
    pub fields: Vec<(String, String)>,
}

impl Accounts {
    /// The signup form's username field alone (required, valid, not taken ignoring case), so
    /// a terminal can report a bad name before asking for a password.
    pub fn check_signup_username(&mut self, username: &str) -> Result<()> {
        let mut form = Form::new();
        self.clean_new_username(&mut form, username)?;
        form.finish()
    }

    /// The username field of the signup form, with its uniqueness rule.
    pub(super) fn clean_new_username(&mut self, form: &mut Form, raw: &str) -> Result<String> {
        let username = form.login(self.model(), raw, true);
        if !username.is_empty() && self.username_taken(&username, None)? {
            form.error("username", messages::USERNAME_EXISTS);
        }
        Ok(username)
    }

    /// Whether another user's name equals this one ignoring case (`UserCreationForm`'s rule);
    /// `except` lets a rename keep its own name in another case.
    pub(super) fn username_taken(&mut self, username: &str, except: Option<i64>) -> Result<bool> {
        let ids = self
            .store
            .read(|tx| tx.user_ids_by_username_ignoring_case(username))?;
        Ok(ids.iter().any(|id| Some(*id) != except))
    }

    /// Django's `UserCreationForm`: every field's errors are collected and reported together.
    pub fn signup(&mut self, request: Request) -> Result<User> {
        let model = self.model().clone();
        let mut form = Form::new();
        let username = self.clean_new_username(&mut form, &request.username)?;
        let email = match model.login_is_email() {
            true => username.clone(),
            false => {
                form.absent_column(&model, "email", !request.email.is_empty());
                form.email(&request.email)
            }
        };
        for (column, value) in [
            ("first_name", &request.first_name),
            ("last_name", &request.last_name),
        ] {
            form.absent_column(&model, column, !value.is_empty());
        }
        let first_name = form.name("first_name", &request.first_name);
        let last_name = form.name("last_name", &request.last_name);
        let extra = form.extras(&model, &request.fields, true);
        let attrs = UserAttributes {
            username: &username,
            first_name: &first_name,
            last_name: &last_name,
            email: &email,
        };
        form.required_password(request.password.as_ref(), &attrs, &self.validators);
        form.finish()?;
        let password = request.password.as_ref().map(Secret::expose).unwrap_or("");
        let new = NewUser {
            password: self.hashers.make_password(password),
            username,
            email,
            first_name,
            last_name,
            is_staff: false,
            is_superuser: false,
            is_active: true,
            date_joined: self.now,
            extra,
        };
        self.write_with_events(|tx, events| {
            // Checked again under the write lock: another signup may have won the race.
            if !tx
                .user_ids_by_username_ignoring_case(&new.username)?
                .is_empty()
            {
                return Err(Error::Invalid(messages::USERNAME_EXISTS.into()));
            }
            let id = tx.insert_user(&new)?;
            events.add(
                "user_created",
                &new.username,
                Some(id),
                json!({"signup": true}),
            );
            inserted(tx, id)
        })
    }
}
