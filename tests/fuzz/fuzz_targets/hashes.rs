//! Encoded password hashes as a database row could hold them: identified, inspected, checked
//! for an upgrade and described by every policy; checked against a password when cheap enough
//! to run here (the work bound itself is what `inspect` decides).
#![no_main]

use authctl::hashers::{
    Algorithm, Argon2Params, BcryptParams, HashParams, Hashers, Pbkdf2Params, Policy, ScryptParams,
    Shape,
};
use libfuzzer_sys::fuzz_target;

fn cheap() -> HashParams {
    HashParams {
        argon2: Argon2Params::new(64, 1, 1).unwrap(),
        pbkdf2_sha256: Pbkdf2Params::new(10).unwrap(),
        pbkdf2_sha1: Pbkdf2Params::new(10).unwrap(),
        bcrypt: BcryptParams::new(4).unwrap(),
        scrypt: ScryptParams::new(16, 1, 1).unwrap(),
    }
}

/// Whether every number in the text is small: then even a well-formed hash is quick to check.
fn cheap_to_check(encoded: &str) -> bool {
    encoded
        .split(|c: char| !c.is_ascii_digit())
        .all(|run| run.len() <= 3)
}

fuzz_target!(|data: &[u8]| {
    let Ok(encoded) = std::str::from_utf8(data) else {
        return;
    };
    let policies = [
        Policy::Own,
        Policy::KeepStored,
        Policy::Listed(vec![Algorithm::Argon2, Algorithm::Pbkdf2Sha256]),
    ];
    for policy in policies {
        let hashers = Hashers::new(Algorithm::Pbkdf2Sha256, &cheap()).with_policy(policy);
        let _ = authctl::hashers::identify(encoded);
        let shape = hashers.inspect(encoded);
        let _ = hashers.must_update(encoded);
        let _ = hashers.describe(encoded);
        if shape == Shape::Fine && cheap_to_check(encoded) {
            let _ = hashers.check_password("fuzz", encoded);
        }
    }
});
