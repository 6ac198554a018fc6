//! `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` and its SHA-1 sibling.

use super::{Algorithm, ParamError, PasswordHasher, Shape, bound, new_salt, salt_too_short};
use crate::crypto::constant_time_eq;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The most iterations a configuration may ask for (fifty times Django's).
pub const MAX_ITERATIONS: u32 = 50_000_000;

/// Django's `PBKDF2PasswordHasher.iterations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pbkdf2Params {
    iterations: u32,
}

impl Default for Pbkdf2Params {
    fn default() -> Self {
        Pbkdf2Params {
            iterations: 1_000_000,
        }
    }
}

impl Pbkdf2Params {
    pub fn new(iterations: u32) -> Result<Self, ParamError> {
        if !(1..=MAX_ITERATIONS).contains(&iterations) {
            return Err(ParamError {
                param: "iterations",
                expected: format!("a number from 1 to {MAX_ITERATIONS}"),
            });
        }
        Ok(Pbkdf2Params { iterations })
    }

    pub fn iterations(&self) -> u32 {
        self.iterations
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Digest {
    Sha256,
    Sha1,
}

impl Digest {
    fn prefix(self) -> &'static str {
        match self {
            Digest::Sha256 => "pbkdf2_sha256",
            Digest::Sha1 => "pbkdf2_sha1",
        }
    }
}

pub struct Pbkdf2 {
    digest: Digest,
    params: Pbkdf2Params,
}

struct Decoded<'a> {
    iterations: u32,
    salt: &'a str,
}

impl Pbkdf2 {
    pub fn sha256(params: Pbkdf2Params) -> Self {
        Pbkdf2 {
            digest: Digest::Sha256,
            params,
        }
    }

    pub fn sha1(params: Pbkdf2Params) -> Self {
        Pbkdf2 {
            digest: Digest::Sha1,
            params,
        }
    }

    /// The stored hash, if it can be checked within the work bound.
    fn decode<'a>(&self, encoded: &'a str) -> Result<Decoded<'a>, Shape> {
        let mut parts = encoded.splitn(4, '$');
        let prefix = parts.next();
        let iterations: Option<u64> = parts.next().and_then(|n| n.parse().ok());
        let (Some(salt), Some(hash)) = (parts.next(), parts.next()) else {
            return Err(Shape::Malformed);
        };
        // The digest is the hash function's whole output in standard base64; anything else
        // can never match.
        let length = match self.digest {
            Digest::Sha256 => 32,
            Digest::Sha1 => 20,
        };
        if STANDARD.decode(hash).map(|bytes| bytes.len()) != Ok(length) {
            return Err(Shape::Malformed);
        }
        let iterations = match (prefix == Some(self.digest.prefix()), iterations) {
            (true, Some(n)) if n > 0 => n,
            _ => return Err(Shape::Malformed),
        };
        let most = bound(
            self.params.iterations.into(),
            Pbkdf2Params::default().iterations.into(),
        );
        match u32::try_from(iterations) {
            Ok(iterations) if u64::from(iterations) <= most => Ok(Decoded { iterations, salt }),
            _ => Err(Shape::TooCostly),
        }
    }

    fn encode_with(&self, password: &str, salt: &str, iterations: u32) -> String {
        let (password, salt_bytes) = (password.as_bytes(), salt.as_bytes());
        let hash = match self.digest {
            Digest::Sha256 => STANDARD.encode(::pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(
                password, salt_bytes, iterations,
            )),
            Digest::Sha1 => STANDARD.encode(::pbkdf2::pbkdf2_hmac_array::<sha1::Sha1, 20>(
                password, salt_bytes, iterations,
            )),
        };
        format!("{}${iterations}${salt}${hash}", self.digest.prefix())
    }
}

impl PasswordHasher for Pbkdf2 {
    fn algorithm(&self) -> Algorithm {
        match self.digest {
            Digest::Sha256 => Algorithm::Pbkdf2Sha256,
            Digest::Sha1 => Algorithm::Pbkdf2Sha1,
        }
    }

    fn encode(&self, password: &str) -> String {
        self.encode_with(password, &new_salt(), self.params.iterations)
    }

    fn verify(&self, password: &str, encoded: &str) -> bool {
        match self.decode(encoded) {
            Ok(d) => constant_time_eq(encoded, self.encode_with(password, d.salt, d.iterations)),
            Err(_) => false,
        }
    }

    fn must_update(&self, encoded: &str) -> bool {
        match self.decode(encoded) {
            Ok(d) => {
                d.iterations != self.params.iterations || salt_too_short(d.salt.chars().count())
            }
            Err(_) => true,
        }
    }

    /// After a wrong password against a hash with fewer iterations than configured, run the
    /// difference, so the failure takes as long as one at the current cost.
    fn harden_runtime(&self, password: &str, encoded: &str) {
        let Ok(d) = self.decode(encoded) else {
            return;
        };
        if let Some(extra) = self.params.iterations.checked_sub(d.iterations)
            && extra > 0
        {
            self.encode_with(password, d.salt, extra);
        }
    }

    fn inspect(&self, encoded: &str) -> Shape {
        self.decode(encoded)
            .map_or_else(|shape| shape, |_| Shape::Fine)
    }
}
