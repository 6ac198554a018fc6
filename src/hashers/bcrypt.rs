//! `bcrypt_sha256$$2b$12$…` (bcrypt over the hex SHA-256 of the password, so long passwords are
//! not truncated) and plain `bcrypt$$2b$12$…`.

use sha2::{Digest, Sha256};

const SHA256_PREFIX: &str = "bcrypt_sha256$";
const PLAIN_PREFIX: &str = "bcrypt$";

/// Splits off Django's prefix; `true` when the password is pre-hashed with SHA-256.
fn split(encoded: &str) -> Option<(bool, &str)> {
    if let Some(data) = encoded.strip_prefix(SHA256_PREFIX) {
        Some((true, data))
    } else {
        encoded.strip_prefix(PLAIN_PREFIX).map(|data| (false, data))
    }
}

fn prepare(prehash: bool, password: &str) -> Vec<u8> {
    if prehash {
        crate::tokens::hex(&Sha256::digest(password.as_bytes())).into_bytes()
    } else {
        password.as_bytes().to_vec()
    }
}

/// The highest cost a stored hash may ask for (64 times Django's 12): each step doubles the
/// work, and a corrupt or hostile row must not stall a login for hours.
pub const MAX_COST: u32 = 18;

/// The cost in `$2b$<cost>$…`, when the rest parses as a bcrypt hash within [`MAX_COST`].
pub fn work_factor(encoded: &str) -> Option<u32> {
    let (_, data) = split(encoded)?;
    let parts: ::bcrypt::HashParts = data.parse().ok()?;
    Some(parts.get_cost()).filter(|cost| *cost <= MAX_COST)
}

pub fn encode(prehash: bool, password: &str, rounds: u32) -> String {
    let prefix = if prehash { SHA256_PREFIX } else { PLAIN_PREFIX };
    let hash = ::bcrypt::hash(prepare(prehash, password), rounds)
        .expect("bcrypt rounds are validated when the configuration is loaded");
    format!("{prefix}{hash}")
}

pub fn verify(password: &str, encoded: &str) -> bool {
    if work_factor(encoded).is_none() {
        return false;
    }
    match split(encoded) {
        // The bcrypt crate recomputes with the stored salt and cost and compares in constant time.
        Some((prehash, data)) => {
            ::bcrypt::verify(prepare(prehash, password), data).unwrap_or(false)
        }
        None => false,
    }
}

/// Django's `harden_runtime`: after a wrong password against a cheaper hash than configured,
/// repeat the check until it has cost as much as one at the configured rounds.
pub fn harden_runtime(password: &str, encoded: &str, rounds: u32) {
    let (Some(cost), Some((prehash, data))) = (work_factor(encoded), split(encoded)) else {
        return;
    };
    let extra = rounds
        .checked_sub(cost)
        .map_or(0, |diff| (1u64 << diff.min(MAX_COST)) - 1);
    let prepared = prepare(prehash, password);
    for _ in 0..extra {
        let _ = ::bcrypt::verify(&prepared, data);
    }
}
