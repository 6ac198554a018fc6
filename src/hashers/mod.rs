//! Django's encoded password formats: identify a hash, verify a password against it, encode new
//! hashes with the preferred hasher, and decide when a stored hash is due for an upgrade
//! (Django's `must_update`).
//!
//! Each algorithm is a [`PasswordHasher`] with its own parameter type, whose constructor refuses
//! values the algorithm (or authctl's work limits) would not take, so encoding cannot fail.
//! Every parser treats a malformed encoding as "no match": a bad row must never crash a login.

mod argon2;
mod bcrypt;
mod md5;
mod pbkdf2;
mod scrypt;

pub use self::argon2::{Argon2, Argon2Params};
pub use self::bcrypt::{Bcrypt, BcryptParams};
pub use self::md5::Md5;
pub use self::pbkdf2::{Pbkdf2, Pbkdf2Params};
pub use self::scrypt::{Scrypt, ScryptParams};
use std::fmt;

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

    /// Kept for old hashes only: Django's documentation calls MD5 insecure, so a stored MD5
    /// hash is always converted, whatever else is kept.
    pub fn is_legacy(self) -> bool {
        self == Algorithm::Md5
    }

    /// The Python package a Django site needs before it can read this hasher's hashes.
    pub fn python_package(self) -> Option<&'static str> {
        match self {
            Algorithm::Argon2 => Some("argon2-cffi"),
            Algorithm::Bcrypt | Algorithm::BcryptSha256 => Some("bcrypt"),
            _ => None,
        }
    }
}

/// Which stored hashes count, and what an outdated one becomes — decided by who else reads
/// the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Policy {
    /// authctl's own database: every hasher reads, and outdated hashes move to the preferred
    /// hasher and costs.
    Own,
    /// The site's `PASSWORD_HASHERS`, by algorithm, in order: only these read, and re-encoding
    /// follows Django's `check_password` exactly (to the preferred hasher, on any difference).
    Listed(Vec<Algorithm>),
    /// A Django project's database whose list is not known: every hash stays as it is —
    /// neither its algorithm nor its costs are changed, since the site's are unknown and a
    /// difference would have the two re-encode back and forth — except legacy hashes, which
    /// are converted to the preferred hasher.
    KeepStored,
}

/// Whether the site sharing the database can read a hasher's hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteReads {
    Yes,
    /// Not in the site's `hashers` list.
    No,
    /// Only if the site has installed this Python package (the list is unknown).
    WithPackage(&'static str),
}

/// One of Django's hashers with its parameters: the operations Django's `BasePasswordHasher`
/// defines.
pub trait PasswordHasher: Send + Sync {
    fn algorithm(&self) -> Algorithm;

    /// A new encoding of `password` with a fresh salt and this hasher's parameters.
    fn encode(&self, password: &str) -> String;

    /// Whether `password` matches `encoded`, compared in constant time; a malformed encoding,
    /// or one asking for more work than authctl allows, never matches.
    fn verify(&self, password: &str, encoded: &str) -> bool;

    /// Whether `encoded` (of this algorithm) was made with other parameters than these.
    fn must_update(&self, encoded: &str) -> bool;

    /// Django's `harden_runtime`: after a wrong password against a cheaper hash, spend the
    /// difference, so old accounts cannot be told apart by timing.
    fn harden_runtime(&self, _password: &str, _encoded: &str) {}

    /// Whether `encoded` is this algorithm's format, and whether checking it stays within
    /// the work bound.
    fn inspect(&self, encoded: &str) -> Shape;
}

/// What a stored encoding is, before any password is checked against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A hash this hasher can check.
    Fine,
    /// Not this algorithm's format.
    Malformed,
    /// Well formed, but one check would cost more than [`WORK_BOUND`] times the configured
    /// (or Django's default, if higher) time or memory.
    TooCostly,
    /// A hasher outside the site's `hashers` list: Django would not read it, so neither does
    /// authctl.
    NotListed(Algorithm),
}

/// How many times the configured cost one stored hash may ask for. Beyond it a corrupt or
/// hostile row could stall a login for minutes or exhaust memory, so it never matches.
pub const WORK_BOUND: u64 = 10;

/// The most work a stored hash may ask for: [`WORK_BOUND`] times the larger of the configured
/// and the default work.
fn bound(configured: u64, default: u64) -> u64 {
    configured.max(default).saturating_mul(WORK_BOUND)
}

/// A parameter value a hasher refuses: which parameter, and what it must be instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's name, as Django's hasher calls it (`parallelism`, `iterations`).
    pub param: &'static str,
    pub expected: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` must be {}", self.param, self.expected)
    }
}

/// Cost parameters for every hasher; the defaults are Django 5.2's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HashParams {
    pub argon2: Argon2Params,
    pub pbkdf2_sha256: Pbkdf2Params,
    pub pbkdf2_sha1: Pbkdf2Params,
    /// For `bcrypt_sha256` and `bcrypt` alike, as Django's two share `rounds`.
    pub bcrypt: BcryptParams,
    pub scrypt: ScryptParams,
}

/// Every hasher at its configured parameters, and which one new passwords use.
pub struct Hashers {
    preferred: Algorithm,
    policy: Policy,
    argon2: Argon2,
    pbkdf2_sha256: Pbkdf2,
    pbkdf2_sha1: Pbkdf2,
    bcrypt_sha256: Bcrypt,
    bcrypt: Bcrypt,
    scrypt: Scrypt,
    md5: Md5,
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

impl Hashers {
    /// Every hasher, with [`Policy::Own`].
    pub fn new(preferred: Algorithm, params: &HashParams) -> Hashers {
        Hashers {
            preferred,
            policy: Policy::Own,
            argon2: Argon2::new(params.argon2),
            pbkdf2_sha256: Pbkdf2::sha256(params.pbkdf2_sha256),
            pbkdf2_sha1: Pbkdf2::sha1(params.pbkdf2_sha1),
            bcrypt_sha256: Bcrypt::sha256(params.bcrypt),
            bcrypt: Bcrypt::plain(params.bcrypt),
            scrypt: Scrypt::new(params.scrypt),
            md5: Md5,
        }
    }

    pub fn with_policy(mut self, policy: Policy) -> Hashers {
        self.policy = policy;
        self
    }

    pub fn preferred(&self) -> Algorithm {
        self.preferred
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Whether the site sharing the database can read hashes of `algorithm`.
    pub fn site_reads(&self, algorithm: Algorithm) -> SiteReads {
        match &self.policy {
            Policy::Own => SiteReads::Yes,
            Policy::Listed(list) if list.contains(&algorithm) => SiteReads::Yes,
            Policy::Listed(_) => SiteReads::No,
            Policy::KeepStored => algorithm
                .python_package()
                .map_or(SiteReads::Yes, SiteReads::WithPackage),
        }
    }

    /// The algorithm of a usable stored hash that this policy reads (Django's
    /// `identify_hasher`, which only knows the listed hashers).
    fn readable(&self, encoded: &str) -> Option<Algorithm> {
        let algorithm = identify(encoded).filter(|_| is_usable(encoded))?;
        (self.site_reads(algorithm) != SiteReads::No).then_some(algorithm)
    }

    /// A new encoding of a password whose stored hash is outdated, and its hasher (the
    /// preferred one, as in Django).
    pub fn rehash(&self, password: &str) -> (String, Algorithm) {
        (self.make_password(password), self.preferred)
    }
    pub fn get(&self, algorithm: Algorithm) -> &dyn PasswordHasher {
        match algorithm {
            Algorithm::Argon2 => &self.argon2,
            Algorithm::Pbkdf2Sha256 => &self.pbkdf2_sha256,
            Algorithm::Pbkdf2Sha1 => &self.pbkdf2_sha1,
            Algorithm::BcryptSha256 => &self.bcrypt_sha256,
            Algorithm::Bcrypt => &self.bcrypt,
            Algorithm::Scrypt => &self.scrypt,
            Algorithm::Md5 => &self.md5,
        }
    }

    /// Django's `make_password` with the preferred hasher.
    pub fn make_password(&self, password: &str) -> String {
        self.get(self.preferred).encode(password)
    }

    /// Django's `verify_password`: whether the password matches, and whether the hash is
    /// outdated relative to the preferred hasher. Unusable and unrecognised encodings never
    /// match.
    pub fn check_password(&self, password: &str, encoded: &str) -> Verdict {
        let Some(algorithm) = self.readable(encoded) else {
            return NO_MATCH;
        };
        let hasher = self.get(algorithm);
        let matches = hasher.verify(password, encoded);
        let must_update = self.must_update(encoded);
        // Django closes the timing gap between a cheaper stored hash and the configured cost,
        // so a wrong password takes as long for an old account as for a current one.
        if !matches && must_update && algorithm == self.preferred {
            hasher.harden_runtime(password, encoded);
        }
        Verdict {
            matches,
            must_update,
        }
    }

    /// Whether a stored hash is outdated: another hasher than the one it would be re-encoded
    /// with, or that hasher's costs differ.
    pub fn must_update(&self, encoded: &str) -> bool {
        match self.readable(encoded) {
            Some(algorithm) if self.policy == Policy::KeepStored => algorithm.is_legacy(),
            Some(algorithm) => {
                algorithm != self.preferred || self.get(algorithm).must_update(encoded)
            }
            None => false,
        }
    }

    /// Whether `encoded` is a well-formed hash of a known algorithm within the work bound
    /// (for importing hashes).
    pub fn is_well_formed(&self, encoded: &str) -> bool {
        self.inspect(encoded) == Shape::Fine
    }

    /// What `encoded` is: a hash of a known algorithm that can be checked, one over the work
    /// bound, or anything else (unusable and unknown encodings are malformed here).
    pub fn inspect(&self, encoded: &str) -> Shape {
        match identify(encoded) {
            Some(algorithm) if is_usable(encoded) => match self.get(algorithm).inspect(encoded) {
                Shape::Fine if self.site_reads(algorithm) == SiteReads::No => {
                    Shape::NotListed(algorithm)
                }
                shape => shape,
            },
            _ => Shape::Malformed,
        }
    }

    /// What an admin sees of a stored password.
    pub fn describe(&self, encoded: &str) -> PasswordInfo {
        let usable = is_usable(encoded);
        let algorithm = identify(encoded);
        let hasher = match (usable, algorithm) {
            (false, _) => "unusable",
            (true, Some(a)) => a.name(),
            (true, None) => "unknown",
        };
        PasswordInfo {
            hasher,
            usable: self.readable(encoded).is_some(),
            needs_upgrade: usable && self.must_update(encoded),
        }
    }
}

/// What `users show` tells about a password beyond the hash itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordInfo {
    /// The hasher's name, `unusable`, or `unknown` for an unrecognised encoding.
    pub hasher: &'static str,
    pub usable: bool,
    /// Stored with another hasher or other costs than the preferred ones.
    pub needs_upgrade: bool,
}

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

/// Django's `set_unusable_password`: the prefix and 40 random characters.
pub fn make_unusable() -> String {
    format!("{UNUSABLE_PREFIX}{}", crate::crypto::random_string(40))
}

/// Django's salts: 22 characters from [a-zA-Z0-9], at least 128 bits (`salt_entropy`).
fn new_salt() -> String {
    crate::crypto::random_string(22)
}

/// Django's `must_update_salt`: fewer than 128 bits of entropy in a 62-character alphabet.
fn salt_too_short(salt_chars: usize) -> bool {
    (salt_chars as f64) * 62f64.log2() < 128.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> HashParams {
        HashParams {
            argon2: Argon2Params::new(64, 1, 2).unwrap(),
            pbkdf2_sha256: Pbkdf2Params::new(10).unwrap(),
            pbkdf2_sha1: Pbkdf2Params::new(10).unwrap(),
            bcrypt: BcryptParams::new(4).unwrap(),
            scrypt: ScryptParams::new(16, 2, 1).unwrap(),
        }
    }

    #[test]
    fn every_algorithm_round_trips_and_rejects_wrong_password() {
        for algorithm in Algorithm::ALL {
            let hashers = Hashers::new(algorithm, &cheap());
            let encoded = hashers.make_password("sésame ouvre-toi");
            assert_eq!(identify(&encoded), Some(algorithm), "{encoded}");
            assert!(hashers.is_well_formed(&encoded), "{encoded}");
            let ok = hashers.check_password("sésame ouvre-toi", &encoded);
            assert_eq!(
                ok,
                Verdict {
                    matches: true,
                    must_update: false
                },
                "{encoded}"
            );
            assert!(!hashers.check_password("sesame", &encoded).matches);
        }
    }

    #[test]
    fn changed_costs_or_preference_ask_for_upgrade() {
        let encoded = Hashers::new(Algorithm::Argon2, &cheap()).make_password("pw");
        let stronger = HashParams {
            argon2: Argon2Params::new(64, 2, 2).unwrap(),
            ..cheap()
        };
        let stronger = Hashers::new(Algorithm::Argon2, &stronger);
        assert!(stronger.check_password("pw", &encoded).must_update);
        let other = Hashers::new(Algorithm::Pbkdf2Sha256, &cheap());
        let verdict = other.check_password("pw", &encoded);
        assert!(verdict.matches && verdict.must_update);
    }

    #[test]
    fn garbage_and_unusable_never_match() {
        let hashers = Hashers::new(Algorithm::Argon2, &cheap());
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
            assert!(!hashers.check_password("", encoded).matches, "{encoded:?}");
            assert!(!hashers.check_password("x", encoded).matches, "{encoded:?}");
        }
    }

    #[test]
    fn hashes_asking_for_too_much_work_never_match() {
        let hashers = Hashers::new(Algorithm::Argon2, &cheap());
        for encoded in [
            "scrypt$1099511627776$salt$8$1$aGFzaA==",
            "pbkdf2_sha256$4294967295$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "argon2$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            "argon2$argon2id$v=19$m=64,t=4294967295,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            "bcrypt$$2b$31$abcdefghijklmnopqrstuu5Z3Xl7gH0d0wW4ehx4a0JQ0E8yS2Pbu",
        ] {
            assert!(!hashers.is_well_formed(encoded), "{encoded}");
            assert!(!hashers.check_password("x", encoded).matches, "{encoded}");
        }
        assert!(BcryptParams::new(31).is_err());
    }

    #[test]
    fn stored_work_is_bounded_at_ten_times_the_larger_of_configured_and_default() {
        let hashers = Hashers::new(Algorithm::Argon2, &cheap());
        let argon2 = |m: u32, t: u32, p: u32| {
            format!(
                "argon2$argon2id$v=19$m={m},t={t},p={p}$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
            )
        };
        for (encoded, shape) in [
            (argon2(102_400, 2, 8), Shape::Fine),
            (argon2(1_024_000, 2, 8), Shape::Fine),
            (argon2(1_024_001, 1, 8), Shape::TooCostly),
            (argon2(102_400, 21, 8), Shape::TooCostly),
            (argon2(1_048_576, 64, 64), Shape::TooCostly),
            (
                "pbkdf2_sha256$10000000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".into(),
                Shape::Fine,
            ),
            (
                "pbkdf2_sha256$10000001$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".into(),
                Shape::TooCostly,
            ),
            (
                "pbkdf2_sha1$99999999999$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAA=".into(),
                Shape::TooCostly,
            ),
            ("scrypt$16384$salt$8$50$aGFzaA==".into(), Shape::Fine),
            ("scrypt$16384$salt$8$51$aGFzaA==".into(), Shape::TooCostly),
        ] {
            assert_eq!(hashers.inspect(&encoded), shape, "{encoded}");
        }
        let bcrypt = Hashers::new(Algorithm::Bcrypt, &cheap()).make_password("pw");
        let at = |cost: &str| bcrypt.replacen("$2b$04$", &format!("$2b${cost}$"), 1);
        assert_eq!(hashers.inspect(&at("15")), Shape::Fine);
        assert_eq!(hashers.inspect(&at("16")), Shape::TooCostly);
        // A costlier configuration raises the bound with it.
        let costly = HashParams {
            pbkdf2_sha256: Pbkdf2Params::new(2_000_000).unwrap(),
            ..cheap()
        };
        let costly = Hashers::new(Algorithm::Argon2, &costly);
        let pbkdf2 = "pbkdf2_sha256$20000000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assert_eq!(costly.inspect(pbkdf2), Shape::Fine);
        assert_eq!(hashers.inspect(pbkdf2), Shape::TooCostly);
    }

    #[test]
    fn parameters_an_encoder_cannot_take_are_refused() {
        assert_eq!(
            Argon2Params::new(64, 1, 0).unwrap_err().param,
            "parallelism"
        );
        assert_eq!(Argon2Params::new(64, 0, 1).unwrap_err().param, "time_cost");
        assert_eq!(Argon2Params::new(4, 1, 1).unwrap_err().param, "memory_cost");
        assert!(Pbkdf2Params::new(0).is_err());
        assert!(BcryptParams::new(3).is_err());
        assert!(ScryptParams::new(3, 8, 1).is_err());
        assert!(ScryptParams::new(1 << 20, 8, 1).is_err());
    }

    #[test]
    fn a_listed_policy_reads_only_the_list_and_moves_to_its_first() {
        let argon2 = Hashers::new(Algorithm::Argon2, &cheap()).make_password("pw");
        let pbkdf2 = Hashers::new(Algorithm::Pbkdf2Sha256, &cheap()).make_password("pw");
        let site = |list: &[Algorithm]| {
            Hashers::new(list[0], &cheap()).with_policy(Policy::Listed(list.to_vec()))
        };
        // Argon2 first: an argon2 hash is current, a pbkdf2 one moves to argon2.
        let argon2_first = site(&[Algorithm::Argon2, Algorithm::Pbkdf2Sha256]);
        let current = argon2_first.check_password("pw", &argon2);
        assert!(current.matches && !current.must_update);
        let outdated = argon2_first.check_password("pw", &pbkdf2);
        assert!(outdated.matches && outdated.must_update);
        assert_eq!(argon2_first.rehash("pw").1, Algorithm::Argon2);
        // Without argon2 in the list, its hashes are not read at all.
        let no_argon2 = site(&[Algorithm::Pbkdf2Sha256]);
        assert_eq!(no_argon2.check_password("pw", &argon2), NO_MATCH);
        assert_eq!(
            no_argon2.inspect(&argon2),
            Shape::NotListed(Algorithm::Argon2)
        );
        assert_eq!(no_argon2.site_reads(Algorithm::Argon2), SiteReads::No);
        assert!(!no_argon2.describe(&argon2).usable);
    }

    #[test]
    fn keeping_stored_hashers_converts_only_legacy_ones() {
        let keep = Hashers::new(Algorithm::Pbkdf2Sha256, &cheap()).with_policy(Policy::KeepStored);
        let argon2 = Hashers::new(Algorithm::Argon2, &cheap()).make_password("pw");
        let verdict = keep.check_password("pw", &argon2);
        assert!(verdict.matches && !verdict.must_update);
        // Other costs are kept too: the site's own are unknown.
        let costlier = HashParams {
            argon2: Argon2Params::new(64, 2, 2).unwrap(),
            pbkdf2_sha256: Pbkdf2Params::new(600_000).unwrap(),
            ..cheap()
        };
        for algorithm in [Algorithm::Argon2, Algorithm::Pbkdf2Sha256] {
            let old = Hashers::new(algorithm, &costlier).make_password("pw");
            assert!(!keep.check_password("pw", &old).must_update, "{old}");
        }
        // MD5 goes to the preferred hasher.
        let md5 = Hashers::new(Algorithm::Md5, &cheap()).make_password("pw");
        assert!(keep.check_password("pw", &md5).must_update);
        assert_eq!(keep.rehash("pw").1, Algorithm::Pbkdf2Sha256);
        assert_eq!(
            keep.site_reads(Algorithm::Argon2),
            SiteReads::WithPackage("argon2-cffi")
        );
        assert_eq!(keep.site_reads(Algorithm::Scrypt), SiteReads::Yes);
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
