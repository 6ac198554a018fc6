//! The account flows with Django's rules and messages, one file per flow: create a superuser
//! ([`superuser`]), sign up ([`signup`]), authenticate ([`auth`]), log in and out
//! ([`session`]), change or set a password ([`password`]), reset it by email ([`reset`]), the
//! admin ([`admin`]) and bulk import/export ([`transfer`]). [`form`] is the one validation path
//! every way of creating or changing a user goes through.
//!
//! Nothing here prints, prompts, or reads the clock: an [`Accounts`] is given the time, the
//! hashers, the validators and the secret keys it works with.

pub mod admin;
pub mod audit;
pub mod auth;
mod form;
pub mod password;
pub mod perms;
pub mod reset;
pub mod session;
pub mod signup;
pub mod superuser;
pub mod transfer;

use crate::error::{Error, Result};
use crate::hashers::{Algorithm, HashParams, Hashers, Policy};
use crate::secret::{KeySource, SecretKeys};
use crate::store::{Database, Store, StoreConfig, Tx, User};
use crate::timezone::SiteTime;
use crate::validators::{self, PasswordValidators};
use audit::{Actor, AuditConfig, LockoutConfig};
use chrono::{DateTime, Utc};

/// The rules an [`Accounts`] applies, settled before it opens the database.
#[derive(Debug, Clone)]
pub struct Config {
    /// The hasher for new passwords; `None` takes the first of `hashers`, or decides from the
    /// database: argon2, but pbkdf2_sha256 on a Django project's database.
    pub hasher: Option<Algorithm>,
    /// The site's `PASSWORD_HASHERS`, by algorithm, in order, when known.
    pub hashers: Option<Vec<Algorithm>>,
    pub hash_params: HashParams,
    pub validators: PasswordValidators,
    pub keys: KeySource,
    /// Seconds a session lives (Django's `SESSION_COOKIE_AGE`).
    pub session_age: u64,
    /// Seconds a reset token lives (Django's `PASSWORD_RESET_TIMEOUT`).
    pub password_reset_timeout: u64,
    /// The user model and the site's clock.
    pub store: StoreConfig,
    pub lockout: LockoutConfig,
    pub audit: AuditConfig,
    /// Who runs the command, for the event log.
    pub actor: Actor,
}

/// An open database with the rules that apply to it.
pub struct Accounts {
    store: Store,
    hashers: Hashers,
    validators: PasswordValidators,
    keys: KeySource,
    session_age: u64,
    password_reset_timeout: u64,
    time: SiteTime,
    lockout: LockoutConfig,
    audit: AuditConfig,
    actor: Actor,
    now: DateTime<Utc>,
}

impl Accounts {
    /// Opens the database at `location`; `create` lets a command that adds users start a new
    /// one.
    pub fn open(
        database: &Database,
        create: bool,
        config: Config,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let store = Store::open(database, create, &config.store, now)?;
        let django = store.is_django_project();
        // A Django site without argon2-cffi cannot read argon2 hashes, so on a Django project's
        // database the default is the hasher every Django install has.
        let fallback = match django {
            true => Algorithm::Pbkdf2Sha256,
            false => Algorithm::Argon2,
        };
        let listed_first = config
            .hashers
            .as_ref()
            .and_then(|list| list.first().copied());
        let preferred = config.hasher.or(listed_first).unwrap_or(fallback);
        let policy = match config.hashers {
            Some(list) => Policy::Listed(list),
            None if django => Policy::KeepStored,
            None => Policy::Own,
        };
        Ok(Accounts {
            store,
            hashers: Hashers::new(preferred, &config.hash_params).with_policy(policy),
            validators: config.validators,
            keys: config.keys,
            session_age: config.session_age,
            password_reset_timeout: config.password_reset_timeout,
            time: config.store.time,
            lockout: config.lockout,
            audit: config.audit,
            actor: config.actor,
            now,
        })
    }

    pub fn hashers(&self) -> &Hashers {
        &self.hashers
    }

    /// Whether the database opened is no longer the one at its location (a SQLite file
    /// replaced or removed), so that a process answering many requests opens it again.
    pub fn database_replaced(&self) -> bool {
        self.store.replaced()
    }

    /// Moves the clock on, for a process that answers many requests (`verify --serve`): lock
    /// windows, token ages and event times are taken from it.
    pub fn set_now(&mut self, now: DateTime<Utc>) {
        self.now = now;
    }

    /// The user model found in the database.
    pub fn model(&self) -> &crate::store::UserModel {
        self.store.model()
    }

    /// The user with exactly this username (after Django's NFKC normalisation), if any.
    pub fn find(&mut self, username: &str) -> Result<Option<User>> {
        let username = validators::normalize_username(username);
        self.store.read(|tx| tx.user_by_username(&username))
    }

    /// The user with exactly this username, or "no such user" (exit 3).
    pub fn user(&mut self, username: &str) -> Result<User> {
        self.find(username)?
            .ok_or_else(|| Error::NoSuchUser(username.to_string()))
    }

    fn keys(&self) -> Result<SecretKeys> {
        self.keys.resolve()
    }
}

/// Whether the stored hash was re-encoded after a successful check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upgrade {
    NotNeeded,
    /// Re-encoded with this hasher.
    Done(Algorithm),
    /// Best effort only: the answer stands, the reason is for `-v`.
    Failed(String),
}

/// The one way a new password is stored: the hash replaces the old one (only if that is still
/// `expected`, when given) and the user's sessions end, except `keep`. Returns whether the hash
/// was stored.
fn store_password(
    tx: &mut dyn Tx,
    user_id: i64,
    expected: Option<&str>,
    hash: &str,
    keep: Option<i64>,
) -> Result<bool> {
    match expected {
        Some(old) => {
            if !tx.replace_password(user_id, old, hash)? {
                return Ok(false);
            }
        }
        None => tx.set_password(user_id, hash)?,
    }
    tx.delete_sessions_of_user(user_id, keep)?;
    Ok(true)
}

/// The row a transaction just inserted, read back.
fn inserted(tx: &mut dyn Tx, id: i64) -> Result<User> {
    tx.user_by_id(id)?
        .ok_or_else(|| Error::Environment(format!("user {id} vanished inside its transaction")))
}
