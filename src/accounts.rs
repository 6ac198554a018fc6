//! The account flows — create a superuser, sign up, authenticate — with Django's rules and
//! messages. Nothing here prints or prompts: commands gather input and show the results.

use crate::config::{Settings, ValidatorSettings};
use crate::error::{Error, Result};
use crate::hashers::{self, Algorithm, HashConfig};
use crate::secret::Secret;
use crate::store::{NewUser, Store, User, users};
use crate::validators::{self, UserAttributes};
use chrono::{DateTime, Utc};

/// Django's `AuthenticationForm` error, the same for every kind of failure.
pub const LOGIN_FAILED: &str =
    "Please enter a correct username and password. Note that both fields may be case-sensitive.";
pub const USERNAME_EXISTS: &str = "A user with that username already exists.";
pub const PASSWORD_MISMATCH: &str = "The two password fields didn\u{2019}t match.";
pub const BLANK_PASSWORD: &str = "Blank passwords aren't allowed.";

/// An open database with the rules that apply to it.
pub struct Accounts {
    store: Store,
    hashing: HashConfig,
    validators: ValidatorSettings,
    now: DateTime<Utc>,
}

/// What `createsuperuser` does when the username is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    Fail,
    /// `--if-missing`: leave the user alone.
    Keep,
    /// `--update`: make it an active superuser, set the email and password if given.
    Update,
}

#[derive(Debug)]
pub struct SuperuserRequest {
    pub username: String,
    pub email: String,
    /// `None` leaves a new user with an unusable password (and an existing one's unchanged).
    pub password: Option<Secret>,
    pub skip_validation: bool,
    pub if_exists: IfExists,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Unchanged,
    Updated,
}

#[derive(Debug, Default)]
pub struct SignupRequest {
    pub username: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password: Option<Secret>,
}

/// Whether the stored hash was re-encoded after a successful check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upgrade {
    NotNeeded,
    Done,
    /// Best effort only: the answer stands, the reason is for `-v`.
    Failed(String),
}

#[derive(Debug)]
pub struct Authenticated {
    pub user: User,
    pub upgrade: Upgrade,
}

impl Accounts {
    pub fn open(settings: &Settings, now: DateTime<Utc>) -> Result<Accounts> {
        let store = Store::open(&settings.database)?;
        // A Django site without argon2-cffi cannot read argon2 hashes, so on a Django project's
        // database the default is the hasher every Django install has.
        let preferred = settings.hasher.unwrap_or(if store.is_django_project() {
            Algorithm::Pbkdf2Sha256
        } else {
            Algorithm::Argon2
        });
        Ok(Accounts {
            store,
            hashing: HashConfig {
                preferred,
                ..settings.hashing.clone()
            },
            validators: settings.validators.clone(),
            now,
        })
    }

    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn hashing(&self) -> &HashConfig {
        &self.hashing
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn find(&self, username: &str) -> Result<Option<User>> {
        users::by_username(self.store.conn(), &validators::normalize_username(username))
    }

    /// Django's `createsuperuser` username check, with its messages; `None` when usable.
    pub fn superuser_username_problem(&self, username: &str) -> Result<Option<String>> {
        let username = validators::normalize_username(username);
        if users::by_username(self.store.conn(), &username)?.is_some() {
            return Ok(Some("Error: That username is already taken.".into()));
        }
        let errors = validators::username_errors(&username);
        Ok((!errors.is_empty()).then(|| errors.join("; ")))
    }

    /// The enabled password validators' messages for this password and user.
    pub fn password_problems(&self, password: &Secret, user: &UserAttributes) -> Vec<String> {
        validators::password_errors(password.expose(), user, &self.validators)
    }

    pub fn create_superuser(&mut self, request: SuperuserRequest) -> Result<(Outcome, User)> {
        let username = validators::normalize_username(&request.username);
        let email = validators::normalize_email(&request.email);
        match (
            users::by_username(self.store.conn(), &username)?,
            request.if_exists,
        ) {
            (Some(user), IfExists::Keep) => return Ok((Outcome::Unchanged, user)),
            (Some(_), IfExists::Fail) => {
                return Err(Error::invalid("That username is already taken.").into());
            }
            _ => {}
        }
        let mut errors = validators::username_errors(&username);
        errors.extend(validators::email_errors(&email));
        if let Some(password) = &request.password {
            if password.expose().trim().is_empty() {
                errors.push(BLANK_PASSWORD.into());
            } else if !request.skip_validation {
                let attrs = UserAttributes {
                    username: &username,
                    email: &email,
                    ..UserAttributes::default()
                };
                errors.extend(self.password_problems(password, &attrs));
            }
        }
        if !errors.is_empty() {
            return Err(Error::invalid_all(errors).into());
        }
        // Hash before taking the write lock: the slow part must not hold up other processes.
        let hash = request
            .password
            .as_ref()
            .map(|p| hashers::make_password(p.expose(), &self.hashing));
        let now = self.now;
        let if_exists = request.if_exists;
        self.store.write(|tx| {
            match users::by_username(tx, &username)? {
                None => {
                    let new = NewUser {
                        username: username.clone(),
                        email: email.clone(),
                        first_name: String::new(),
                        last_name: String::new(),
                        password: hash.unwrap_or_else(hashers::make_unusable),
                        is_staff: true,
                        is_superuser: true,
                        is_active: true,
                        date_joined: now,
                    };
                    let id = users::insert(tx, &new)?;
                    let user = users::by_id(tx, id)?.expect("row inserted in this transaction");
                    Ok((Outcome::Created, user))
                }
                // Another process created it between the first look and this transaction.
                Some(user) if if_exists == IfExists::Keep => Ok((Outcome::Unchanged, user)),
                Some(_) if if_exists == IfExists::Fail => {
                    Err(Error::invalid("That username is already taken.").into())
                }
                Some(mut user) => {
                    user.is_staff = true;
                    user.is_superuser = true;
                    user.is_active = true;
                    if !email.is_empty() {
                        user.email = email.clone();
                    }
                    users::update_profile(tx, &user)?;
                    if let Some(hash) = &hash {
                        users::set_password(tx, user.id, hash)?;
                        user.password = hash.clone();
                    }
                    Ok((Outcome::Updated, user))
                }
            }
        })
    }

    /// Django's `UserCreationForm`: every field's errors are collected and reported together.
    pub fn signup(&mut self, request: SignupRequest) -> Result<User> {
        let username = validators::normalize_username(request.username.trim());
        let email = validators::normalize_email(&request.email);
        let first_name = request.first_name.trim().to_string();
        let last_name = request.last_name.trim().to_string();
        let mut errors = Vec::new();
        if username.is_empty() {
            errors.push("This field is required.".to_string());
        } else {
            errors.extend(validators::username_errors(&username));
            if users::username_taken_ignoring_case(self.store.conn(), &username, None)? {
                errors.push(USERNAME_EXISTS.into());
            }
        }
        errors.extend(validators::email_errors(&email));
        errors.extend(validators::max_length_message(
            validators::NAME_MAX,
            &first_name,
        ));
        errors.extend(validators::max_length_message(
            validators::NAME_MAX,
            &last_name,
        ));
        match &request.password {
            Some(password) if !password.is_empty() => {
                let attrs = UserAttributes {
                    username: &username,
                    first_name: &first_name,
                    last_name: &last_name,
                    email: &email,
                };
                errors.extend(self.password_problems(password, &attrs));
            }
            _ => errors.push("This field is required.".into()),
        }
        if !errors.is_empty() {
            return Err(Error::invalid_all(errors).into());
        }
        let password = request.password.expect("checked above");
        let hash = hashers::make_password(password.expose(), &self.hashing);
        let new = NewUser {
            username,
            email,
            first_name,
            last_name,
            password: hash,
            is_staff: false,
            is_superuser: false,
            is_active: true,
            date_joined: self.now,
        };
        self.store.write(|tx| {
            // Checked again under the write lock: another signup may have won the race.
            if users::username_taken_ignoring_case(tx, &new.username, None)? {
                return Err(Error::invalid(USERNAME_EXISTS).into());
            }
            let id = users::insert(tx, &new)?;
            Ok(users::by_id(tx, id)?.expect("row inserted in this transaction"))
        })
    }

    /// Django's `ModelBackend.authenticate`: the password must match and the user be active.
    ///
    /// Every failure is the same denial after the same hashing work: an unknown user, an
    /// unusable or unreadable hash still costs one hash with the preferred hasher (Django's
    /// timing mitigation, extended to unusable passwords).
    pub fn authenticate(&mut self, username: &str, password: &Secret) -> Result<Authenticated> {
        let username = validators::normalize_username(username);
        let user = users::by_username(self.store.conn(), &username)?;
        let Some(user) = user else {
            hashers::make_password(password.expose(), &self.hashing);
            return Err(Error::denied(LOGIN_FAILED).into());
        };
        if !hashers::is_usable(&user.password) || hashers::identify(&user.password).is_none() {
            hashers::make_password(password.expose(), &self.hashing);
            return Err(Error::denied(LOGIN_FAILED).into());
        }
        let verdict = hashers::check_password(password.expose(), &user.password, &self.hashing);
        if !verdict.matches {
            return Err(Error::denied(LOGIN_FAILED).into());
        }
        let upgrade = if verdict.must_update {
            self.upgrade_hash(&user, password)
        } else {
            Upgrade::NotNeeded
        };
        if !user.is_active {
            return Err(Error::denied(LOGIN_FAILED).into());
        }
        Ok(Authenticated { user, upgrade })
    }

    /// Re-encodes an outdated hash, unless the password changed meanwhile; failures (a
    /// read-only database) are reported, never raised.
    fn upgrade_hash(&mut self, user: &User, password: &Secret) -> Upgrade {
        let new = hashers::make_password(password.expose(), &self.hashing);
        match self
            .store
            .write(|tx| users::replace_password(tx, user.id, &user.password, &new))
        {
            Ok(_) => Upgrade::Done,
            Err(err) => Upgrade::Failed(format!("{err:#}")),
        }
    }
}
