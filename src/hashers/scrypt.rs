//! `scrypt$<N>$<salt>$<r>$<p>$<base64 of 64 bytes>`.

use super::{HashConfig, constant_time_eq};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

pub struct Decoded<'a> {
    work_factor: u64,
    salt: &'a str,
    block_size: u32,
    parallelism: u32,
}

impl<'a> Decoded<'a> {
    pub fn parse(encoded: &'a str) -> Option<Self> {
        let mut parts = encoded.splitn(6, '$');
        if parts.next()? != "scrypt" {
            return None;
        }
        let work_factor = parts.next()?.parse().ok()?;
        let salt = parts.next()?;
        let block_size = parts.next()?.parse().ok()?;
        let parallelism = parts.next()?.parse().ok()?;
        parts.next()?;
        let decoded = Decoded {
            work_factor,
            salt,
            block_size,
            parallelism,
        };
        // Costs scrypt (or the memory limit) refuses make the whole encoding unusable.
        decoded.params().map(|_| decoded)
    }

    fn params(&self) -> Option<::scrypt::Params> {
        // scrypt's N must be a power of two above 1; Python's hashlib refuses the rest too.
        if self.work_factor < 2 || !self.work_factor.is_power_of_two() {
            return None;
        }
        // Django passes maxmem=0, so OpenSSL's default limit of 32 MiB applies to what
        // hashlib.scrypt accepts: 128·r·p for the blocks plus 128·r·(N + 2) for the table.
        let (n, r, p) = (
            u128::from(self.work_factor),
            u128::from(self.block_size),
            u128::from(self.parallelism),
        );
        if 128 * r * p + 128 * r * (n + 2) > 32 * 1024 * 1024 {
            return None;
        }
        let log_n = self.work_factor.trailing_zeros() as u8;
        ::scrypt::Params::new(log_n, self.block_size, self.parallelism, 64).ok()
    }

    fn hash(&self, password: &str) -> Option<String> {
        let params = self.params()?;
        let mut out = [0u8; 64];
        ::scrypt::scrypt(password.as_bytes(), self.salt.as_bytes(), &params, &mut out).ok()?;
        Some(format!(
            "scrypt${}${}${}${}${}",
            self.work_factor,
            self.salt,
            self.block_size,
            self.parallelism,
            STANDARD.encode(out)
        ))
    }
}

pub fn encode(password: &str, salt: &str, config: &HashConfig) -> String {
    let decoded = Decoded {
        work_factor: config.scrypt_work_factor,
        salt,
        block_size: config.scrypt_block_size,
        parallelism: config.scrypt_parallelism,
    };
    // The configuration is checked when it is loaded, so these parameters are valid.
    decoded
        .hash(password)
        .expect("scrypt parameters are validated when the configuration is loaded")
}

/// Whether scrypt accepts these parameters (for configuration checks).
pub fn params_valid(config: &HashConfig) -> bool {
    Decoded {
        work_factor: config.scrypt_work_factor,
        salt: "",
        block_size: config.scrypt_block_size,
        parallelism: config.scrypt_parallelism,
    }
    .params()
    .is_some()
}

pub fn verify(password: &str, encoded: &str) -> bool {
    Decoded::parse(encoded)
        .and_then(|d| d.hash(password))
        .is_some_and(|again| constant_time_eq(encoded, &again))
}

/// Django's scrypt `must_update` compares the costs only (no salt-length rule, unlike the others).
pub fn must_update(encoded: &str, config: &HashConfig) -> bool {
    Decoded::parse(encoded).is_none_or(|d| {
        d.work_factor != config.scrypt_work_factor
            || d.block_size != config.scrypt_block_size
            || d.parallelism != config.scrypt_parallelism
    })
}
