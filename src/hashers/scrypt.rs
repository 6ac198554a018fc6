//! `scrypt$<N>$<salt>$<r>$<p>$<base64 of 64 bytes>`.

use super::{Algorithm, ParamError, PasswordHasher, Shape, bound, new_salt};
use crate::crypto::constant_time_eq;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Django's `ScryptPasswordHasher` costs: N (work factor), r (block size), p (parallelism).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScryptParams {
    work_factor: u64,
    block_size: u32,
    parallelism: u32,
}

impl Default for ScryptParams {
    fn default() -> Self {
        ScryptParams {
            work_factor: 1 << 14,
            block_size: 8,
            parallelism: 5,
        }
    }
}

impl ScryptParams {
    pub fn new(work_factor: u64, block_size: u32, parallelism: u32) -> Result<Self, ParamError> {
        let params = ScryptParams {
            work_factor,
            block_size,
            parallelism,
        };
        match params.engine() {
            Some(_) => Ok(params),
            None => Err(ParamError {
                param: "work_factor",
                expected: "a power of two above 1 that, with block_size and parallelism, \
                           needs at most 32 MiB (Python's hashlib limit)"
                    .into(),
            }),
        }
    }

    /// `(work_factor, block_size, parallelism)`.
    pub fn costs(&self) -> (u64, u32, u32) {
        (self.work_factor, self.block_size, self.parallelism)
    }

    /// The scrypt crate's parameters, when scrypt and Python's `hashlib` accept these.
    fn engine(&self) -> Option<::scrypt::Params> {
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
        ::scrypt::Params::new(log_n, self.block_size, self.parallelism).ok()
    }
}

pub struct Scrypt {
    params: ScryptParams,
}

struct Decoded<'a> {
    params: ScryptParams,
    salt: &'a str,
}

fn parse(encoded: &str) -> Option<Decoded<'_>> {
    let mut parts = encoded.splitn(6, '$');
    if parts.next()? != "scrypt" {
        return None;
    }
    let work_factor = parts.next()?.parse().ok()?;
    let salt = parts.next()?;
    let block_size = parts.next()?.parse().ok()?;
    let parallelism = parts.next()?.parse().ok()?;
    parts.next()?;
    // Costs scrypt (or hashlib's 32 MiB memory limit) refuses make the encoding unusable.
    let params = ScryptParams::new(work_factor, block_size, parallelism).ok()?;
    Some(Decoded { params, salt })
}

/// N × r × p: the work of one scrypt computation, in blocks.
fn work(params: &ScryptParams) -> u64 {
    params
        .work_factor
        .saturating_mul(params.block_size.into())
        .saturating_mul(params.parallelism.into())
}

fn hash(params: &ScryptParams, password: &str, salt: &str) -> Option<String> {
    let engine = params.engine()?;
    let mut out = [0u8; 64];
    ::scrypt::scrypt(password.as_bytes(), salt.as_bytes(), &engine, &mut out).ok()?;
    Some(format!(
        "scrypt${}${salt}${}${}${}",
        params.work_factor,
        params.block_size,
        params.parallelism,
        STANDARD.encode(out)
    ))
}

impl Scrypt {
    pub fn new(params: ScryptParams) -> Self {
        Scrypt { params }
    }

    /// The stored hash, if it can be checked within the work bound.
    fn decode<'a>(&self, encoded: &'a str) -> Result<Decoded<'a>, Shape> {
        let d = parse(encoded).ok_or(Shape::Malformed)?;
        match work(&d.params) <= bound(work(&self.params), work(&ScryptParams::default())) {
            true => Ok(d),
            false => Err(Shape::TooCostly),
        }
    }
}

impl PasswordHasher for Scrypt {
    fn algorithm(&self) -> Algorithm {
        Algorithm::Scrypt
    }

    fn encode(&self, password: &str) -> String {
        hash(&self.params, password, &new_salt())
            .expect("ScryptParams::new accepts only parameters scrypt takes")
    }

    fn verify(&self, password: &str, encoded: &str) -> bool {
        self.decode(encoded)
            .ok()
            .and_then(|d| hash(&d.params, password, d.salt))
            .is_some_and(|again| constant_time_eq(encoded, &again))
    }

    /// Django's scrypt `must_update` compares the costs only (no salt-length rule, unlike the
    /// others).
    fn must_update(&self, encoded: &str) -> bool {
        self.decode(encoded)
            .map_or(true, |d| d.params != self.params)
    }

    fn inspect(&self, encoded: &str) -> Shape {
        self.decode(encoded)
            .map_or_else(|shape| shape, |_| Shape::Fine)
    }
}
