//! Login sessions: the session file a `login` leaves behind, the hash the database keeps in
//! place of its key, and Django's session auth hash that ties a session to the password.

use crate::crypto::{random_bytes, salted_hmac_sha256, sha256_hex};
use crate::error::{Error, Result};
use crate::private_file::{self, Existing};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What the session file holds. The key is the only secret; the database only has its hash.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFile {
    pub key: String,
    pub database: String,
    pub username: String,
}

impl std::fmt::Debug for SessionFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionFile")
            .field("key", &"***")
            .field("database", &self.database)
            .field("username", &self.username)
            .finish()
    }
}

/// A new session key: 256 random bits, URL-safe base64.
pub fn new_key() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// What the database stores in place of the key.
pub fn key_hash(key: &str) -> String {
    sha256_hex(key.as_bytes())
}

/// Django's `AbstractBaseUser.get_session_auth_hash`: ties a session to the password hash, so a
/// password change ends it.
pub fn auth_hash(password_hash: &str, secret: &str) -> String {
    salted_hmac_sha256(
        "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
        password_hash,
        secret,
    )
}

/// The file's state, read without failing: a file that is missing, empty, unreadable or not a
/// session file is a reason, not an error.
pub enum FileState {
    Missing,
    /// There, but empty: nothing of anyone's to lose.
    Empty,
    /// Unreadable, damaged, or some other file: never replaced or removed, since it may be
    /// someone's notes rather than a session.
    Foreign(String),
    Present(SessionFile),
}

impl FileState {
    /// Whether `login` may put a session here, or `logout` remove what is here.
    pub fn is_ours(&self) -> bool {
        !matches!(self, FileState::Foreign(_))
    }
}

pub fn read(path: &Path) -> FileState {
    // A device or a pipe is nobody's session (and a pipe would block the read).
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return FileState::Missing,
        Ok(meta) if !meta.file_type().is_file() => {
            return FileState::Foreign(format!(
                "cannot read session file {}: it is not a regular file",
                path.display()
            ));
        }
        _ => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return FileState::Missing,
        Err(e) => {
            return FileState::Foreign(format!("cannot read session file {}: {e}", path.display()));
        }
    };
    parse(&bytes, path)
}

/// What a session file's bytes are: empty, a session, or something else.
pub fn parse(bytes: &[u8], path: &Path) -> FileState {
    if bytes.is_empty() {
        return FileState::Empty;
    }
    match serde_json::from_slice::<SessionFile>(bytes) {
        Ok(file) if !file.key.is_empty() => FileState::Present(file),
        _ => FileState::Foreign(format!(
            "session file {} is damaged or not an authctl session file",
            path.display()
        )),
    }
}

pub fn write(path: &Path, file: &SessionFile) -> Result<()> {
    let json = serde_json::to_string_pretty(file).expect("strings always serialise");
    private_file::write(path, format!("{json}\n").as_bytes(), Existing::Replace)?;
    Ok(())
}

pub fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(
            format!("cannot remove session file {}", path.display()),
            e,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_long_random_and_only_hashed() {
        let key = new_key();
        assert!(key.len() >= 43);
        assert_ne!(key, new_key());
        assert_eq!(key_hash(&key).len(), 64);
        assert_ne!(key_hash(&key), key);
    }

    #[test]
    fn damaged_and_missing_files_are_reasons_not_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session");
        assert!(matches!(read(&path), FileState::Missing));
        std::fs::write(&path, "{\"key\": \"abc\", \"datab").unwrap();
        assert!(matches!(read(&path), FileState::Foreign(_)));
        std::fs::write(&path, "").unwrap();
        assert!(matches!(read(&path), FileState::Empty));
        let file = SessionFile {
            key: "k".into(),
            database: "/db".into(),
            username: "u".into(),
        };
        write(&path, &file).unwrap();
        assert!(matches!(read(&path), FileState::Present(f) if f == file));
    }
}
