//! `bcrypt_sha256$$2b$12$…` (bcrypt over the hex SHA-256 of the password, so long passwords are
//! not truncated) and plain `bcrypt$$2b$12$…`.

use super::{Algorithm, ParamError, PasswordHasher, Shape, WORK_BOUND};

/// The highest cost a configuration may ask for (64 times Django's 12).
pub const MAX_COST: u32 = 18;

/// Django's `BCryptSHA256PasswordHasher.rounds` (shared by the plain bcrypt hasher).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BcryptParams {
    rounds: u32,
}

impl Default for BcryptParams {
    fn default() -> Self {
        BcryptParams { rounds: 12 }
    }
}

impl BcryptParams {
    pub fn new(rounds: u32) -> Result<Self, ParamError> {
        if !(4..=MAX_COST).contains(&rounds) {
            return Err(ParamError {
                param: "rounds",
                expected: format!("a number from 4 to {MAX_COST}"),
            });
        }
        Ok(BcryptParams { rounds })
    }

    pub fn rounds(&self) -> u32 {
        self.rounds
    }
}

pub struct Bcrypt {
    /// Whether the password is first hashed with SHA-256 (`bcrypt_sha256`).
    prehash: bool,
    params: BcryptParams,
}

impl Bcrypt {
    pub fn sha256(params: BcryptParams) -> Self {
        Bcrypt {
            prehash: true,
            params,
        }
    }

    pub fn plain(params: BcryptParams) -> Self {
        Bcrypt {
            prehash: false,
            params,
        }
    }

    fn prefix(&self) -> &'static str {
        if self.prehash {
            "bcrypt_sha256$"
        } else {
            "bcrypt$"
        }
    }

    /// The bcrypt string after Django's prefix, and its cost, when it can be checked within
    /// the work bound: each step of the cost doubles the work, so at most three steps (eight
    /// times) above the configured or default cost.
    fn decode<'a>(&self, encoded: &'a str) -> Result<(&'a str, u32), Shape> {
        let data = encoded
            .strip_prefix(self.prefix())
            .ok_or(Shape::Malformed)?;
        let parts: ::bcrypt::HashParts = data.parse().map_err(|_| Shape::Malformed)?;
        let steps = WORK_BOUND.ilog2();
        let most = self.params.rounds.max(BcryptParams::default().rounds) + steps;
        match parts.get_cost() {
            cost if cost <= most => Ok((data, cost)),
            _ => Err(Shape::TooCostly),
        }
    }

    fn prepare(&self, password: &str) -> Vec<u8> {
        if self.prehash {
            crate::crypto::sha256_hex(password.as_bytes()).into_bytes()
        } else {
            password.as_bytes().to_vec()
        }
    }
}

impl PasswordHasher for Bcrypt {
    fn algorithm(&self) -> Algorithm {
        if self.prehash {
            Algorithm::BcryptSha256
        } else {
            Algorithm::Bcrypt
        }
    }

    fn encode(&self, password: &str) -> String {
        let hash = ::bcrypt::hash(self.prepare(password), self.params.rounds)
            .expect("BcryptParams::new accepts only costs bcrypt takes");
        format!("{}{hash}", self.prefix())
    }

    fn verify(&self, password: &str, encoded: &str) -> bool {
        // The bcrypt crate recomputes with the stored salt and cost and compares in constant
        // time.
        self.decode(encoded)
            .is_ok_and(|(data, _)| ::bcrypt::verify(self.prepare(password), data).unwrap_or(false))
    }

    fn must_update(&self, encoded: &str) -> bool {
        self.decode(encoded)
            .map_or(true, |(_, cost)| cost != self.params.rounds)
    }

    /// Repeats the check until it has cost as much as one at the configured rounds.
    fn harden_runtime(&self, password: &str, encoded: &str) {
        let Ok((data, cost)) = self.decode(encoded) else {
            return;
        };
        let extra = self
            .params
            .rounds
            .checked_sub(cost)
            .map_or(0, |diff| (1u64 << diff.min(MAX_COST)) - 1);
        let prepared = self.prepare(password);
        for _ in 0..extra {
            let _ = ::bcrypt::verify(&prepared, data);
        }
    }

    fn inspect(&self, encoded: &str) -> Shape {
        self.decode(encoded)
            .map_or_else(|shape| shape, |_| Shape::Fine)
    }
}
