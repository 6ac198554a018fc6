//! `argon2$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`: the PHC string argon2-cffi produces, with
//! Django's `argon2` prefix. Salt and hash are unpadded standard base64.

use super::{Algorithm, ParamError, PasswordHasher, Shape, bound, new_salt, salt_too_short};
use crate::crypto::constant_time_eq;
use ::argon2::password_hash::phc::PasswordHash;
use ::argon2::{Argon2 as Engine, Params, Version};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD;

/// argon2-cffi's `DEFAULT_HASH_LENGTH`, which Django uses.
const HASH_LEN: usize = 32;

/// The highest costs a configuration may ask for: 1 GiB of memory (ten times Django's), 64
/// passes and 64 lanes. Stored hashes are bounded by their work instead (see `inspect`).
const MAX_MEMORY_KIB: u32 = 1 << 20;
const MAX_TIME: u32 = 64;
const MAX_LANES: u32 = 64;

/// Django's `Argon2PasswordHasher` costs: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argon2Params {
    memory_cost: u32,
    time_cost: u32,
    parallelism: u32,
}

impl Default for Argon2Params {
    fn default() -> Self {
        Argon2Params {
            memory_cost: 102_400,
            time_cost: 2,
            parallelism: 8,
        }
    }
}

impl Argon2Params {
    pub fn new(memory_cost: u32, time_cost: u32, parallelism: u32) -> Result<Self, ParamError> {
        let refuse = |param| ParamError {
            param,
            expected: "argon2 costs where memory_cost is from 8 × parallelism to 1048576 KiB, \
                       and time_cost and parallelism are from 1 to 64"
                .into(),
        };
        if !(1..=MAX_LANES).contains(&parallelism) {
            return Err(refuse("parallelism"));
        }
        if !(1..=MAX_TIME).contains(&time_cost) {
            return Err(refuse("time_cost"));
        }
        if memory_cost > MAX_MEMORY_KIB
            || Params::new(memory_cost, time_cost, parallelism, Some(HASH_LEN)).is_err()
        {
            return Err(refuse("memory_cost"));
        }
        Ok(Argon2Params {
            memory_cost,
            time_cost,
            parallelism,
        })
    }

    /// `(memory_cost, time_cost, parallelism)`.
    pub fn costs(&self) -> (u32, u32, u32) {
        (self.memory_cost, self.time_cost, self.parallelism)
    }
}

pub struct Argon2 {
    params: Argon2Params,
    /// The cores a hash's lanes can run on: a hash with fewer lanes takes longer. Asked of
    /// the machine (cgroup files) only when an argon2 hash is inspected.
    cores: std::sync::OnceLock<u64>,
}

/// A stored hash taken apart.
struct Decoded {
    variant: ::argon2::Algorithm,
    version: Version,
    memory_cost: u32,
    time_cost: u32,
    parallelism: u32,
    salt: Vec<u8>,
    hash: Vec<u8>,
}

impl Decoded {
    /// Takes the encoding apart, whatever work it asks for.
    fn parse(encoded: &str) -> Option<Self> {
        // Django's prefix, then a PHC string.
        let phc = PasswordHash::new(encoded.strip_prefix("argon2")?).ok()?;
        let variant = match phc.algorithm.as_str() {
            "argon2id" => ::argon2::Algorithm::Argon2id,
            "argon2i" => ::argon2::Algorithm::Argon2i,
            "argon2d" => ::argon2::Algorithm::Argon2d,
            _ => return None,
        };
        // Hashes made before argon2 1.3 carry no `v=` field and mean version 0x10.
        let version = match phc.version {
            None | Some(16) => Version::V0x10,
            Some(19) => Version::V0x13,
            Some(_) => return None,
        };
        let names: Vec<String> = phc
            .params
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        if names != ["m", "t", "p"] {
            return None;
        }
        let decimal = |name: &str| phc.params.get_decimal(name);
        let (memory_cost, time_cost, parallelism) = (decimal("m")?, decimal("t")?, decimal("p")?);
        Some(Decoded {
            variant,
            version,
            memory_cost,
            time_cost,
            parallelism,
            salt: phc.salt?.as_ref().to_vec(),
            hash: phc.hash?.as_bytes().to_vec(),
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
        Engine::new(self.variant, self.version, params)
            .hash_password_into(password.as_bytes(), &self.salt, &mut out)
            .ok()?;
        Some(out)
    }
}

impl Argon2 {
    pub fn new(params: Argon2Params) -> Self {
        Argon2 {
            params,
            cores: std::sync::OnceLock::new(),
        }
    }

    /// How long one check takes, in KiB-passes per core: its memory times its passes, spread
    /// over as many cores as it has lanes (and the machine has cores).
    fn time(&self, memory_cost: u32, time_cost: u32, parallelism: u32) -> u64 {
        let cores = *self
            .cores
            .get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u64));
        let lanes = u64::from(parallelism).clamp(1, cores);
        u64::from(memory_cost) * u64::from(time_cost) / lanes
    }

    /// The stored hash, if it can be checked within the work bound: its memory, and the time it
    /// takes (memory times passes over the lanes that run at once), at most ten times the
    /// configured (or default) ones.
    fn decode(&self, encoded: &str) -> Result<Decoded, Shape> {
        let d = Decoded::parse(encoded).ok_or(Shape::Malformed)?;
        let (ours, django) = (self.params, Argon2Params::default());
        let memory = bound(ours.memory_cost.into(), django.memory_cost.into());
        let time = bound(
            self.time(ours.memory_cost, ours.time_cost, ours.parallelism),
            self.time(django.memory_cost, django.time_cost, django.parallelism),
        );
        if u64::from(d.memory_cost) > memory
            || self.time(d.memory_cost, d.time_cost, d.parallelism) > time
            || d.parallelism > MAX_LANES
        {
            return Err(Shape::TooCostly);
        }
        Ok(d)
    }
}

impl PasswordHasher for Argon2 {
    fn algorithm(&self) -> Algorithm {
        Algorithm::Argon2
    }

    fn encode(&self, password: &str) -> String {
        let salt = new_salt();
        let decoded = Decoded {
            variant: ::argon2::Algorithm::Argon2id,
            version: Version::V0x13,
            memory_cost: self.params.memory_cost,
            time_cost: self.params.time_cost,
            parallelism: self.params.parallelism,
            salt: salt.as_bytes().to_vec(),
            hash: Vec::new(),
        };
        let hash = decoded
            .compute(password, HASH_LEN)
            .expect("Argon2Params::new accepts only parameters argon2 takes");
        format!(
            "argon2$argon2id$v=19$m={},t={},p={}${}${}",
            decoded.memory_cost,
            decoded.time_cost,
            decoded.parallelism,
            STANDARD_NO_PAD.encode(salt),
            STANDARD_NO_PAD.encode(hash)
        )
    }

    fn verify(&self, password: &str, encoded: &str) -> bool {
        let Ok(decoded) = self.decode(encoded) else {
            return false;
        };
        decoded
            .compute(password, decoded.hash.len())
            .is_some_and(|hash| constant_time_eq(&hash, &decoded.hash))
    }

    /// Django compares argon2-cffi's full parameter set: variant, version, costs and hash
    /// length, plus its own salt-length rule.
    fn must_update(&self, encoded: &str) -> bool {
        let p = &self.params;
        Decoded::parse(encoded).is_none_or(|d| {
            d.variant != ::argon2::Algorithm::Argon2id
                || d.version != Version::V0x13
                || d.memory_cost != p.memory_cost
                || d.time_cost != p.time_cost
                || d.parallelism != p.parallelism
                || d.hash.len() != HASH_LEN
                || salt_too_short(d.salt.len())
        })
    }

    fn inspect(&self, encoded: &str) -> Shape {
        self.decode(encoded)
            .map_or_else(|shape| shape, |_| Shape::Fine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(m: u32, t: u32, p: u32) -> String {
        format!("argon2$argon2id$v=19$m={m},t={t},p={p}$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")
    }

    #[test]
    fn fewer_lanes_count_as_more_time_on_a_machine_with_the_cores() {
        let on = |cores: u64| Argon2 {
            params: Argon2Params::new(64, 1, 1).unwrap(),
            cores: cores.into(),
        };
        // Django's default costs over eight cores, and ten times that, are fine everywhere.
        assert_eq!(on(8).inspect(&encoded(102_400, 2, 8)), Shape::Fine);
        assert_eq!(on(8).inspect(&encoded(1_024_000, 2, 8)), Shape::Fine);
        // The same work on one lane takes eight times as long on eight cores.
        assert_eq!(on(8).inspect(&encoded(1_024_000, 2, 1)), Shape::TooCostly);
        assert_eq!(on(8).inspect(&encoded(128_000, 2, 1)), Shape::Fine);
        // On one core, lanes do not run at once, so they change nothing.
        assert_eq!(on(1).inspect(&encoded(1_024_000, 2, 1)), Shape::Fine);
    }
}
