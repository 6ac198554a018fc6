//! Django's keyed hashes: the secret key (configured, or generated once and kept private),
//! `salted_hmac`, the session auth hash, and password reset tokens ([`reset`]).

pub mod reset;

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::private_file::{self, Existing};
use anyhow::Context;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};

/// Django's `SECRET_KEY` and `SECRET_KEY_FALLBACKS`.
#[derive(Clone)]
pub struct SecretKeys {
    pub current: String,
    pub fallbacks: Vec<String>,
}

impl std::fmt::Debug for SecretKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKeys(*** and {} fallbacks)", self.fallbacks.len())
    }
}

impl SecretKeys {
    /// The configured key, or the one generated on first need and kept (0600) in the config
    /// directory — never in the user database.
    pub fn resolve(settings: &Settings) -> Result<SecretKeys> {
        let current = match &settings.secret_key {
            Some(key) => key.expose().to_string(),
            None => stored_or_generated(&settings.secret_key_file)?,
        };
        Ok(SecretKeys {
            current,
            fallbacks: settings
                .secret_key_fallbacks
                .iter()
                .map(|k| k.expose().to_string())
                .collect(),
        })
    }

    /// The current key first, then the fallbacks: what a token or hash may have been made with.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.current.as_str()).chain(self.fallbacks.iter().map(String::as_str))
    }
}

fn stored_or_generated(path: &std::path::Path) -> Result<String> {
    use std::os::unix::fs::MetadataExt;
    if !path.exists() {
        // Two processes may race here; the loser keeps the winner's key.
        private_file::write(path, generate_secret_key().as_bytes(), Existing::Keep)?;
    }
    // Like ssh with a private key: a key others can read is not a secret any more.
    let meta = std::fs::metadata(path)
        .with_context(|| format!("cannot read the secret key file {}", path.display()))?;
    if meta.mode() & 0o077 != 0 {
        return Err(Error::environment(format!(
            "the secret key file {} is readable by others (mode {:o}); run chmod 600 on it",
            path.display(),
            meta.mode() & 0o777
        ))
        .into());
    }
    let key = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the secret key file {}", path.display()))?;
    let key = key.trim_end_matches(['\r', '\n']).to_string();
    if key.is_empty() {
        return Err(
            Error::environment(format!("the secret key file {} is empty", path.display())).into(),
        );
    }
    Ok(key)
}

/// Django's `get_random_secret_key`: 50 characters from its alphabet.
pub fn generate_secret_key() -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";
    let mut rng = rand::rng();
    (0..50)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}

/// Django's `salted_hmac(key_salt, value, secret, algorithm="sha256")`, as lowercase hex.
pub fn salted_hmac_sha256(key_salt: &str, value: &str, secret: &str) -> String {
    let key = Sha256::new()
        .chain_update(key_salt.as_bytes())
        .chain_update(secret.as_bytes())
        .finalize();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes keys of any length");
    mac.update(value.as_bytes());
    hex(&mac.finalize().into_bytes())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Django's `AbstractBaseUser.get_session_auth_hash`: ties a session to the password hash, so a
/// password change ends it.
pub fn session_auth_hash(password_hash: &str, secret: &str) -> String {
    salted_hmac_sha256(
        "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
        password_hash,
        secret,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_look_like_djangos() {
        let key = generate_secret_key();
        assert_eq!(key.len(), 50);
        assert_ne!(key, generate_secret_key());
    }

    #[test]
    fn stored_key_is_generated_once_and_private() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("cfg/secret_key");
        let first = stored_or_generated(&path).unwrap();
        assert_eq!(stored_or_generated(&path).unwrap(), first);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = stored_or_generated(&path).unwrap_err();
        assert!(err.to_string().contains("readable by others"), "{err}");
    }
}
