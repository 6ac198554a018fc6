//! Django's encoded password formats: identify a hash, verify a password against it, encode new
//! hashes with the preferred algorithm, and decide when a stored hash is due for an upgrade
//! (Django's `must_update`).
//!
//! Every parser here treats a malformed encoding as "no match": a bad row in `auth_user` must
//! never crash a login.

mod argon2;
mod bcrypt;
mod md5;
mod pbkdf2;
mod scrypt;

use rand::Rng;
use rand::distr::Alphanumeric;
use subtle::ConstantTimeEq;

/// Django's `UNUSABLE_PASSWORD_PREFIX`.
pub const UNUSABLE_PREFIX: char = '!';

/// The password hashers Django 5.2 ships, by their encoded `algorithm` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Argon2,
    Pbkdf2Sha256,
    Pbkdf2Sha1,
    BcryptSha256,
    Bcrypt,
    Scrypt,
    Md5,
}

impl Algorithm {
    pub const ALL: [Algorithm; 7] = [
        Algorithm::Argon2,
        Algorithm::Pbkdf2Sha256,
        Algorithm::Pbkdf2Sha1,
        Algorithm::BcryptSha256,
        Algorithm::Bcrypt,
        Algorithm::Scrypt,
        Algorithm::Md5,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Argon2 => "argon2",
            Algorithm::Pbkdf2Sha256 => "pbkdf2_sha256",
            Algorithm::Pbkdf2Sha1 => "pbkdf2_sha1",
            Algorithm::BcryptSha256 => "bcrypt_sha256",
            Algorithm::Bcrypt => "bcrypt",
            Algorithm::Scrypt => "scrypt",
            Algorithm::Md5 => "md5",
        }
    }

    pub fn from_name(name: &str) -> Option<Algorithm> {
        Algorithm::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// Cost parameters for each hasher; the defaults are Django 5.2's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashConfig {
    pub preferred: Algorithm,
    pub argon2_memory_cost: u32,
    pub argon2_time_cost: u32,
    pub argon2_parallelism: u32,
    pub pbkdf2_sha256_iterations: u32,
    pub pbkdf2_sha1_iterations: u32,
    pub bcrypt_rounds: u32,
    pub scrypt_work_factor: u64,
    pub scrypt_block_size: u32,
    pub scrypt_parallelism: u32,
}

impl Default for HashConfig {
    fn default() -> Self {
        HashConfig {
            preferred: Algorithm::Argon2,
            argon2_memory_cost: 102_400,
            argon2_time_cost: 2,
            argon2_parallelism: 8,
            pbkdf2_sha256_iterations: 1_000_000,
            pbkdf2_sha1_iterations: 1_000_000,
            bcrypt_rounds: 12,
            scrypt_work_factor: 1 << 14,
            scrypt_block_size: 8,
            scrypt_parallelism: 5,
        }
    }
}

impl HashConfig {
    /// Checks every cost is one its algorithm accepts, so encoding never fails later.
    /// On failure, the setting at fault (for example `argon2.parallelism`) and what it needs.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if !argon2::params_valid(self) {
            let key = if !(1..=64).contains(&self.argon2_parallelism) {
                "argon2.parallelism"
            } else if !(1..=64).contains(&self.argon2_time_cost) {
                "argon2.time_cost"
            } else {
                "argon2.memory_cost"
            };
            return Err((
                key,
                "argon2 costs where memory_cost is from 8 × parallelism to 1048576 KiB, \
                 and time_cost and parallelism are from 1 to 64"
                    .into(),
            ));
        }
        if !(4..=bcrypt::MAX_COST).contains(&self.bcrypt_rounds) {
            return Err((
                "bcrypt.rounds",
                format!("a number from 4 to {}", bcrypt::MAX_COST),
            ));
        }
        if !scrypt::params_valid(self) {
            return Err((
                "scrypt.work_factor",
                "a power of two above 1 that, with scrypt.block_size and scrypt.parallelism, \
                 needs at most 32 MiB (Python's hashlib limit)"
                    .into(),
            ));
        }
        let iterations = 1..=pbkdf2::MAX_ITERATIONS;
        for (key, value) in [
            ("pbkdf2_sha256.iterations", self.pbkdf2_sha256_iterations),
            ("pbkdf2_sha1.iterations", self.pbkdf2_sha1_iterations),
        ] {
            if !iterations.contains(&value) {
                return Err((
                    key,
                    format!("a number from 1 to {}", pbkdf2::MAX_ITERATIONS),
                ));
            }
        }
        Ok(())
    }
}

/// The outcome of checking a password against a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub matches: bool,
    /// The hash should be re-encoded with the preferred hasher and parameters.
    pub must_update: bool,
}

const NO_MATCH: Verdict = Verdict {
    matches: false,
    must_update: false,
};

pub fn is_usable(encoded: &str) -> bool {
    !encoded.starts_with(UNUSABLE_PREFIX)
}

/// Django's `identify_hasher`: the algorithm named before the first `$`.
pub fn identify(encoded: &str) -> Option<Algorithm> {
    // Django maps bare 32-hex-digit MD5 and `md5$$…` to its removed unsalted MD5 hasher, which
    // no longer verifies anything; those are therefore unknown here too.
    if (encoded.len() == 32 && !encoded.contains('$'))
        || (encoded.len() == 37 && encoded.starts_with("md5$$"))
    {
        return None;
    }
    Algorithm::from_name(encoded.split('$').next()?)
}

/// Django's `verify_password`: whether the password matches, and whether the hash is outdated
/// relative to the preferred hasher. Unusable and unrecognised encodings never match.
pub fn check_password(password: &str, encoded: &str, config: &HashConfig) -> Verdict {
    if !is_usable(encoded) {
        return NO_MATCH;
    }
    let Some(algorithm) = identify(encoded) else {
        return NO_MATCH;
    };
    let matches = verify(algorithm, password, encoded);
    let must_update = must_update(encoded, config);
    // Django closes the timing gap between a cheaper stored hash and the configured cost, so a
    // wrong password takes as long for an old account as for a current one or an unknown user.
    if !matches && must_update && algorithm == config.preferred {
        harden_runtime(algorithm, password, encoded, config);
    }
    Verdict {
        matches,
        must_update,
    }
}

/// Whether a stored hash is outdated relative to the preferred hasher and costs.
pub fn must_update(encoded: &str, config: &HashConfig) -> bool {
    match identify(encoded) {
        Some(algorithm) => {
            algorithm != config.preferred || needs_rehash(algorithm, encoded, config)
        }
        None => false,
    }
}

/// Whether `encoded` is a well-formed hash of a known algorithm (for importing stored hashes).
pub fn is_well_formed(encoded: &str) -> bool {
    match identify(encoded) {
        Some(Algorithm::Argon2) => argon2::Decoded::parse(encoded).is_some(),
        Some(Algorithm::Pbkdf2Sha256) | Some(Algorithm::Pbkdf2Sha1) => {
            pbkdf2::Decoded::parse(encoded).is_some()
        }
        Some(Algorithm::BcryptSha256) | Some(Algorithm::Bcrypt) => {
            bcrypt::work_factor(encoded).is_some()
        }
        Some(Algorithm::Scrypt) => scrypt::Decoded::parse(encoded).is_some(),
        Some(Algorithm::Md5) => md5::Decoded::parse(encoded).is_some(),
        None => false,
    }
}

fn verify(algorithm: Algorithm, password: &str, encoded: &str) -> bool {
    match algorithm {
        Algorithm::Argon2 => argon2::verify(password, encoded),
        Algorithm::Pbkdf2Sha256 | Algorithm::Pbkdf2Sha1 => pbkdf2::verify(password, encoded),
        Algorithm::BcryptSha256 | Algorithm::Bcrypt => bcrypt::verify(password, encoded),
        Algorithm::Scrypt => scrypt::verify(password, encoded),
        Algorithm::Md5 => md5::verify(password, encoded),
    }
}

fn harden_runtime(algorithm: Algorithm, password: &str, encoded: &str, config: &HashConfig) {
    match algorithm {
        Algorithm::Pbkdf2Sha256 => {
            pbkdf2::harden_runtime(password, encoded, config.pbkdf2_sha256_iterations)
        }
        Algorithm::Pbkdf2Sha1 => {
            pbkdf2::harden_runtime(password, encoded, config.pbkdf2_sha1_iterations)
        }
        Algorithm::BcryptSha256 | Algorithm::Bcrypt => {
            bcrypt::harden_runtime(password, encoded, config.bcrypt_rounds)
        }
        // Django leaves these alone: argon2's and scrypt's costs do not add up this simply,
        // and md5 costs nothing either way.
        Algorithm::Argon2 | Algorithm::Scrypt | Algorithm::Md5 => {}
    }
}

/// Django's per-hasher `must_update`, for a hash of the preferred algorithm.
fn needs_rehash(algorithm: Algorithm, encoded: &str, config: &HashConfig) -> bool {
    match algorithm {
        Algorithm::Argon2 => argon2::must_update(encoded, config),
        Algorithm::Pbkdf2Sha256 => pbkdf2::must_update(encoded, config.pbkdf2_sha256_iterations),
        Algorithm::Pbkdf2Sha1 => pbkdf2::must_update(encoded, config.pbkdf2_sha1_iterations),
        Algorithm::BcryptSha256 | Algorithm::Bcrypt => {
            bcrypt::work_factor(encoded) != Some(config.bcrypt_rounds)
        }
        Algorithm::Scrypt => scrypt::must_update(encoded, config),
        Algorithm::Md5 => md5::must_update(encoded),
    }
}

/// Django's `make_password` with the preferred hasher.
pub fn make_password(password: &str, config: &HashConfig) -> String {
    encode(config.preferred, password, config)
}

/// Encodes `password` with a fresh salt using `algorithm` and the configured costs.
pub fn encode(algorithm: Algorithm, password: &str, config: &HashConfig) -> String {
    let salt = random_string(SALT_CHARS);
    match algorithm {
        Algorithm::Argon2 => argon2::encode(password, &salt, config),
        Algorithm::Pbkdf2Sha256 => pbkdf2::encode(
            pbkdf2::Digest::Sha256,
            password,
            &salt,
            config.pbkdf2_sha256_iterations,
        ),
        Algorithm::Pbkdf2Sha1 => pbkdf2::encode(
            pbkdf2::Digest::Sha1,
            password,
            &salt,
            config.pbkdf2_sha1_iterations,
        ),
        Algorithm::BcryptSha256 => bcrypt::encode(true, password, config.bcrypt_rounds),
        Algorithm::Bcrypt => bcrypt::encode(false, password, config.bcrypt_rounds),
        Algorithm::Scrypt => scrypt::encode(password, &salt, config),
        Algorithm::Md5 => md5::encode(password, &salt),
    }
}

/// Django's `set_unusable_password`: the prefix and 40 random characters.
pub fn make_unusable() -> String {
    format!("{UNUSABLE_PREFIX}{}", random_string(40))
}

/// Django's salts are 22 characters from [a-zA-Z0-9]: at least 128 bits (`salt_entropy`).
const SALT_CHARS: usize = 22;

/// Django's `must_update_salt`: fewer than 128 bits of entropy in a 62-character alphabet.
fn salt_too_short(salt_chars: usize) -> bool {
    (salt_chars as f64) * 62f64.log2() < 128.0
}

/// Django's `get_random_string`: characters from [a-zA-Z0-9] from the OS-seeded CSPRNG.
pub fn random_string(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// Django's `constant_time_compare`, for strings or bytes.
pub fn constant_time_eq(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> bool {
    a.as_ref().ct_eq(b.as_ref()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> HashConfig {
        HashConfig {
            argon2_memory_cost: 64,
            argon2_time_cost: 1,
            argon2_parallelism: 2,
            pbkdf2_sha256_iterations: 10,
            pbkdf2_sha1_iterations: 10,
            bcrypt_rounds: 4,
            scrypt_work_factor: 16,
            scrypt_block_size: 2,
            scrypt_parallelism: 1,
            ..HashConfig::default()
        }
    }

    #[test]
    fn every_algorithm_round_trips_and_rejects_wrong_password() {
        let config = cheap();
        for algorithm in Algorithm::ALL {
            let config = HashConfig {
                preferred: algorithm,
                ..config.clone()
            };
            let encoded = make_password("sésame ouvre-toi", &config);
            assert_eq!(identify(&encoded), Some(algorithm), "{encoded}");
            assert!(is_well_formed(&encoded), "{encoded}");
            let ok = check_password("sésame ouvre-toi", &encoded, &config);
            assert_eq!(
                ok,
                Verdict {
                    matches: true,
                    must_update: false
                },
                "{encoded}"
            );
            assert!(!check_password("sesame", &encoded, &config).matches);
        }
    }

    #[test]
    fn changed_costs_or_preference_ask_for_upgrade() {
        let config = cheap();
        let encoded = make_password("pw", &config);
        let stronger = HashConfig {
            argon2_time_cost: 2,
            ..config.clone()
        };
        assert!(check_password("pw", &encoded, &stronger).must_update);
        let other = HashConfig {
            preferred: Algorithm::Pbkdf2Sha256,
            ..config
        };
        let verdict = check_password("pw", &encoded, &other);
        assert!(verdict.matches && verdict.must_update);
    }

    #[test]
    fn garbage_and_unusable_never_match() {
        let config = cheap();
        for encoded in [
            "",
            "$",
            "!",
            "!abc",
            "argon2$",
            "argon2$argon2id$v=19$m=x,t=1,p=1$YWJj$YWJj",
            "argon2$argon2id$v=19$m=8,t=1,p=1$!!$YWJj",
            "pbkdf2_sha256$abc$salt$hash",
            "pbkdf2_sha256$0$salt$hash",
            "pbkdf2_sha256$10$salt",
            "bcrypt_sha256$$2b$04$tooshort",
            "bcrypt$garbage",
            "scrypt$3$salt$8$1$hash",
            "scrypt$16$salt$0$1$hash",
            "md5$$0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef",
            "sha1$salt$abc",
            "unknown$1$2",
        ] {
            assert!(!check_password("", encoded, &config).matches, "{encoded:?}");
            assert!(
                !check_password("x", encoded, &config).matches,
                "{encoded:?}"
            );
        }
    }

    #[test]
    fn hashes_asking_for_too_much_work_never_match() {
        let config = cheap();
        for encoded in [
            "scrypt$1099511627776$salt$8$1$aGFzaA==",
            "pbkdf2_sha256$4294967295$salt$aGFzaA==",
            "argon2$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            "argon2$argon2id$v=19$m=64,t=4294967295,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            "bcrypt$$2b$31$abcdefghijklmnopqrstuu5Z3Xl7gH0d0wW4ehx4a0JQ0E8yS2Pbu",
        ] {
            assert!(!is_well_formed(encoded), "{encoded}");
            assert!(!check_password("x", encoded, &config).matches, "{encoded}");
        }
        let too_costly = HashConfig {
            bcrypt_rounds: 31,
            ..cheap()
        };
        assert!(too_costly.check().is_err());
    }

    #[test]
    fn salt_entropy_rule_matches_django() {
        assert!(salt_too_short(21));
        assert!(!salt_too_short(22));
    }

    #[test]
    fn unusable_passwords_are_marked_and_random() {
        let a = make_unusable();
        assert!(!is_usable(&a));
        assert_eq!(a.len(), 41);
        assert_ne!(a, make_unusable());
    }
}
