//! `md5$<salt>$<hex digest of salt + password>`: legacy, verified so old users can log in and be
//! upgraded, never chosen for new passwords unless configured.

use super::{constant_time_eq, salt_too_short};
use md5::{Digest, Md5};

pub struct Decoded<'a> {
    salt: &'a str,
}

impl<'a> Decoded<'a> {
    pub fn parse(encoded: &'a str) -> Option<Self> {
        let mut parts = encoded.splitn(3, '$');
        if parts.next()? != "md5" {
            return None;
        }
        let salt = parts.next()?;
        parts.next()?;
        Some(Decoded { salt })
    }
}

pub fn encode(password: &str, salt: &str) -> String {
    let mut hasher = Md5::new();
    hasher.update(salt.as_bytes());
    hasher.update(password.as_bytes());
    format!("md5${salt}${}", crate::tokens::hex(&hasher.finalize()))
}

pub fn verify(password: &str, encoded: &str) -> bool {
    match Decoded::parse(encoded) {
        Some(d) => constant_time_eq(encoded, encode(password, d.salt)),
        None => false,
    }
}

pub fn must_update(encoded: &str) -> bool {
    Decoded::parse(encoded).is_none_or(|d| salt_too_short(d.salt.chars().count()))
}
