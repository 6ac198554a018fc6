//! Reads `AUTHCTL_*` variables into [`super::options::Options`] as a serde deserializer, so the
//! variables are exactly the config file's keys (`email.smtp.host` → `AUTHCTL_EMAIL_SMTP_HOST`)
//! without a second list of them. A value is parsed by the type its field asks for: numbers,
//! yes/no flags, comma-separated lists.

use authctl::values::parse_bool;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Bound;

/// The environment variable for a key: `email.smtp.host` → `AUTHCTL_EMAIL_SMTP_HOST`.
pub fn var_name(key: &str) -> String {
    format!("AUTHCTL_{}", key.to_uppercase().replace('.', "_"))
}

#[derive(Debug)]
pub struct EnvError(String);

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EnvError {}

impl de::Error for EnvError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        EnvError(msg.to_string())
    }
}

/// The variables under one key prefix: the whole settings (prefix `""`) or a section.
pub struct Env<'a> {
    vars: &'a BTreeMap<String, String>,
    /// The dotted key of this section, `""` at the top.
    prefix: String,
    /// The keys whose variables were read, so errors can name where a value came from.
    used: &'a RefCell<BTreeSet<String>>,
}

impl<'a> Env<'a> {
    pub fn new(vars: &'a BTreeMap<String, String>, used: &'a RefCell<BTreeSet<String>>) -> Self {
        Env {
            vars,
            prefix: String::new(),
            used,
        }
    }

    fn key(&self, field: &str) -> String {
        match self.prefix.is_empty() {
            true => field.to_string(),
            false => format!("{}.{field}", self.prefix),
        }
    }
}

impl<'de> Deserializer<'de> for Env<'_> {
    type Error = EnvError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, EnvError> {
        Err(de::Error::custom(
            "settings are read into their typed fields only",
        ))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, EnvError> {
        // A field is offered when its variable is set, or, for a section, any variable under it.
        // Those names all begin with the field's variable, so in the sorted map they follow it:
        // a look from there, not a pass over the whole environment for each field.
        let present: Vec<&'static str> = fields
            .iter()
            .copied()
            .filter(|field| {
                let var = var_name(&self.key(field));
                self.vars
                    .range::<str, _>((Bound::Included(var.as_str()), Bound::Unbounded))
                    .map(|(k, _)| k)
                    .take_while(|k| k.starts_with(&var))
                    .any(|k| k.len() == var.len() || k[var.len()..].starts_with('_'))
            })
            .collect();
        visitor.visit_map(Fields {
            env: &self,
            fields: present.into_iter(),
            current: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

struct Fields<'a, 'b> {
    env: &'b Env<'a>,
    fields: std::vec::IntoIter<&'static str>,
    current: Option<&'static str>,
}

impl<'de> MapAccess<'de> for Fields<'_, '_> {
    type Error = EnvError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, EnvError> {
        match self.fields.next() {
            None => Ok(None),
            Some(field) => {
                self.current = Some(field);
                seed.deserialize(field.into_deserializer()).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, EnvError> {
        let field = self.current.take().unwrap_or_default();
        let key = self.env.key(field);
        let text = self.env.vars.get(&var_name(&key)).map(String::as_str);
        if text.is_some() {
            self.env.used.borrow_mut().insert(key.clone());
        }
        seed.deserialize(Value {
            text,
            section: Env {
                vars: self.env.vars,
                prefix: key,
                used: self.env.used,
            },
        })
    }
}

/// One field: a variable's text, or the section under it.
struct Value<'a> {
    text: Option<&'a str>,
    section: Env<'a>,
}

impl Value<'_> {
    fn text(&self) -> Result<&str, EnvError> {
        self.text
            .ok_or_else(|| de::Error::custom("the variable is not set"))
    }

    fn number<T: std::str::FromStr>(&self, what: &str) -> Result<T, EnvError> {
        let text = self.text()?;
        text.trim()
            .parse()
            .map_err(|_| de::Error::custom(format!("invalid value, expected {what}")))
    }
}

impl<'de> Deserializer<'de> for Value<'_> {
    type Error = EnvError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        visitor.visit_str(self.text()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        match self.text {
            None => visitor.visit_none(),
            Some(_) => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, EnvError> {
        self.section.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        visitor.visit_u64(self.number("a whole number")?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        visitor.visit_f64(self.number("a number")?)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        match parse_bool(self.text()?) {
            Some(b) => visitor.visit_bool(b),
            None => Err(de::Error::custom("invalid value, expected true or false")),
        }
    }

    /// A table of free keys (`user_model.defaults.*`): every variable under the section's
    /// name, by the rest of its name in lower case.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        let env = self.section;
        let prefix = format!("{}_", var_name(&env.prefix));
        let entries: Vec<(String, &str)> = env
            .vars
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_lowercase(), v.as_str())))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        for (key, _) in &entries {
            env.used
                .borrow_mut()
                .insert(format!("{}.{key}", env.prefix));
        }
        visitor.visit_map(de::value::MapDeserializer::new(
            entries.into_iter().map(|(k, v)| (k, Text(v))),
        ))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, EnvError> {
        // An empty variable is an empty list; otherwise every item counts, empty ones too, so
        // that a setting can refuse them.
        let text = self.text()?;
        let items: Vec<String> = match text.trim().is_empty() {
            true => Vec::new(),
            false => text
                .split(',')
                .map(|item| item.trim().to_string())
                .collect(),
        };
        visitor.visit_seq(de::value::SeqDeserializer::new(items.into_iter()))
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 char str string bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct enum identifier ignored_any
    }
}

/// A value inside an environment map: always text.
struct Text<'a>(&'a str);

impl<'de> IntoDeserializer<'de, EnvError> for Text<'_> {
    type Deserializer = de::value::StringDeserializer<EnvError>;
    fn into_deserializer(self) -> Self::Deserializer {
        self.0.to_string().into_deserializer()
    }
}

#[cfg(test)]
mod tests {
    use super::super::options::Options;
    use super::*;
    use serde::Deserialize;

    fn read(pairs: &[(&str, &str)]) -> Result<Options, EnvError> {
        let vars: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let used = RefCell::new(BTreeSet::new());
        Options::deserialize(Env::new(&vars, &used))
    }

    #[test]
    fn variables_fill_their_typed_fields() {
        let options = read(&[
            ("AUTHCTL_SESSION_AGE", " 7 "),
            ("AUTHCTL_SECRET_KEY_FALLBACKS", "a, b,c"),
            ("AUTHCTL_EMAIL_SMTP_HOST", "mail.example.com"),
            ("AUTHCTL_VALIDATORS_COMMON", "off"),
            ("AUTHCTL_VALIDATORS_MAX_SIMILARITY", "0.5"),
            ("AUTHCTL_UNRELATED_THING", "ignored"),
            ("OTHER", "ignored"),
        ])
        .unwrap();
        assert_eq!(options.session_age.map(|w| w.0), Some(7));
        assert_eq!(
            options.secret_key_fallbacks.map(|l| l.0),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            options.email.smtp.host.map(|t| t.0).as_deref(),
            Some("mail.example.com")
        );
        assert_eq!(options.validators.common.map(|f| f.0), Some(false));
        assert_eq!(options.validators.max_similarity.map(|n| n.0), Some(0.5));
        assert!(options.secret_key.is_none());
        let options = read(&[
            ("AUTHCTL_USER_MODEL_TABLE", "accounts_customuser"),
            ("AUTHCTL_USER_MODEL_DEFAULTS_DEPARTMENT", "Sales"),
        ])
        .unwrap();
        assert_eq!(
            options.user_model.table.map(|t| t.0).as_deref(),
            Some("accounts_customuser")
        );
        assert_eq!(
            options
                .user_model
                .defaults
                .get("department")
                .map(|s| s.0.as_str()),
            Some("Sales")
        );
    }

    #[test]
    fn a_bad_value_says_what_was_expected() {
        let err = read(&[("AUTHCTL_VALIDATORS_COMMON", "maybe")]).unwrap_err();
        assert!(err.to_string().contains("true or false"), "{err}");
        let err = read(&[("AUTHCTL_ARGON2_TIME_COST", "-1")]).unwrap_err();
        assert!(err.to_string().contains("a whole number"), "{err}");
    }
}
