//! Django's `createsuperuser`, with `--if-missing` and `--update` so a deploy script can rerun it.

use super::form::Form;
use super::{Accounts, inserted};
use crate::error::{Error, Result, messages};
use crate::hashers::make_unusable;
use crate::secret::Secret;
use crate::store::{NewUser, User, UserModel};
use crate::validators::{self, UserAttributes};
use serde_json::{Value, json};

/// What happens when the username is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    Fail,
    /// `--if-missing`: leave the user alone.
    Keep,
    /// `--update`: make it an active superuser, set the email and password if given.
    Update,
}

#[derive(Debug)]
pub struct Request {
    pub username: String,
    pub email: String,
    /// `None` leaves a new user with an unusable password (and an existing one's unchanged).
    pub password: Option<Secret>,
    pub skip_validation: bool,
    pub if_exists: IfExists,
    /// Extra columns' values (`--field`, `DJANGO_SUPERUSER_<NAME>`, the prompts).
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Unchanged,
    Updated,
}

/// `--if-missing` keeps an existing superuser; an existing ordinary user is not what a deploy
/// script asked for, and saying "already exists" would let it believe an admin is there.
fn kept(user: User) -> Result<User> {
    if user.is_superuser && user.is_staff && user.is_active {
        Ok(user)
    } else {
        Err(Error::Invalid(format!(
            "user {} exists but is not an active staff superuser; use --update to make it one",
            user.username
        )))
    }
}

/// The rule for a username that is taken: `--if-missing` keeps an active staff superuser
/// (`Some`), `--update` goes on to change it (`None`), and otherwise the name is refused.
fn existing(user: User, if_exists: IfExists, model: &UserModel) -> Result<Option<User>> {
    match if_exists {
        IfExists::Keep => kept(user).map(Some),
        IfExists::Update => Ok(None),
        IfExists::Fail => Err(Error::Invalid(taken(model))),
    }
}

/// Django's createsuperuser: "That username is already taken.", in the login field's name.
fn taken(model: &UserModel) -> String {
    format!(
        "That {} is already taken.",
        model.verbose_name(&model.login)
    )
}

/// Django's complaints about an email address, checked before any password is asked for.
pub fn email_problems(raw: &str) -> Vec<String> {
    let mut form = Form::new();
    form.email(raw);
    form.messages()
}

/// The same check as an error (exit 3), for an address given as a flag.
pub fn check_email(raw: &str) -> Result<()> {
    let mut form = Form::new();
    form.email(raw);
    form.finish()
}

/// A model without `is_superuser` (no `PermissionsMixin`) has no superusers to make.
fn can_have_superusers(model: &UserModel) -> Result<()> {
    match model.has("is_superuser") {
        true => Ok(()),
        false => Err(Error::Invalid(format!(
            "the user model's table {} has no is_superuser column (Django's PermissionsMixin), \
             so it has no superusers for createsuperuser to make",
            model.table
        ))),
    }
}

impl Accounts {
    /// What an existing user of this name means before anything more is asked: `Some(user)`
    /// when `--if-missing` keeps it (nothing left to do), `None` to go on, an error when the
    /// name cannot be used.
    pub fn superuser_precheck(
        &mut self,
        username: &str,
        if_exists: IfExists,
    ) -> Result<Option<User>> {
        can_have_superusers(self.model())?;
        match self.find(username)? {
            Some(user) => existing(user, if_exists, self.model()),
            None => match self.superuser_username_problem(username, if_exists)? {
                Some(problem) => Err(Error::Invalid(problem)),
                None => Ok(None),
            },
        }
    }

    /// Django's complaint about a username typed at the prompt, if any: invalid, or taken when
    /// an existing user would be refused.
    pub fn superuser_username_problem(
        &mut self,
        username: &str,
        if_exists: IfExists,
    ) -> Result<Option<String>> {
        let mut form = Form::new();
        let username = form.login(self.model(), username, false);
        if !form.is_valid() {
            return Ok(Some(form.messages().join("; ")));
        }
        if self.find(&username)?.is_some() {
            return Ok((if_exists == IfExists::Fail).then(|| taken(self.model())));
        }
        // A new user: no one may have the name in another case either.
        if self.username_taken(&username, None)? {
            return Ok(Some(messages::USERNAME_EXISTS.into()));
        }
        Ok(None)
    }

    /// Django's `get_default_username`: the login name ASCII-folded, if it is a valid username
    /// no one has taken — and only for Django's own user model, as Django can assume nothing
    /// about a custom one's.
    pub fn default_superuser_name(&mut self, login_name: Option<&str>) -> Result<Option<String>> {
        if !self.model().is_default() {
            return Ok(None);
        }
        match login_name.and_then(validators::default_username) {
            Some(name) if self.find(&name)?.is_none() => Ok(Some(name)),
            _ => Ok(None),
        }
    }

    /// The password validators' complaints about a superuser's password, for the prompt that
    /// offers to bypass them.
    pub fn superuser_password_problems(
        &self,
        password: &Secret,
        username: &str,
        email: &str,
    ) -> Vec<String> {
        let username = validators::normalize_username(username);
        let email = validators::normalize_email(email);
        let attrs = UserAttributes {
            username: &username,
            email: &email,
            ..UserAttributes::default()
        };
        validators::password_errors(password.expose(), &attrs, &self.validators)
    }

    pub fn create_superuser(&mut self, request: Request) -> Result<(Outcome, User)> {
        let if_exists = request.if_exists;
        can_have_superusers(self.model())?;
        // The existing-user rule first: a kept user needs no valid email or password.
        if let Some(found) = self.find(&request.username)?
            && let Some(user) = existing(found, if_exists, self.model())?
        {
            return Ok((Outcome::Unchanged, user));
        }
        let model = self.model().clone();
        let mut form = Form::new();
        let username = form.login(&model, &request.username, false);
        let email = match model.login_is_email() {
            true => username.clone(),
            false => {
                form.absent_column(&model, "email", !request.email.is_empty());
                form.email(&request.email)
            }
        };
        let found = self.find(&request.username)?;
        let fields = form.extras(&model, &request.fields, found.is_none());
        if let Some(password) = &request.password {
            let attrs = UserAttributes {
                username: &username,
                email: &email,
                ..UserAttributes::default()
            };
            let rules = (!request.skip_validation).then_some(&self.validators);
            form.admin_password(password, &attrs, rules);
        }
        form.finish()?;
        // Hash before taking the write lock: the slow part must not hold up other processes.
        let hash = request
            .password
            .as_ref()
            .map(|p| self.hashers.make_password(p.expose()));
        let now = self.now;
        self.write_with_events(|tx, events| {
            let Some(found) = tx.user_by_username(&username)? else {
                // Usernames are unique ignoring case, whichever way a user is created.
                if !tx.user_ids_by_username_ignoring_case(&username)?.is_empty() {
                    return Err(Error::Invalid(messages::USERNAME_EXISTS.into()));
                }
                let id = tx.insert_user(&NewUser {
                    username: username.clone(),
                    email: email.clone(),
                    first_name: String::new(),
                    last_name: String::new(),
                    password: hash.clone().unwrap_or_else(make_unusable),
                    is_staff: true,
                    is_superuser: true,
                    is_active: true,
                    date_joined: now,
                    extra: fields.clone(),
                })?;
                events.add(
                    "user_created",
                    &username,
                    Some(id),
                    json!({"superuser": true, "password": hash.is_some()}),
                );
                return Ok((Outcome::Created, inserted(tx, id)?));
            };
            // Another process may have created it since the first look: the same rule again.
            if let Some(kept) = existing(found.clone(), if_exists, &model)? {
                return Ok((Outcome::Unchanged, kept));
            }
            let mut user = found;
            user.is_staff = true;
            user.is_superuser = true;
            user.is_active = true;
            if !email.is_empty() {
                user.email = email.clone();
            }
            user.extra.extend(fields.clone());
            let changed: Vec<String> = fields.keys().cloned().collect();
            tx.update_profile(&user, &changed)?;
            // The user's session rows stay: a new hash already makes them invalid (the
            // session auth hash no longer matches), and `whoami` then says why.
            events.add(
                "user_updated",
                &user.username,
                Some(user.id),
                json!({"superuser": true, "fields": changed}),
            );
            if let Some(hash) = &hash {
                tx.set_password(user.id, hash)?;
                user.password = hash.clone();
                events.add(
                    "password_changed",
                    &user.username,
                    Some(user.id),
                    Value::Null,
                );
            }
            Ok((Outcome::Updated, user))
        })
    }
}
