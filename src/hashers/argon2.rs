//! `argon2$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`: the PHC string argon2-cffi produces, with
//! Django's `argon2` prefix. Salt and hash are unpadded standard base64.

use super::{HashConfig, constant_time_eq, salt_too_short};
use ::argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;

/// argon2-cffi's `DEFAULT_HASH_LENGTH`, which Django uses.
const HASH_LEN: usize = 32;

/// The most work a stored hash may ask for: 1 GiB of memory (ten times Django's), 64 passes and
/// 64 lanes. A corrupt or hostile row must not make a login allocate unbounded memory or run
/// for hours; beyond these it never matches.
const MAX_MEMORY_KIB: u32 = 1 << 20;
const MAX_TIME: u32 = 64;
const MAX_LANES: u32 = 64;

fn within_limits(memory_cost: u32, time_cost: u32, parallelism: u32) -> bool {
    memory_cost <= MAX_MEMORY_KIB && time_cost <= MAX_TIME && parallelism <= MAX_LANES
}

pub struct Decoded {
    variant: Algorithm,
    version: Version,
    memory_cost: u32,
    time_cost: u32,
    parallelism: u32,
    salt: Vec<u8>,
    hash: Vec<u8>,
}

impl Decoded {
    pub fn parse(encoded: &str) -> Option<Self> {
        let rest = encoded.strip_prefix("argon2$")?;
        let mut parts: Vec<&str> = rest.split('$').collect();
        let variant = match *parts.first()? {
            "argon2id" => Algorithm::Argon2id,
            "argon2i" => Algorithm::Argon2i,
            "argon2d" => Algorithm::Argon2d,
            _ => return None,
        };
        // Hashes made before argon2 1.3 carry no `v=` field and mean version 0x10.
        let version = match parts.get(1)?.strip_prefix("v=") {
            Some("19") => {
                parts.remove(1);
                Version::V0x13
            }
            Some("16") => {
                parts.remove(1);
                Version::V0x10
            }
            Some(_) => return None,
            None => Version::V0x10,
        };
        let [_, params, salt, hash] = parts.as_slice() else {
            return None;
        };
        let mut costs = params.split(',');
        let mut field =
            |name: &str| -> Option<u32> { costs.next()?.strip_prefix(name)?.parse().ok() };
        let (memory_cost, time_cost, parallelism) = (field("m=")?, field("t=")?, field("p=")?);
        if costs.next().is_some() || !within_limits(memory_cost, time_cost, parallelism) {
            return None;
        }
        Some(Decoded {
            variant,
            version,
            memory_cost,
            time_cost,
            parallelism,
            salt: STANDARD_NO_PAD.decode(salt).ok()?,
            hash: STANDARD_NO_PAD.decode(hash).ok()?,
        })
    }

    fn compute(&self, password: &str, hash_len: usize) -> Option<Vec<u8>> {
        let params = Params::new(
            self.memory_cost,
            self.time_cost,
            self.parallelism,
            Some(hash_len),
        )
        .ok()?;
        let mut out = vec![0u8; hash_len];
        Argon2::new(self.variant, self.version, params)
            .hash_password_into(password.as_bytes(), &self.salt, &mut out)
            .ok()?;
        Some(out)
    }
}

pub fn encode(password: &str, salt: &str, config: &HashConfig) -> String {
    let decoded = Decoded {
        variant: Algorithm::Argon2id,
        version: Version::V0x13,
        memory_cost: config.argon2_memory_cost,
        time_cost: config.argon2_time_cost,
        parallelism: config.argon2_parallelism,
        salt: salt.as_bytes().to_vec(),
        hash: Vec::new(),
    };
    let hash = decoded
        .compute(password, HASH_LEN)
        .expect("argon2 parameters are validated when the configuration is loaded");
    format!(
        "argon2$argon2id$v=19$m={},t={},p={}${}${}",
        decoded.memory_cost,
        decoded.time_cost,
        decoded.parallelism,
        STANDARD_NO_PAD.encode(salt),
        STANDARD_NO_PAD.encode(hash)
    )
}

/// Whether the argon2 crate accepts these costs and they are within what authctl verifies
/// (for configuration checks).
pub fn params_valid(config: &HashConfig) -> bool {
    within_limits(
        config.argon2_memory_cost,
        config.argon2_time_cost,
        config.argon2_parallelism,
    ) && Params::new(
        config.argon2_memory_cost,
        config.argon2_time_cost,
        config.argon2_parallelism,
        Some(HASH_LEN),
    )
    .is_ok()
}

pub fn verify(password: &str, encoded: &str) -> bool {
    let Some(decoded) = Decoded::parse(encoded) else {
        return false;
    };
    if decoded.hash.is_empty() {
        return false;
    }
    decoded
        .compute(password, decoded.hash.len())
        .is_some_and(|hash| constant_time_eq(&hash, &decoded.hash))
}

/// Django compares argon2-cffi's full parameter set: variant, version, costs and hash length,
/// plus its own salt-length rule.
pub fn must_update(encoded: &str, config: &HashConfig) -> bool {
    Decoded::parse(encoded).is_none_or(|d| {
        d.variant != Algorithm::Argon2id
            || d.version != Version::V0x13
            || d.memory_cost != config.argon2_memory_cost
            || d.time_cost != config.argon2_time_cost
            || d.parallelism != config.argon2_parallelism
            || d.hash.len() != HASH_LEN
            || salt_too_short(d.salt.len())
    })
}
