//! `md5$<salt>$<hex digest of salt + password>`: legacy, verified so old users can log in and be
//! upgraded, never chosen for new passwords unless configured.

use super::{Algorithm, PasswordHasher, Shape, new_salt, salt_too_short};
use crate::crypto::constant_time_eq;
use md5::{Digest, Md5 as Md5Digest};

pub struct Md5;

fn salt_of(encoded: &str) -> Option<&str> {
    let mut parts = encoded.splitn(3, '$');
    if parts.next()? != "md5" {
        return None;
    }
    let salt = parts.next()?;
    parts.next()?;
    Some(salt)
}

fn encode_with(password: &str, salt: &str) -> String {
    let digest = Md5Digest::new()
        .chain_update(salt.as_bytes())
        .chain_update(password.as_bytes())
        .finalize();
    format!("md5${salt}${}", hex::encode(digest))
}

impl PasswordHasher for Md5 {
    fn algorithm(&self) -> Algorithm {
        Algorithm::Md5
    }

    fn encode(&self, password: &str) -> String {
        encode_with(password, &new_salt())
    }

    fn verify(&self, password: &str, encoded: &str) -> bool {
        salt_of(encoded).is_some_and(|salt| constant_time_eq(encoded, encode_with(password, salt)))
    }

    fn must_update(&self, encoded: &str) -> bool {
        salt_of(encoded).is_none_or(|salt| salt_too_short(salt.chars().count()))
    }

    fn inspect(&self, encoded: &str) -> Shape {
        match salt_of(encoded) {
            Some(_) => Shape::Fine,
            None => Shape::Malformed,
        }
    }
}
