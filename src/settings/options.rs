//! Every setting as a typed field: the config file and the environment are both read into
//! [`Options`] (serde, unknown keys refused), one layer each.
//!
//! Values are read through small wrappers ([`Text`], [`Whole`], …) so that a wrong type fails
//! with the same words wherever it came from, and so that environment strings can be parsed by
//! the type the field asks for.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    pub database: Option<Text>,
    pub session_file: Option<Text>,
    pub secret_key: Option<Text>,
    pub secret_key_fallbacks: Option<List>,
    pub session_age: Option<Whole>,
    pub password_reset_timeout: Option<Whole>,
    pub domain: Option<Text>,
    pub site_name: Option<Text>,
    pub reset_url: Option<Text>,
    pub hasher: Option<Text>,
    pub hashers: Option<List>,
    pub time_zone: Option<Text>,
    pub use_tz: Option<Flag>,
    #[serde(default)]
    pub user_model: UserModelOptions,
    #[serde(default)]
    pub lockout: LockoutOptions,
    #[serde(default)]
    pub audit: AuditOptions,
    #[serde(default)]
    pub argon2: Argon2Options,
    #[serde(default)]
    pub pbkdf2_sha256: Pbkdf2Options,
    #[serde(default)]
    pub pbkdf2_sha1: Pbkdf2Options,
    #[serde(default)]
    pub bcrypt: BcryptOptions,
    #[serde(default)]
    pub scrypt: ScryptOptions,
    #[serde(default)]
    pub validators: ValidatorOptions,
    #[serde(default)]
    pub email: EmailOptions,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockoutOptions {
    pub enabled: Option<Flag>,
    pub failure_limit: Option<Whole>,
    pub window: Option<Whole>,
    pub cooloff: Option<Whole>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditOptions {
    pub retain_days: Option<Whole>,
    pub syslog: Option<Flag>,
    pub syslog_socket: Option<Text>,
    pub verify_successes: Option<Flag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserModelOptions {
    pub table: Option<Text>,
    pub username_field: Option<Text>,
    pub email_field: Option<Text>,
    pub required_fields: Option<List>,
    pub columns: Option<List>,
    #[serde(default)]
    pub defaults: BTreeMap<String, Scalar>,
    #[serde(default)]
    pub labels: BTreeMap<String, Scalar>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Argon2Options {
    pub memory_cost: Option<Whole>,
    pub time_cost: Option<Whole>,
    pub parallelism: Option<Whole>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pbkdf2Options {
    pub iterations: Option<Whole>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BcryptOptions {
    pub rounds: Option<Whole>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScryptOptions {
    pub work_factor: Option<Whole>,
    pub block_size: Option<Whole>,
    pub parallelism: Option<Whole>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidatorOptions {
    pub min_length: Option<Whole>,
    pub similarity: Option<Flag>,
    pub max_similarity: Option<Number>,
    pub common: Option<Flag>,
    pub numeric: Option<Flag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailOptions {
    pub backend: Option<Text>,
    pub from: Option<Text>,
    pub file_dir: Option<Text>,
    pub retry_for: Option<Whole>,
    pub sender: Option<Text>,
    #[serde(default)]
    pub smtp: SmtpOptions,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpOptions {
    pub host: Option<Text>,
    pub port: Option<Whole>,
    pub username: Option<Text>,
    pub password: Option<Text>,
    pub security: Option<Text>,
    pub timeout: Option<Whole>,
    pub ca_file: Option<Text>,
}

/// The sections of the file: keys that hold tables, not values.
pub const SECTIONS: &[&str] = &[
    "argon2",
    "pbkdf2_sha256",
    "pbkdf2_sha1",
    "bcrypt",
    "scrypt",
    "validators",
    "email",
    "email.smtp",
    "user_model",
    "user_model.defaults",
    "user_model.labels",
    "lockout",
    "audit",
];

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident($inner:ty), $what:literal, $hint:ident, $visitor:ident { $($body:tt)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name(pub $inner);

        struct $visitor;

        // Only the accepted kinds are visited; serde refuses the rest, naming `$what`.
        impl<'de> Visitor<'de> for $visitor {
            type Value = $name;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str($what)
            }
            $($body)*
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.$hint($visitor)
            }
        }
    };
}

wrapper!(
    /// A string.
    Text(String), "a string", deserialize_string, TextVisitor {
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
            Ok(Text(v.to_string()))
        }
    }
);

wrapper!(
    /// A whole number, zero or more.
    Whole(u64), "a whole number", deserialize_u64, WholeVisitor {
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Whole, E> {
            Ok(Whole(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Whole, E> {
            u64::try_from(v)
                .map(Whole)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
        }
    }
);

wrapper!(
    /// A number, whole or not.
    Number(f64), "a number", deserialize_f64, NumberVisitor {
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
            Ok(Number(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
            Ok(Number(v as f64))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
            Ok(Number(v as f64))
        }
    }
);

wrapper!(
    /// True or false.
    Flag(bool), "true or false", deserialize_bool, FlagVisitor {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
            Ok(Flag(v))
        }
    }
);

wrapper!(
    /// A column's value: a string, a number or a flag, kept as the text a person would type.
    Scalar(String), "a string, a number, true or false", deserialize_any, ScalarVisitor {
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
            Ok(Scalar(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
            Ok(Scalar(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
            Ok(Scalar(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
            Ok(Scalar(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
            Ok(Scalar(v.to_string()))
        }
    }
);

wrapper!(
    /// A list of strings.
    List(Vec<String>), "a list of strings", deserialize_seq, ListVisitor {
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<List, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<Text>()? {
                items.push(item.0);
            }
            Ok(List(items))
        }
    }
);
