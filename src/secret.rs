//! Secrets held in memory: passwords ([`Secret`]) and Django's `SECRET_KEY` with its fallbacks
//! ([`SecretKeys`]), never printed by `Debug` and wiped when dropped. A key that is not
//! configured is generated once and kept in a private file ([`KeySource`]).

use crate::error::{Error, IoContext, Result};
use crate::private_file::{self, Existing};
use rand::Rng;
use std::fmt;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(Zeroizing::new(value))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Empty or only white space: what Django calls a blank password.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Django's `SECRET_KEY` and `SECRET_KEY_FALLBACKS`.
#[derive(Clone)]
pub struct SecretKeys {
    pub current: Secret,
    pub fallbacks: Vec<Secret>,
}

impl fmt::Debug for SecretKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKeys(*** and {} fallbacks)", self.fallbacks.len())
    }
}

impl SecretKeys {
    /// The current key first, then the fallbacks: what a token or hash may have been made with.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.current)
            .chain(&self.fallbacks)
            .map(Secret::expose)
    }
}

/// Keys shorter than this work, with a warning (Django's `check --deploy` asks for long keys).
pub const SHORT_KEY: usize = 32;

/// Whether a key holds nothing that signs: only white space, control or invisible formatting
/// characters (zero-width spaces, a byte-order mark).
pub fn is_blank_key(key: &str) -> bool {
    key.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    })
}

/// Where the secret keys come from: configured, or generated on first need and kept (0600) in
/// a file — never in the user database.
#[derive(Debug, Clone)]
pub enum KeySource {
    Configured(SecretKeys),
    File {
        path: PathBuf,
        fallbacks: Vec<Secret>,
    },
}

impl KeySource {
    /// Whether the key is authctl's own (generated once and kept in a file), not one the
    /// configuration gives.
    pub fn is_generated(&self) -> bool {
        matches!(self, KeySource::File { .. })
    }

    pub fn resolve(&self) -> Result<SecretKeys> {
        match self {
            KeySource::Configured(keys) => Ok(keys.clone()),
            KeySource::File { path, fallbacks } => Ok(SecretKeys {
                current: Secret::new(stored_or_generated(path)?),
                fallbacks: fallbacks.clone(),
            }),
        }
    }
}

fn stored_or_generated(path: &Path) -> Result<String> {
    use std::os::unix::fs::MetadataExt;
    if !path.exists() {
        // Two processes may race here; the loser keeps the winner's key.
        private_file::write(path, generate_secret_key().as_bytes(), Existing::Keep)?;
    }
    // Like ssh with a private key: a key others can read is not a secret any more.
    let meta = std::fs::metadata(path)
        .context(|| format!("cannot read the secret key file {}", path.display()))?;
    if meta.mode() & 0o077 != 0 {
        return Err(Error::Environment(format!(
            "the secret key file {} is readable by others (mode {:o}); run chmod 600 on it",
            path.display(),
            meta.mode() & 0o777
        )));
    }
    let key = std::fs::read_to_string(path)
        .context(|| format!("cannot read the secret key file {}", path.display()))?;
    let key = key.trim_end_matches(['\r', '\n']).to_string();
    if is_blank_key(&key) {
        return Err(Error::Environment(format!(
            "the secret key file {} is empty",
            path.display()
        )));
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

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let keys = SecretKeys {
            current: Secret::from("hunter2"),
            fallbacks: vec![Secret::from("hunter3")],
        };
        let debug = format!("{:?} {:?}", keys, Secret::from("hunter2"));
        assert!(!debug.contains("hunter"), "{debug}");
    }
}
