//! The account flows with Django's rules and messages: create a superuser, sign up,
//! authenticate, log in and out, check a session, change a password, and request and confirm a
//! password reset. Nothing here prints or prompts: commands gather input and show the results.

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::hashers::{self, Algorithm, HashConfig};
use crate::mail::ResetEmail;
use crate::secret::Secret;
use crate::session::{self, FileState, SessionFile, not_logged_in};
use crate::store::sessions::{self, SessionRow};
use crate::store::users::Column;
use crate::store::{NewUser, Store, User, users};
use crate::tokens::{self, SecretKeys, reset};
use crate::validators::{self, UserAttributes};
use chrono::{DateTime, Utc};
use std::path::Path;

/// Django's `AuthenticationForm` error, the same for every kind of failure.
pub const LOGIN_FAILED: &str =
    "Please enter a correct username and password. Note that both fields may be case-sensitive.";
pub const USERNAME_EXISTS: &str = "A user with that username already exists.";
/// `createsuperuser`'s message for a taken username (exact match, as Django's).
pub const USERNAME_TAKEN: &str = "That username is already taken.";
pub const PASSWORD_MISMATCH: &str = "The two password fields didn\u{2019}t match.";
pub const BLANK_PASSWORD: &str = "Blank passwords aren't allowed.";
pub const RESET_LINK_INVALID: &str = "The password reset link was invalid, possibly because it has already been used. Please request a new password reset.";
pub const OLD_PASSWORD_WRONG: &str =
    "Your old password was entered incorrectly. Please enter it again.";

/// An open database with the rules that apply to it.
pub struct Accounts {
    pub(crate) store: Store,
    pub(crate) hashing: HashConfig,
    pub(crate) settings: Settings,
    pub(crate) now: DateTime<Utc>,
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

#[derive(Debug)]
pub struct LoggedIn {
    pub user: User,
    pub session: SessionRow,
    pub upgrade: Upgrade,
}

/// A valid session and its user.
#[derive(Debug)]
pub struct Current {
    pub user: User,
    pub session: SessionRow,
}

impl Accounts {
    /// Opens the configured database; `create` lets a command that adds users start a new one.
    pub fn open(settings: &Settings, now: DateTime<Utc>, create: bool) -> Result<Accounts> {
        let store = Store::open(&settings.database, create)?;
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
            settings: settings.clone(),
            now,
        })
    }

    pub fn hashing(&self) -> &HashConfig {
        &self.hashing
    }

    pub fn find(&self, username: &str) -> Result<Option<User>> {
        users::by_username(self.store.conn(), &validators::normalize_username(username))
    }

    /// Django's `createsuperuser` username check, with its messages; `None` when usable.
    pub fn superuser_username_problem(&self, username: &str) -> Result<Option<String>> {
        let username = validators::normalize_username(username);
        if users::by_username(self.store.conn(), &username)?.is_some() {
            return Ok(Some(USERNAME_TAKEN.into()));
        }
        let errors = validators::username_errors(&username);
        Ok((!errors.is_empty()).then(|| errors.join("; ")))
    }

    /// The enabled password validators' messages for this password and user.
    pub fn password_problems(&self, password: &Secret, user: &UserAttributes) -> Vec<String> {
        validators::password_errors(password.expose(), user, &self.settings.validators)
    }

    pub fn create_superuser(&mut self, request: SuperuserRequest) -> Result<(Outcome, User)> {
        let username = validators::normalize_username(&request.username);
        let email = validators::normalize_email(&request.email);
        match (
            users::by_username(self.store.conn(), &username)?,
            request.if_exists,
        ) {
            (Some(user), IfExists::Keep) => {
                return kept(user).map(|user| (Outcome::Unchanged, user));
            }
            (Some(_), IfExists::Fail) => {
                return Err(Error::invalid(USERNAME_TAKEN).into());
            }
            _ => {}
        }
        let mut errors = validators::username_errors(&username);
        errors.extend(validators::email_errors(&email));
        if let Some(password) = &request.password {
            if password.is_blank() {
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
                Some(user) if if_exists == IfExists::Keep => {
                    kept(user).map(|user| (Outcome::Unchanged, user))
                }
                Some(_) if if_exists == IfExists::Fail => {
                    Err(Error::invalid(USERNAME_TAKEN).into())
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

    /// The signup form's complaints about a username (required, valid, not taken ignoring case),
    /// so a terminal can report them before asking for a password.
    pub fn signup_username_problems(&self, username: &str) -> Result<Vec<String>> {
        let username = validators::normalize_username(username.trim());
        if username.is_empty() {
            return Ok(vec!["This field is required.".to_string()]);
        }
        let mut errors = validators::username_errors(&username);
        if users::username_taken_ignoring_case(self.store.conn(), &username, None)? {
            errors.push(USERNAME_EXISTS.into());
        }
        Ok(errors)
    }

    /// Django's `UserCreationForm`: every field's errors are collected and reported together.
    pub fn signup(&mut self, request: SignupRequest) -> Result<User> {
        let username = validators::normalize_username(request.username.trim());
        let email = validators::normalize_email(&request.email);
        let first_name = request.first_name.trim().to_string();
        let last_name = request.last_name.trim().to_string();
        let mut errors = self.signup_username_problems(&username)?;
        errors.extend(validators::email_errors(&email));
        errors.extend(validators::name_errors(&first_name));
        errors.extend(validators::name_errors(&last_name));
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
        let mut user = user;
        let upgrade = if verdict.must_update {
            self.upgrade_hash(&mut user, password)
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
    fn upgrade_hash(&mut self, user: &mut User, password: &Secret) -> Upgrade {
        let new = hashers::make_password(password.expose(), &self.hashing);
        match self
            .store
            .write(|tx| users::replace_password(tx, user.id, &user.password, &new))
        {
            Ok(true) => {
                user.password = new;
                Upgrade::Done
            }
            Ok(false) => Upgrade::Failed("the password changed meanwhile".into()),
            Err(err) => Upgrade::Failed(format!("{err:#}")),
        }
    }

    /// Django's `LoginView`: authenticate, set `last_login`, start a session and write the
    /// session file — all or nothing. A previous session from the same file is ended.
    pub fn login(&mut self, username: &str, password: &Secret, path: &Path) -> Result<LoggedIn> {
        let auth = self.authenticate(username, password)?;
        let keys = SecretKeys::resolve(&self.settings)?;
        self.store.migrate()?;
        let identity = self.store.identity();
        let previous = match session::read(path) {
            FileState::Present(file) if file.database == identity => {
                Some(session::key_hash(&file.key))
            }
            _ => None,
        };
        let file = SessionFile {
            key: session::new_key(),
            database: identity,
            username: auth.user.username.clone(),
        };
        let now = self.now;
        // session_age is capped at a century when the settings are read, so this cannot overflow.
        let expires = now + chrono::Duration::seconds(self.settings.session_age as i64);
        let auth_hash = tokens::session_auth_hash(&auth.user.password, &keys.current);
        let user_id = auth.user.id;
        let result = self.store.write(|tx| {
            if let Some(previous) = &previous {
                sessions::delete_by_key_hash(tx, previous)?;
            }
            sessions::delete_expired(tx, now)?;
            users::set_last_login(tx, user_id, now)?;
            let id = sessions::insert(
                tx,
                &session::key_hash(&file.key),
                user_id,
                now,
                expires,
                &auth_hash,
            )?;
            // Written inside the transaction: if the file cannot be written, nothing commits.
            session::write(path, &file)?;
            Ok(id)
        });
        if result.is_err() {
            // The commit itself may have failed after the file was written.
            if matches!(session::read(path), FileState::Present(w) if w.key == file.key) {
                session::remove(path).ok();
            }
        }
        let session_id = result?;
        let user = users::by_id(self.store.conn(), user_id)?
            .ok_or_else(|| not_logged_in("the user was deleted"))?;
        Ok(LoggedIn {
            user,
            session: SessionRow {
                id: session_id,
                user_id,
                created: now,
                expires,
                auth_hash,
            },
            upgrade: auth.upgrade,
        })
    }

    /// The logged-in user, if the session file names a valid session of this database.
    pub fn current(&mut self, path: &Path) -> Result<Current> {
        let file = match session::read(path) {
            FileState::Missing => {
                return Err(not_logged_in(format!(
                    "no session file at {} (run authctl login)",
                    path.display()
                )));
            }
            FileState::Unusable(reason) => return Err(not_logged_in(reason)),
            FileState::Present(file) => file,
        };
        let identity = self.store.identity();
        if file.database != identity {
            return Err(not_logged_in(format!(
                "the session file is for database {}, not {identity}",
                file.database
            )));
        }
        let Some(row) = sessions::by_key_hash(self.store.conn(), &session::key_hash(&file.key))?
        else {
            return Err(not_logged_in(
                "the session has ended (logged out, replaced, or the password changed)",
            ));
        };
        if row.expires <= self.now {
            // Best effort: a read-only database still gets the right answer.
            self.store.write(|tx| sessions::delete(tx, row.id)).ok();
            return Err(not_logged_in(format!(
                "the session expired at {} UTC",
                crate::store::format_datetime(row.expires)
            )));
        }
        let Some(user) = users::by_id(self.store.conn(), row.user_id)? else {
            return Err(not_logged_in("the user no longer exists"));
        };
        if !user.is_active {
            return Err(not_logged_in("the user is inactive"));
        }
        let keys = SecretKeys::resolve(&self.settings)?;
        let matches = keys.all().any(|key| {
            hashers::constant_time_eq(
                tokens::session_auth_hash(&user.password, key),
                &row.auth_hash,
            )
        });
        if !matches {
            return Err(not_logged_in(
                "the password (or the secret key) changed since this login",
            ));
        }
        Ok(Current { user, session: row })
    }

    /// Django's `LogoutView`; not being logged in is not an error. Returns how many sessions
    /// ended (`all` ends every session of the user).
    pub fn logout(&mut self, path: &Path, all: bool) -> Result<usize> {
        let file = match session::read(path) {
            FileState::Missing => return Ok(0),
            FileState::Unusable(_) => {
                session::remove(path)?;
                return Ok(0);
            }
            FileState::Present(file) => file,
        };
        // Another database's session file is left for that database.
        if file.database != self.store.identity() {
            return Ok(0);
        }
        let row = sessions::by_key_hash(self.store.conn(), &session::key_hash(&file.key))?;
        let ended = match row {
            None => 0,
            Some(row) => self.store.write(|tx| match all {
                true => sessions::delete_for_user(tx, row.user_id, None),
                false => sessions::delete(tx, row.id),
            })?,
        };
        session::remove(path)?;
        Ok(ended)
    }

    /// Django's `PasswordChangeView`: the old password must match; the new one is validated and
    /// stored, this session stays valid and every other session of the user ends.
    pub fn change_password(&mut self, path: &Path, old: &Secret, new: &Secret) -> Result<User> {
        let current = self.current(path)?;
        let mut user = current.user;
        if !hashers::check_password(old.expose(), &user.password, &self.hashing).matches {
            return Err(Error::denied(OLD_PASSWORD_WRONG).into());
        }
        self.check_new_password(new, &user)?;
        let hash = hashers::make_password(new.expose(), &self.hashing);
        let keys = SecretKeys::resolve(&self.settings)?;
        let auth_hash = tokens::session_auth_hash(&hash, &keys.current);
        let (old_hash, session_id, user_id) = (user.password.clone(), current.session.id, user.id);
        self.store.write(|tx| {
            if !users::replace_password(tx, user_id, &old_hash, &hash)? {
                return Err(not_logged_in(
                    "the password was changed by someone else meanwhile",
                ));
            }
            sessions::set_auth_hash(tx, session_id, &auth_hash)?;
            sessions::delete_for_user(tx, user_id, Some(session_id))?;
            Ok(())
        })?;
        user.password = hash;
        Ok(user)
    }

    /// A new password for an existing user: non-blank, and the validators (Django's
    /// `SetPasswordForm`).
    pub fn check_new_password(&self, password: &Secret, user: &User) -> Result<()> {
        if password.is_empty() {
            return Err(Error::invalid("This field is required.").into());
        }
        let attrs = UserAttributes {
            username: &user.username,
            first_name: &user.first_name,
            last_name: &user.last_name,
            email: &user.email,
        };
        let problems = self.password_problems(password, &attrs);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_all(problems).into())
        }
    }

    /// Django's `PasswordResetForm`: a reset email for every active user with a usable password
    /// whose email matches (NFKC, case-insensitive). Whether any matched is not for the caller to
    /// show: the same answer must come back either way.
    pub fn reset_request(&self, email: &str) -> Result<Vec<ResetEmail>> {
        let email = email.trim();
        if email.is_empty() {
            return Err(Error::invalid("This field is required.").into());
        }
        let errors = validators::email_errors(email);
        if !errors.is_empty() {
            return Err(Error::invalid_all(errors).into());
        }
        let keys = SecretKeys::resolve(&self.settings)?;
        let wanted = fold_email(email);
        let mut emails = Vec::new();
        let ids = users::ids_where(self.store.conn(), Column::ActiveEmail, |email| {
            fold_email(email) == wanted
        })?;
        for id in ids {
            let Some(user) = users::by_id(self.store.conn(), id)? else {
                continue;
            };
            if hashers::is_usable(&user.password) {
                emails.push(ResetEmail {
                    to: user.email.clone(),
                    username: user.username.clone(),
                    uidb64: reset::uidb64(user.id),
                    token: reset::make_token(&user, &keys, self.now),
                });
            }
        }
        Ok(emails)
    }

    /// The user a reset link is for, if the link is valid now (Django's
    /// `PasswordResetConfirmView`); every kind of bad link is the same denial.
    pub fn check_reset(&self, uidb64: &str, token: &str) -> Result<User> {
        let keys = SecretKeys::resolve(&self.settings)?;
        let user = match reset::decode_uidb64(uidb64) {
            Some(id) => users::by_id(self.store.conn(), id)?,
            None => None,
        };
        match user {
            Some(user)
                if reset::check_token(
                    &user,
                    token,
                    &keys,
                    self.now,
                    self.settings.password_reset_timeout,
                ) =>
            {
                Ok(user)
            }
            _ => Err(Error::denied(RESET_LINK_INVALID).into()),
        }
    }

    /// Sets the new password from a valid reset link; the link is spent and every session of
    /// the user ends.
    pub fn reset_confirm(&mut self, uidb64: &str, token: &str, new: &Secret) -> Result<User> {
        let mut user = self.check_reset(uidb64, token)?;
        self.check_new_password(new, &user)?;
        let hash = hashers::make_password(new.expose(), &self.hashing);
        let (old_hash, user_id) = (user.password.clone(), user.id);
        self.store.write(|tx| {
            // A second use of the same link races to here: only one can replace the old hash.
            if !users::replace_password(tx, user_id, &old_hash, &hash)? {
                return Err(Error::denied(RESET_LINK_INVALID).into());
            }
            sessions::delete_for_user(tx, user_id, None)?;
            Ok(())
        })?;
        user.password = hash;
        Ok(user)
    }

    /// Active sessions of a user (for the admin view).
    pub fn session_count(&self, user_id: i64) -> Result<i64> {
        sessions::count_for_user(self.store.conn(), user_id, self.now)
    }
}

/// `--if-missing` keeps an existing superuser; an existing ordinary user is not what a deploy
/// script asked for, and saying "already exists" would let it believe an admin is there.
pub fn kept(user: User) -> Result<User> {
    if user.is_superuser && user.is_staff && user.is_active {
        Ok(user)
    } else {
        Err(Error::invalid(format!(
            "user {} exists but is not an active staff superuser; use --update to make it one",
            user.username
        ))
        .into())
    }
}

/// Django's `_unicode_ci_compare` form of an address: NFKC, then lower case (Python's
/// `casefold()` differs only for a few letters such as `ß`).
fn fold_email(email: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    email.nfkc().collect::<String>().to_lowercase()
}
