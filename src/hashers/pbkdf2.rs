//! `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` and its SHA-1 sibling.

use super::{constant_time_eq, salt_too_short};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

#[derive(Clone, Copy)]
pub enum Digest {
    Sha256,
    Sha1,
}

/// The most iterations a stored hash may ask for (fifty times Django's): beyond this a corrupt
/// or hostile row could stall a login for minutes, so it never matches.
pub const MAX_ITERATIONS: u32 = 50_000_000;

pub struct Decoded<'a> {
    digest: Digest,
    iterations: u32,
    salt: &'a str,
}

impl<'a> Decoded<'a> {
    pub fn parse(encoded: &'a str) -> Option<Self> {
        let mut parts = encoded.splitn(4, '$');
        let digest = match parts.next()? {
            "pbkdf2_sha256" => Digest::Sha256,
            "pbkdf2_sha1" => Digest::Sha1,
            _ => return None,
        };
        let iterations: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|&n| n > 0 && n <= MAX_ITERATIONS)?;
        let salt = parts.next()?;
        parts.next()?;
        Some(Decoded {
            digest,
            iterations,
            salt,
        })
    }
}

pub fn encode(digest: Digest, password: &str, salt: &str, iterations: u32) -> String {
    let (name, hash) = match digest {
        Digest::Sha256 => {
            let mut out = [0u8; 32];
            ::pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                password.as_bytes(),
                salt.as_bytes(),
                iterations,
                &mut out,
            );
            ("pbkdf2_sha256", STANDARD.encode(out))
        }
        Digest::Sha1 => {
            let mut out = [0u8; 20];
            ::pbkdf2::pbkdf2_hmac::<sha1::Sha1>(
                password.as_bytes(),
                salt.as_bytes(),
                iterations,
                &mut out,
            );
            ("pbkdf2_sha1", STANDARD.encode(out))
        }
    };
    format!("{name}${iterations}${salt}${hash}")
}

pub fn verify(password: &str, encoded: &str) -> bool {
    match Decoded::parse(encoded) {
        Some(d) => constant_time_eq(encoded, encode(d.digest, password, d.salt, d.iterations)),
        None => false,
    }
}

pub fn must_update(encoded: &str, iterations: u32) -> bool {
    match Decoded::parse(encoded) {
        Some(d) => d.iterations != iterations || salt_too_short(d.salt.chars().count()),
        None => true,
    }
}

/// Django's `harden_runtime`: after a wrong password against a hash with fewer iterations than
/// configured, run the difference, so the failure takes as long as one at the current cost.
pub fn harden_runtime(password: &str, encoded: &str, iterations: u32) {
    let Some(d) = Decoded::parse(encoded) else {
        return;
    };
    if let Some(extra) = iterations.checked_sub(d.iterations).filter(|n| *n > 0) {
        encode(d.digest, password, d.salt, extra);
    }
}
