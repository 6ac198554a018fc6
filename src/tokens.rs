//! Django's keyed hashes: `salted_hmac`, and the secret key they are keyed with.

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

/// Django's `PasswordResetTokenGenerator`: `<base36 timestamp>-<every other hex digit of a
/// salted HMAC-SHA256>` over the user's id, password hash, last login, the timestamp and email.
/// A token is spent as soon as the password or `last_login` changes.
pub mod reset {
    use super::{SecretKeys, salted_hmac_sha256};
    use crate::hashers::constant_time_eq;
    use crate::store::User;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE;
    use chrono::{DateTime, NaiveDate, Utc};

    const KEY_SALT: &str = "django.contrib.auth.tokens.PasswordResetTokenGenerator";

    /// Seconds since 2001-01-01 (Django's `_num_seconds`), in UTC.
    pub fn timestamp(now: DateTime<Utc>) -> i64 {
        let epoch = NaiveDate::from_ymd_opt(2001, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("valid date")
            .and_utc();
        (now - epoch).num_seconds()
    }

    fn hash_value(user: &User, timestamp: i64) -> String {
        let login = user
            .last_login
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        format!(
            "{}{}{login}{timestamp}{}",
            user.id, user.password, user.email
        )
    }

    fn token_at(user: &User, timestamp: i64, secret: &str) -> String {
        let hmac = salted_hmac_sha256(KEY_SALT, &hash_value(user, timestamp), secret);
        let short: String = hmac.chars().step_by(2).collect();
        format!("{}-{short}", to_base36(timestamp))
    }

    pub fn make_token(user: &User, keys: &SecretKeys, now: DateTime<Utc>) -> String {
        token_at(user, timestamp(now), &keys.current)
    }

    /// Django's `check_token`: valid for any of the keys, up to and including `timeout` seconds.
    pub fn check_token(
        user: &User,
        token: &str,
        keys: &SecretKeys,
        now: DateTime<Utc>,
        timeout: u64,
    ) -> bool {
        let Some((ts_b36, _)) = token.split_once('-') else {
            return false;
        };
        if token.matches('-').count() != 1 {
            return false;
        }
        let Some(ts) = from_base36(ts_b36) else {
            return false;
        };
        if !keys
            .all()
            .any(|key| constant_time_eq(&token_at(user, ts, key), token))
        {
            return false;
        }
        timestamp(now) - ts <= timeout as i64
    }

    pub fn to_base36(mut n: i64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        if n <= 0 {
            return "0".into();
        }
        let mut out = Vec::new();
        while n > 0 {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
        }
        out.reverse();
        String::from_utf8(out).expect("ASCII digits")
    }

    /// Django's `base36_to_int`, which refuses more than 13 digits.
    pub fn from_base36(s: &str) -> Option<i64> {
        if s.is_empty() || s.len() > 13 {
            return None;
        }
        i64::from_str_radix(s, 36).ok().filter(|n| *n >= 0)
    }

    /// Django's `urlsafe_base64_encode(force_bytes(pk))`, padding stripped.
    pub fn uidb64(id: i64) -> String {
        URL_SAFE
            .encode(id.to_string())
            .trim_end_matches('=')
            .to_string()
    }

    /// The user id in a `uidb64`, if it decodes to one.
    pub fn decode_uidb64(uidb64: &str) -> Option<i64> {
        let mut padded = uidb64.to_string();
        while !padded.len().is_multiple_of(4) {
            padded.push('=');
        }
        let bytes = URL_SAFE.decode(padded).ok()?;
        std::str::from_utf8(&bytes).ok()?.parse().ok()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn base36_and_uidb64_round_trip() {
            assert_eq!(to_base36(0), "0");
            assert_eq!(to_base36(35), "z");
            assert_eq!(from_base36(&to_base36(820_000_000)), Some(820_000_000));
            assert_eq!(from_base36("zzzzzzzzzzzzzz"), None);
            assert_eq!(from_base36("-1"), None);
            assert_eq!(uidb64(1), "MQ");
            assert_eq!(decode_uidb64("MQ"), Some(1));
            assert_eq!(decode_uidb64(&uidb64(123456)), Some(123456));
            assert_eq!(decode_uidb64("!!"), None);
        }
    }
}
