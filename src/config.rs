//! Settings, resolved flag > environment (`AUTHCTL_*`) > config file (TOML) > default.
//!
//! Every key the program understands is listed once in [`KEYS`]; the file may hold only those,
//! and each value is checked here so a typo or a bad number fails early with the key's name and
//! where it came from.

use crate::error::{Error, Result};
use crate::hashers::{Algorithm, HashConfig};
use crate::secret::Secret;
use anyhow::Context;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The kind of value a key takes, used to parse environment strings and check file values.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Integer,
    Float,
    Bool,
    List,
}

/// Every configuration key, in the order the README documents them.
const KEYS: &[(&str, Type)] = &[
    ("database", Type::Text),
    ("session_file", Type::Text),
    ("secret_key", Type::Text),
    ("secret_key_fallbacks", Type::List),
    ("session_age", Type::Integer),
    ("password_reset_timeout", Type::Integer),
    ("domain", Type::Text),
    ("site_name", Type::Text),
    ("reset_url", Type::Text),
    ("hasher", Type::Text),
    ("argon2.memory_cost", Type::Integer),
    ("argon2.time_cost", Type::Integer),
    ("argon2.parallelism", Type::Integer),
    ("pbkdf2_sha256.iterations", Type::Integer),
    ("pbkdf2_sha1.iterations", Type::Integer),
    ("bcrypt.rounds", Type::Integer),
    ("scrypt.work_factor", Type::Integer),
    ("scrypt.block_size", Type::Integer),
    ("scrypt.parallelism", Type::Integer),
    ("validators.min_length", Type::Integer),
    ("validators.max_similarity", Type::Float),
    ("validators.common", Type::Bool),
    ("validators.numeric", Type::Bool),
    ("email.backend", Type::Text),
    ("email.from", Type::Text),
    ("email.file_dir", Type::Text),
    ("email.smtp.host", Type::Text),
    ("email.smtp.port", Type::Integer),
    ("email.smtp.username", Type::Text),
    ("email.smtp.password", Type::Text),
    ("email.smtp.security", Type::Text),
    ("email.smtp.timeout", Type::Integer),
    ("email.smtp.ca_file", Type::Text),
];

/// The environment variable for a key: `email.smtp.host` → `AUTHCTL_EMAIL_SMTP_HOST`.
pub fn env_name(key: &str) -> String {
    format!("AUTHCTL_{}", key.to_uppercase().replace('.', "_"))
}

/// Where a value came from, named in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(String),
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::File(path) => write!(f, "config file {}", path.display()),
        }
    }
}

#[derive(Debug, Clone)]
enum Raw {
    Toml(toml::Value),
    Text(String),
}

/// What the command line contributes; these win over everything else.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub database: Option<String>,
    pub session_file: Option<PathBuf>,
}

/// The platform directories authctl uses when nothing says otherwise.
#[derive(Debug, Clone)]
pub struct Dirs {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub state_dir: PathBuf,
}

impl Dirs {
    pub fn from_platform() -> Result<Dirs> {
        let dirs = directories::ProjectDirs::from("", "", "authctl").ok_or_else(|| {
            Error::environment(
                "cannot find a home directory for the default paths; set --database and --config",
            )
        })?;
        Ok(Dirs {
            config_dir: dirs.config_dir().to_path_buf(),
            data_dir: dirs.data_dir().to_path_buf(),
            state_dir: dirs
                .state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .to_path_buf(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailBackend {
    Console,
    File,
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    None,
    StartTls,
    Tls,
}

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: Option<String>,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub security: SmtpSecurity,
    pub timeout: u64,
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct EmailSettings {
    pub backend: EmailBackend,
    pub from: String,
    pub file_dir: Option<PathBuf>,
    pub smtp: SmtpSettings,
}

/// Django's four default password validators and their options.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidatorSettings {
    pub min_length: usize,
    pub max_similarity: f64,
    pub common: bool,
    pub numeric: bool,
}

impl Default for ValidatorSettings {
    fn default() -> Self {
        ValidatorSettings {
            min_length: 8,
            max_similarity: 0.7,
            common: true,
            numeric: true,
        }
    }
}

/// Everything resolved and checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database: String,
    /// No flag, variable or file named the database: it is the platform default.
    pub database_is_default: bool,
    pub session_file: PathBuf,
    pub secret_key: Option<Secret>,
    pub secret_key_fallbacks: Vec<Secret>,
    /// Where a generated secret key is kept when none is configured.
    pub secret_key_file: PathBuf,
    pub session_age: u64,
    pub password_reset_timeout: u64,
    pub domain: String,
    pub site_name: String,
    pub reset_url: Option<String>,
    /// `None` means "decide from the database": argon2, or pbkdf2_sha256 on a Django project's.
    pub hasher: Option<Algorithm>,
    /// Costs for every hasher; `preferred` is filled in once the database is known.
    pub hashing: HashConfig,
    pub validators: ValidatorSettings,
    pub email: EmailSettings,
}

impl Settings {
    /// Reads the config file and environment and applies the flags.
    pub fn load(
        overrides: &Overrides,
        env: &BTreeMap<String, String>,
        dirs: &Dirs,
    ) -> Result<Settings> {
        let mut values: BTreeMap<&'static str, (Raw, Source)> = BTreeMap::new();

        let (config_path, explicit) = match (&overrides.config, env.get("AUTHCTL_CONFIG")) {
            (Some(path), _) => (path.clone(), true),
            (None, Some(path)) if !path.is_empty() => (PathBuf::from(path), true),
            _ => (dirs.config_dir.join("config.toml"), false),
        };
        if explicit || config_path.exists() {
            read_file(&config_path, &mut values)?;
        }
        for &(key, _) in KEYS {
            let var = env_name(key);
            if let Some(value) = env.get(&var) {
                values.insert(key, (Raw::Text(value.clone()), Source::Env(var)));
            }
        }
        if let Some(database) = &overrides.database {
            values.insert(
                "database",
                (Raw::Text(database.clone()), Source::Flag("--database")),
            );
        }
        if let Some(session) = &overrides.session_file {
            values.insert(
                "session_file",
                (
                    Raw::Text(session.display().to_string()),
                    Source::Flag("--session-file"),
                ),
            );
        }

        let get = Getter { values: &values };
        let defaults = HashConfig::default();
        let hashing = HashConfig {
            preferred: defaults.preferred,
            argon2_memory_cost: get.u32("argon2.memory_cost", defaults.argon2_memory_cost)?,
            argon2_time_cost: get.u32("argon2.time_cost", defaults.argon2_time_cost)?,
            argon2_parallelism: get.u32("argon2.parallelism", defaults.argon2_parallelism)?,
            pbkdf2_sha256_iterations: get.u32(
                "pbkdf2_sha256.iterations",
                defaults.pbkdf2_sha256_iterations,
            )?,
            pbkdf2_sha1_iterations: get
                .u32("pbkdf2_sha1.iterations", defaults.pbkdf2_sha1_iterations)?,
            bcrypt_rounds: get.u32("bcrypt.rounds", defaults.bcrypt_rounds)?,
            scrypt_work_factor: get.u64("scrypt.work_factor", defaults.scrypt_work_factor)?,
            scrypt_block_size: get.u32("scrypt.block_size", defaults.scrypt_block_size)?,
            scrypt_parallelism: get.u32("scrypt.parallelism", defaults.scrypt_parallelism)?,
        };
        if let Err((key, expected)) = hashing.check() {
            return Err(get.bad(key, &expected));
        }
        let hasher = match get.text("hasher")? {
            None => None,
            Some(name) => Some(Algorithm::from_name(&name).ok_or_else(|| {
                get.bad(
                    "hasher",
                    "one of argon2, pbkdf2_sha256, pbkdf2_sha1, bcrypt_sha256, bcrypt, scrypt, md5",
                )
            })?),
        };

        let standard = ValidatorSettings::default();
        let validators = ValidatorSettings {
            min_length: get.u64("validators.min_length", standard.min_length as u64)? as usize,
            max_similarity: get.float("validators.max_similarity", standard.max_similarity)?,
            common: get.bool("validators.common", standard.common)?,
            numeric: get.bool("validators.numeric", standard.numeric)?,
        };
        // Django refuses a similarity below 0.1 because nearly every password would fail it.
        if !(0.1..=1.0).contains(&validators.max_similarity) {
            return Err(get.bad("validators.max_similarity", "a number from 0.1 to 1.0"));
        }

        let backend = match get.text("email.backend")?.as_deref() {
            None | Some("console") => EmailBackend::Console,
            Some("file") => EmailBackend::File,
            Some("smtp") => EmailBackend::Smtp,
            Some(_) => return Err(get.bad("email.backend", "one of console, file, smtp")),
        };
        let security = match get.text("email.smtp.security")?.as_deref() {
            None | Some("none") => SmtpSecurity::None,
            Some("starttls") => SmtpSecurity::StartTls,
            Some("tls") => SmtpSecurity::Tls,
            Some(_) => return Err(get.bad("email.smtp.security", "one of none, starttls, tls")),
        };
        let port = get.u64("email.smtp.port", 25)?;
        let port = u16::try_from(port)
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| get.bad("email.smtp.port", "a port number from 1 to 65535"))?;
        let email = EmailSettings {
            backend,
            from: get
                .text("email.from")?
                .unwrap_or_else(|| "webmaster@localhost".into()),
            file_dir: get.text("email.file_dir")?.map(PathBuf::from),
            smtp: SmtpSettings {
                host: get.text("email.smtp.host")?,
                port,
                username: get.text("email.smtp.username")?,
                password: get.text("email.smtp.password")?.map(Secret::new),
                security,
                timeout: get.positive("email.smtp.timeout", 10)?,
                ca_file: get.text("email.smtp.ca_file")?.map(PathBuf::from),
            },
        };

        let domain = get.text("domain")?.unwrap_or_else(|| "localhost".into());
        Ok(Settings {
            database: match get.text("database")? {
                // SQLite would take "" as a private temporary database and lose every write.
                Some(path) if path.is_empty() => return Err(get.bad("database", "a path")),
                Some(path) => path,
                None => dirs.data_dir.join("db.sqlite3").display().to_string(),
            },
            database_is_default: get.text("database")?.is_none(),
            session_file: get
                .text("session_file")?
                .map(PathBuf::from)
                .unwrap_or_else(|| dirs.state_dir.join("session")),
            secret_key: match get.text("secret_key")? {
                Some(key) if key.is_empty() => {
                    return Err(get.bad(
                        "secret_key",
                        "a non-empty key (unset it to use the generated one)",
                    ));
                }
                other => other.map(Secret::new),
            },
            secret_key_fallbacks: get
                .list("secret_key_fallbacks")?
                .into_iter()
                .map(Secret::new)
                .collect(),
            secret_key_file: dirs.config_dir.join("secret_key"),
            session_age: get.seconds("session_age", 1_209_600)?,
            password_reset_timeout: get.seconds("password_reset_timeout", 259_200)?,
            site_name: get.text("site_name")?.unwrap_or_else(|| domain.clone()),
            domain,
            reset_url: match get.text("reset_url")? {
                Some(url) if !(url.contains("{uidb64}") && url.contains("{token}")) => {
                    return Err(get.bad(
                        "reset_url",
                        "a link template containing {uidb64} and {token}",
                    ));
                }
                other => other,
            },
            hasher,
            hashing,
            validators,
            email,
        })
    }
}

fn read_file(path: &Path, values: &mut BTreeMap<&'static str, (Raw, Source)>) -> Result<()> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        // toml's own rendering spans several lines with a source excerpt; one sentence is
        // enough: what is wrong and where.
        let line = e
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        let place = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        Error::environment(format!(
            "config file {} is not valid TOML{place}: {}",
            path.display(),
            e.message().trim()
        ))
    })?;
    let mut flat = Vec::new();
    flatten("", table, &mut flat);
    for (key, value) in flat {
        let Some(&(known, kind)) = KEYS.iter().find(|(k, _)| *k == key) else {
            let section = KEYS.iter().any(|(k, _)| k.starts_with(&format!("{key}.")));
            let problem = match section {
                true => format!("`{key}` must be a table of settings, not a single value"),
                false => format!("unknown key `{key}`"),
            };
            return Err(
                Error::environment(format!("{problem} in config file {}", path.display())).into(),
            );
        };
        // Checked here too, so a bad file value is reported even when the environment or a
        // flag overrides it this time.
        if let Some(expected) = type_problem(kind, &value) {
            return Err(Error::environment(format!(
                "invalid value for `{key}` in config file {}: expected {expected}",
                path.display()
            ))
            .into());
        }
        values.insert(known, (Raw::Toml(value), Source::File(path.to_path_buf())));
    }
    Ok(())
}

/// A yes/no written as text (environment variables, CSV cells): true/false, 1/0, yes/no, y/n,
/// on/off, in any case.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "on" => Some(true),
        "0" | "false" | "no" | "n" | "off" => Some(false),
        _ => None,
    }
}

/// What a file value should have been, if it is not of its key's type.
fn type_problem(kind: Type, value: &toml::Value) -> Option<&'static str> {
    use toml::Value as V;
    let ok = match (kind, value) {
        (Type::Text, V::String(_)) | (Type::Bool, V::Boolean(_)) => true,
        (Type::Integer, V::Integer(n)) => *n >= 0,
        (Type::Float, V::Float(_) | V::Integer(_)) => true,
        (Type::List, V::Array(items)) => items.iter().all(V::is_str),
        _ => false,
    };
    (!ok).then_some(match kind {
        Type::Text => "a string",
        Type::Integer => "a whole number",
        Type::Float => "a number",
        Type::Bool => "true or false",
        Type::List => "a list of strings",
    })
}

/// Turns nested tables into dotted keys: `[email.smtp] host = …` → `email.smtp.host`.
fn flatten(prefix: &str, table: toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&key, inner, out),
            other => out.push((key, other)),
        }
    }
}

/// Typed reads from the merged values, with errors that name the key and its source.
struct Getter<'a> {
    values: &'a BTreeMap<&'static str, (Raw, Source)>,
}

impl Getter<'_> {
    fn bad(&self, key: &str, expected: &str) -> anyhow::Error {
        let source = self
            .values
            .get(key)
            .map(|(_, s)| s.to_string())
            .unwrap_or_else(|| "the default".into());
        Error::environment(format!(
            "invalid value for `{key}` from {source}: expected {expected}"
        ))
        .into()
    }

    fn text(&self, key: &str) -> Result<Option<String>> {
        debug_assert!(KEYS.iter().any(|(k, t)| *k == key && *t == Type::Text));
        match self.values.get(key) {
            None => Ok(None),
            Some((Raw::Text(s), _)) => Ok(Some(s.clone())),
            Some((Raw::Toml(toml::Value::String(s)), _)) => Ok(Some(s.clone())),
            Some(_) => Err(self.bad(key, "a string")),
        }
    }

    fn u64(&self, key: &str, default: u64) -> Result<u64> {
        match self.values.get(key) {
            None => Ok(default),
            Some((Raw::Text(s), _)) => s
                .trim()
                .parse()
                .map_err(|_| self.bad(key, "a whole number")),
            Some((Raw::Toml(toml::Value::Integer(n)), _)) => {
                u64::try_from(*n).map_err(|_| self.bad(key, "a whole number"))
            }
            Some(_) => Err(self.bad(key, "a whole number")),
        }
    }

    fn u32(&self, key: &str, default: u32) -> Result<u32> {
        let value = self.u64(key, u64::from(default))?;
        u32::try_from(value).map_err(|_| self.bad(key, "a whole number below 2^32"))
    }

    fn positive(&self, key: &str, default: u64) -> Result<u64> {
        match self.u64(key, default)? {
            0 => Err(self.bad(key, "a whole number above 0")),
            n => Ok(n),
        }
    }

    /// A duration in seconds, at most a century so times computed from it stay in range.
    fn seconds(&self, key: &str, default: u64) -> Result<u64> {
        const CENTURY: u64 = 100 * 366 * 86_400;
        match self.positive(key, default)? {
            n if n > CENTURY => Err(self.bad(key, "a number of seconds up to a century")),
            n => Ok(n),
        }
    }

    fn float(&self, key: &str, default: f64) -> Result<f64> {
        match self.values.get(key) {
            None => Ok(default),
            Some((Raw::Text(s), _)) => s.trim().parse().map_err(|_| self.bad(key, "a number")),
            Some((Raw::Toml(toml::Value::Float(x)), _)) => Ok(*x),
            Some((Raw::Toml(toml::Value::Integer(n)), _)) => Ok(*n as f64),
            Some(_) => Err(self.bad(key, "a number")),
        }
    }

    fn bool(&self, key: &str, default: bool) -> Result<bool> {
        match self.values.get(key) {
            None => Ok(default),
            Some((Raw::Text(s), _)) => parse_bool(s).ok_or_else(|| self.bad(key, "true or false")),
            Some((Raw::Toml(toml::Value::Boolean(b)), _)) => Ok(*b),
            Some(_) => Err(self.bad(key, "true or false")),
        }
    }

    fn list(&self, key: &str) -> Result<Vec<String>> {
        match self.values.get(key) {
            None => Ok(Vec::new()),
            Some((Raw::Text(s), _)) => Ok(s
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(String::from)
                .collect()),
            Some((Raw::Toml(toml::Value::Array(items)), _)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map(String::from)
                        .ok_or_else(|| self.bad(key, "a list of strings"))
                })
                .collect(),
            Some(_) => Err(self.bad(key, "a list of strings")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(root: &Path) -> Dirs {
        Dirs {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            state_dir: root.join("state"),
        }
    }

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_djangos() {
        let root = tempfile::tempdir().unwrap();
        let s = Settings::load(&Overrides::default(), &env(&[]), &dirs(root.path())).unwrap();
        assert_eq!(s.session_age, 1_209_600);
        assert_eq!(s.password_reset_timeout, 259_200);
        assert_eq!(s.hashing, HashConfig::default());
        assert_eq!(s.validators, ValidatorSettings::default());
        assert_eq!(s.site_name, "localhost");
        assert!(s.database.ends_with("db.sqlite3"));
    }

    #[test]
    fn flag_beats_env_beats_file() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("c.toml");
        std::fs::write(
            &file,
            "database = \"file.db\"\nsession_age = 5\n[argon2]\ntime_cost = 3\n",
        )
        .unwrap();
        let overrides = Overrides {
            config: Some(file.clone()),
            ..Overrides::default()
        };
        let e = env(&[("AUTHCTL_DATABASE", "env.db"), ("AUTHCTL_SESSION_AGE", "7")]);
        let s = Settings::load(&overrides, &e, &dirs(root.path())).unwrap();
        assert_eq!(s.database, "env.db");
        assert_eq!(s.session_age, 7);
        assert_eq!(s.hashing.argon2_time_cost, 3);
        let overrides = Overrides {
            database: Some("flag.db".into()),
            ..overrides
        };
        let s = Settings::load(&overrides, &e, &dirs(root.path())).unwrap();
        assert_eq!(s.database, "flag.db");
    }

    #[test]
    fn unknown_file_key_is_named() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("c.toml");
        std::fs::write(&file, "[email.smtp]\nhots = \"x\"\n").unwrap();
        let overrides = Overrides {
            config: Some(file),
            ..Overrides::default()
        };
        let err = Settings::load(&overrides, &env(&[]), &dirs(root.path())).unwrap_err();
        assert!(err.to_string().contains("email.smtp.hots"), "{err}");
    }

    #[test]
    fn bad_file_value_is_an_error_even_when_overridden() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("c.toml");
        std::fs::write(&file, "database = 5\n").unwrap();
        let overrides = Overrides {
            config: Some(file),
            ..Overrides::default()
        };
        let err = Settings::load(
            &overrides,
            &env(&[("AUTHCTL_DATABASE", "x.db")]),
            &dirs(root.path()),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("invalid value for `database` in config file"),
            "{err}"
        );
    }

    #[test]
    fn bad_hasher_cost_names_the_key_and_source() {
        let root = tempfile::tempdir().unwrap();
        let err = Settings::load(
            &Overrides::default(),
            &env(&[("AUTHCTL_ARGON2_PARALLELISM", "0")]),
            &dirs(root.path()),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains(
                "`argon2.parallelism` from environment variable AUTHCTL_ARGON2_PARALLELISM"
            ),
            "{err}"
        );
    }

    #[test]
    fn toml_mistakes_are_one_line_with_the_line_number() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("c.toml");
        for (text, expected) in [
            (
                "domain = \"x\"\nsession_age = \n",
                "is not valid TOML (line 2)",
            ),
            (
                "validators = 5\n",
                "`validators` must be a table of settings",
            ),
        ] {
            std::fs::write(&file, text).unwrap();
            let overrides = Overrides {
                config: Some(file.clone()),
                ..Overrides::default()
            };
            let err = Settings::load(&overrides, &env(&[]), &dirs(root.path()))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected) && !err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn bad_env_value_names_variable() {
        let root = tempfile::tempdir().unwrap();
        let e = env(&[("AUTHCTL_VALIDATORS_COMMON", "maybe")]);
        let err = Settings::load(&Overrides::default(), &e, &dirs(root.path())).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("validators.common"), "{text}");
        assert!(text.contains("AUTHCTL_VALIDATORS_COMMON"), "{text}");
    }

    #[test]
    fn env_lists_are_comma_separated() {
        let root = tempfile::tempdir().unwrap();
        let e = env(&[("AUTHCTL_SECRET_KEY_FALLBACKS", "a, b,,c")]);
        let s = Settings::load(&Overrides::default(), &e, &dirs(root.path())).unwrap();
        let keys: Vec<&str> = s.secret_key_fallbacks.iter().map(Secret::expose).collect();
        assert_eq!(keys, ["a", "b", "c"]);
    }

    /// Settings from these environment variables alone, in a scratch home.
    fn load(vars: &[(&str, &str)]) -> Result<Settings> {
        let root = tempfile::tempdir().unwrap();
        Settings::load(&Overrides::default(), &env(vars), &dirs(root.path()))
    }

    #[test]
    fn durations_are_capped_and_the_secret_key_not_empty() {
        for (var, value) in [
            ("AUTHCTL_SESSION_AGE", "9999999999999"),
            ("AUTHCTL_PASSWORD_RESET_TIMEOUT", "18446744073709551615"),
            ("AUTHCTL_SECRET_KEY", ""),
        ] {
            let err = load(&[(var, value)]).unwrap_err();
            assert!(err.to_string().contains(var), "{var}: {err}");
        }
    }

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let s = load(&[
            ("AUTHCTL_SECRET_KEY", "hunter2-key"),
            ("AUTHCTL_EMAIL_SMTP_PASSWORD", "hunter2-smtp"),
        ])
        .unwrap();
        let debug = format!("{s:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}
