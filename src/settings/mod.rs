//! Settings, resolved flag > environment (`AUTHCTL_*`) > config file (TOML) > default, each
//! value checked here with its key and where it came from, so a typo or a bad number fails
//! before any command runs. The library gets typed parts of the result (`accounts::Config`,
//! `mail::MailConfig`), never this module's types.

mod commands;
mod env;
pub mod from_django;
mod options;

use authctl::accounts;
use authctl::accounts::audit::{Actor, AuditConfig, LockoutConfig};
use authctl::error::{Error, IoContext, Result};
use authctl::hashers::{
    Algorithm, Argon2Params, BcryptParams, HashParams, ParamError, Pbkdf2Params, ScryptParams,
};
use authctl::mail::{Backend, MailConfig, SmtpConfig, SmtpSecurity};
use authctl::secret::{KeySource, Secret, SecretKeys};
use authctl::store::{Database, Libpq, ModelSettings, StoreConfig, is_postgres_url};
use authctl::timezone::SiteTime;
use authctl::validators::PasswordValidators;
use options::{Options, SECTIONS};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub use commands::SuperuserSettings;
pub use env::var_name;

/// Where a value came from, named in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(String),
    File(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::File(path) => write!(f, "config file {}", path.display()),
            Source::Default => f.write_str("the default"),
        }
    }
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
            Error::Environment(
                "cannot find a home directory for the default paths; set --database and --config"
                    .into(),
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

/// Everything resolved and checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database: Database,
    /// The setting as given (a URL may hold a password), for a process authctl starts itself.
    pub database_text: String,
    /// No flag, variable or file named the database: it is the platform default.
    pub database_is_default: bool,
    pub session_file: PathBuf,
    pub accounts: accounts::Config,
    pub mail: MailConfig,
    /// What is unwise but allowed (short secret keys), for the commands that use it to say.
    pub key_warnings: Vec<String>,
    pub site_name: String,
    pub reset_url: Option<String>,
}

/// One layer of settings: what it says, which keys it sets, and where it came from.
struct Layer {
    options: Options,
    keys: BTreeSet<String>,
    origin: Origin,
}

#[derive(Clone)]
enum Origin {
    Flags,
    Env,
    File(PathBuf),
}

/// The layers, highest first.
struct Layers(Vec<Layer>);

impl Layers {
    /// The first value a layer gives for a key, with where it came from.
    fn get<T>(&self, key: &str, field: impl Fn(&Options) -> Option<T>) -> Option<(T, Source)> {
        self.0
            .iter()
            .find_map(|layer| field(&layer.options).map(|v| (v, layer.source(key))))
    }

    fn source(&self, key: &str) -> Source {
        self.0
            .iter()
            .find(|layer| layer.keys.contains(key))
            .map_or(Source::Default, |layer| layer.source(key))
    }

    fn bad(&self, key: &str, expected: &str) -> Error {
        Error::Config(format!(
            "invalid value for `{key}` from {}: expected {expected}",
            self.source(key)
        ))
    }

    fn text(
        &self,
        key: &str,
        field: impl Fn(&Options) -> Option<&options::Text>,
    ) -> Option<String> {
        self.get(key, |o| field(o).map(|t| t.0.clone()))
            .map(|(v, _)| v)
    }

    fn whole(&self, key: &str, field: impl Fn(&Options) -> Option<&options::Whole>) -> Option<u64> {
        self.get(key, |o| field(o).map(|w| w.0)).map(|(v, _)| v)
    }

    fn u32(
        &self,
        key: &str,
        default: u32,
        field: impl Fn(&Options) -> Option<&options::Whole>,
    ) -> Result<u32> {
        match self.whole(key, field) {
            None => Ok(default),
            Some(n) => u32::try_from(n).map_err(|_| self.bad(key, "a whole number below 2^32")),
        }
    }

    fn positive(
        &self,
        key: &str,
        default: u64,
        field: impl Fn(&Options) -> Option<&options::Whole>,
    ) -> Result<u64> {
        match self.whole(key, field).unwrap_or(default) {
            0 => Err(self.bad(key, "a whole number above 0")),
            n => Ok(n),
        }
    }

    /// A duration in seconds, at most a century so times computed from it stay in range.
    fn seconds(
        &self,
        key: &str,
        default: u64,
        field: impl Fn(&Options) -> Option<&options::Whole>,
    ) -> Result<u64> {
        const CENTURY: u64 = 100 * 366 * 86_400;
        match self.positive(key, default, field)? {
            n if n > CENTURY => Err(self.bad(key, "a number of seconds up to a century")),
            n => Ok(n),
        }
    }
}

impl Layer {
    fn source(&self, key: &str) -> Source {
        match &self.origin {
            Origin::Flags if key == "database" => Source::Flag("--database"),
            Origin::Flags => Source::Flag("--session-file"),
            Origin::Env => Source::Env(var_name(key)),
            Origin::File(path) => Source::File(path.clone()),
        }
    }
}

impl Settings {
    /// Reads the config file and environment and applies the flags.
    pub fn load(
        overrides: &Overrides,
        vars: &BTreeMap<String, String>,
        dirs: &Dirs,
    ) -> Result<Settings> {
        let (config_path, explicit) = match (&overrides.config, vars.get("AUTHCTL_CONFIG")) {
            (Some(path), _) => (path.clone(), true),
            (None, Some(path)) if !path.is_empty() => (PathBuf::from(path), true),
            _ => (dirs.config_dir.join("config.toml"), false),
        };
        let mut layers = vec![flag_layer(overrides), env_layer(vars)?];
        if explicit || config_path.exists() {
            layers.push(file_layer(&config_path)?);
        }
        Settings::resolve(&Layers(layers), vars, dirs)
    }

    fn resolve(l: &Layers, vars: &BTreeMap<String, String>, dirs: &Dirs) -> Result<Settings> {
        let hash_params = hash_params(l)?;
        let (hasher, hashers) = hashers(l)?;
        let standard = PasswordValidators::default();
        let validators = PasswordValidators {
            min_length: l
                .whole("validators.min_length", |o| {
                    o.validators.min_length.as_ref()
                })
                .map_or(standard.min_length, |n| n as usize),
            similarity: l
                .get("validators.similarity", |o| {
                    o.validators.similarity.as_ref().map(|f| f.0)
                })
                .map_or(standard.similarity, |(v, _)| v),
            max_similarity: l
                .get("validators.max_similarity", |o| {
                    o.validators.max_similarity.as_ref().map(|n| n.0)
                })
                .map_or(standard.max_similarity, |(v, _)| v),
            common: l
                .get("validators.common", |o| {
                    o.validators.common.as_ref().map(|f| f.0)
                })
                .map_or(standard.common, |(v, _)| v),
            numeric: l
                .get("validators.numeric", |o| {
                    o.validators.numeric.as_ref().map(|f| f.0)
                })
                .map_or(standard.numeric, |(v, _)| v),
        };
        // Django refuses a similarity below 0.1 because nearly every password would fail it.
        if !(0.1..=1.0).contains(&validators.max_similarity) {
            return Err(l.bad("validators.max_similarity", "a number from 0.1 to 1.0"));
        }
        let (keys, key_warnings) = secret_keys(l, dirs)?;
        let (database, database_text, database_is_default) = database(l, vars, dirs)?;
        let domain = l
            .text("domain", |o| o.domain.as_ref())
            .unwrap_or_else(|| "localhost".into());
        Ok(Settings {
            database,
            database_text,
            database_is_default,
            session_file: l
                .text("session_file", |o| o.session_file.as_ref())
                .map(PathBuf::from)
                .unwrap_or_else(|| dirs.state_dir.join("session")),
            accounts: accounts::Config {
                hasher,
                hashers,
                hash_params,
                validators,
                keys,
                session_age: l.seconds("session_age", 1_209_600, |o| o.session_age.as_ref())?,
                password_reset_timeout: l.seconds("password_reset_timeout", 259_200, |o| {
                    o.password_reset_timeout.as_ref()
                })?,
                store: store_config(l)?,
                lockout: lockout_config(l)?,
                audit: audit_config(l)?,
                // Filled in by the command that runs.
                actor: Actor::default(),
            },
            mail: mail_config(l)?,
            key_warnings,
            // The domain names the site when nothing else does.
            site_name: l
                .text("site_name", |o| o.site_name.as_ref())
                .unwrap_or(domain),
            reset_url: match l.text("reset_url", |o| o.reset_url.as_ref()) {
                Some(url) if !(url.contains("{uidb64}") && url.contains("{token}")) => {
                    return Err(l.bad(
                        "reset_url",
                        "a link template containing {uidb64} and {token}",
                    ));
                }
                other => other,
            },
        })
    }
}

/// When failed logins lock a username (`lockout.*`).
fn lockout_config(l: &Layers) -> Result<LockoutConfig> {
    let standard = LockoutConfig::default();
    let limit = l.u32("lockout.failure_limit", standard.failure_limit, |o| {
        o.lockout.failure_limit.as_ref()
    })?;
    if limit == 0 {
        return Err(l.bad("lockout.failure_limit", "a whole number above 0"));
    }
    Ok(LockoutConfig {
        enabled: l
            .get("lockout.enabled", |o| {
                o.lockout.enabled.as_ref().map(|f| f.0)
            })
            .map_or(standard.enabled, |(v, _)| v),
        failure_limit: limit,
        window: l.seconds("lockout.window", standard.window, |o| {
            o.lockout.window.as_ref()
        })?,
        cooloff: l.seconds("lockout.cooloff", standard.cooloff, |o| {
            o.lockout.cooloff.as_ref()
        })?,
    })
}

/// The event log's settings (`audit.*`).
fn audit_config(l: &Layers) -> Result<AuditConfig> {
    let standard = AuditConfig::default();
    let retain_days = l.positive("audit.retain_days", standard.retain_days, |o| {
        o.audit.retain_days.as_ref()
    })?;
    let syslog = l
        .get("audit.syslog", |o| o.audit.syslog.as_ref().map(|f| f.0))
        .is_some_and(|(v, _)| v);
    let socket = l
        .text("audit.syslog_socket", |o| o.audit.syslog_socket.as_ref())
        .unwrap_or_else(|| "/dev/log".to_string());
    let verify_successes = l
        .get("audit.verify_successes", |o| {
            o.audit.verify_successes.as_ref().map(|f| f.0)
        })
        .map_or(standard.verify_successes, |(v, _)| v);
    Ok(AuditConfig {
        retain_days,
        syslog: syslog.then(|| PathBuf::from(socket)),
        verify_successes,
    })
}

/// The user model (`user_model.*`) and the site's clock (`time_zone`, `use_tz`).
fn store_config(l: &Layers) -> Result<StoreConfig> {
    let text = |key: &str, field: fn(&Options) -> Option<&options::Text>| {
        l.text(key, field).map(|t| t.trim().to_string())
    };
    let list = |key: &str, field: fn(&Options) -> Option<&options::List>| {
        l.get(key, |o| field(o).map(|list| list.0.clone()))
            .map(|(items, _)| items.into_iter().map(|i| i.trim().to_string()).collect())
    };
    let table = text("user_model.table", |o| o.user_model.table.as_ref());
    if table.as_deref() == Some("") {
        return Err(l.bad("user_model.table", "a table name"));
    }
    // Every layer's defaults and labels, the higher layer's value winning for a column.
    let (mut defaults, mut labels) = (BTreeMap::new(), BTreeMap::new());
    for layer in l.0.iter().rev() {
        for (column, value) in &layer.options.user_model.defaults {
            defaults.insert(column.clone(), value.0.clone());
        }
        for (column, value) in &layer.options.user_model.labels {
            labels.insert(column.clone(), value.0.clone());
        }
    }
    let zone_name = text("time_zone", |o| o.time_zone.as_ref());
    let zone = match zone_name {
        None => SiteTime::default().zone,
        Some(name) => SiteTime::zone_named(&name).ok_or_else(|| {
            l.bad(
                "time_zone",
                "a time zone of the system's time-zone database (/usr/share/zoneinfo, Debian's \
                 tzdata), such as UTC or Europe/Paris",
            )
        })?,
    };
    Ok(StoreConfig {
        model: ModelSettings {
            table,
            username_field: text("user_model.username_field", |o| {
                o.user_model.username_field.as_ref()
            }),
            email_field: text("user_model.email_field", |o| {
                o.user_model.email_field.as_ref()
            }),
            required_fields: list("user_model.required_fields", |o| {
                o.user_model.required_fields.as_ref()
            }),
            columns: list("user_model.columns", |o| o.user_model.columns.as_ref()),
            defaults,
            labels,
        },
        time: SiteTime {
            zone,
            use_tz: l
                .get("use_tz", |o| o.use_tz.as_ref().map(|f| f.0))
                .is_none_or(|(v, _)| v),
        },
    })
}

/// The preferred hasher and the site's list, each name checked; with a list, the preferred
/// hasher is its first, as in Django.
fn hashers(l: &Layers) -> Result<(Option<Algorithm>, Option<Vec<Algorithm>>)> {
    let known = || {
        let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
        names.join(", ")
    };
    let hasher = match l.text("hasher", |o| o.hasher.as_ref()) {
        None => None,
        Some(name) => Some(
            Algorithm::from_name(&name)
                .ok_or_else(|| l.bad("hasher", &format!("one of {}", known())))?,
        ),
    };
    let Some((names, source)) = l.get("hashers", |o| o.hashers.as_ref().map(|l| l.0.clone()))
    else {
        return Ok((hasher, None));
    };
    let mut list = Vec::new();
    for name in &names {
        let algorithm = Algorithm::from_name(name.trim()).ok_or_else(|| {
            Error::Config(format!(
                "`hashers` from {source} names `{}`, which is not a hasher authctl has ({})",
                crate::output::field(name),
                known()
            ))
        })?;
        if !list.contains(&algorithm) {
            list.push(algorithm);
        }
    }
    if list.is_empty() {
        return Err(l.bad("hashers", "a list of at least one hasher"));
    }
    // Django re-encodes every hash that is not of the first hasher: any other preferred
    // hasher would have the two undo each other at every login.
    if let Some(preferred) = hasher.filter(|h| Some(h) != list.first()) {
        return Err(Error::Config(format!(
            "`hasher` is {} but the first of `hashers` (from {source}) is {}: the site \
             re-encodes every password with the first, so set `hasher` to it or leave it unset",
            preferred.name(),
            list[0].name()
        )));
    }
    Ok((hasher, Some(list)))
}

/// The database: the `database` setting, else `DATABASE_URL` (the convention Django projects
/// use through dj-database-url and django-environ), else the platform default; PostgreSQL URLs
/// are completed from libpq's `PG*` variables and password file, as `psql` completes them.
fn database(
    l: &Layers,
    vars: &BTreeMap<String, String>,
    dirs: &Dirs,
) -> Result<(Database, String, bool)> {
    let var = |name: &str| vars.get(name).filter(|v| !v.is_empty()).cloned();
    let (text, source) = match l.get("database", |o| o.database.as_ref().map(|t| t.0.clone())) {
        Some((text, source)) => (text, source),
        None => match var("DATABASE_URL") {
            Some(url) => (url, Source::Env("DATABASE_URL".into())),
            None => {
                let path = dirs.data_dir.join("db.sqlite3").display().to_string();
                return Ok((Database::Sqlite(path.clone()), path, true));
            }
        },
    };
    // SQLite would take "" as a private temporary database and lose every write.
    if text.is_empty() {
        return Err(l.bad("database", "a path"));
    }
    let libpq = Libpq {
        host: var("PGHOST"),
        port: var("PGPORT"),
        user: var("PGUSER"),
        password: var("PGPASSWORD"),
        database: var("PGDATABASE"),
        sslmode: var("PGSSLMODE"),
        sslrootcert: var("PGSSLROOTCERT"),
        connect_timeout: var("PGCONNECT_TIMEOUT"),
        passfile: var("PGPASSFILE").map(PathBuf::from),
        home: var("HOME").map(PathBuf::from),
        // The password database is read only for a PostgreSQL URL, the one place it is needed.
        login_name: is_postgres_url(&text)
            .then(|| crate::platform::login_name(vars))
            .flatten(),
    };
    let database = Database::parse(&text, &libpq).map_err(|reason| {
        Error::Config(format!(
            "invalid value for `database` from {source}: {reason}"
        ))
    })?;
    Ok((database, text, false))
}

/// Django's `SECRET_KEY` and `SECRET_KEY_FALLBACKS`, and a warning for each key too short to
/// be safe. An empty or blank key would let anyone who can read the database forge tokens.
fn secret_keys(l: &Layers, dirs: &Dirs) -> Result<(KeySource, Vec<String>)> {
    const SHORT: usize = authctl::secret::SHORT_KEY;
    let blank = authctl::secret::is_blank_key;
    let mut warnings = Vec::new();
    let mut warn_if_short = |key: &str, value: &str| {
        if value.chars().count() < SHORT {
            warnings.push(format!(
                "`{key}` from {} is shorter than {SHORT} characters; a long random key is \
                 safer (Django's check --deploy warns too)",
                l.source(key)
            ));
        }
    };
    let current = match l.text("secret_key", |o| o.secret_key.as_ref()) {
        Some(key) if blank(&key) => {
            return Err(l.bad(
                "secret_key",
                "a non-empty key (unset it to use the generated one)",
            ));
        }
        Some(key) => {
            warn_if_short("secret_key", &key);
            Some(Secret::new(key))
        }
        None => None,
    };
    let listed = l
        .get("secret_key_fallbacks", |o| o.secret_key_fallbacks.clone())
        .map(|(list, _)| list.0)
        .unwrap_or_default();
    let mut fallbacks = Vec::new();
    for key in listed {
        if blank(&key) {
            return Err(l.bad("secret_key_fallbacks", "a list of non-empty keys"));
        }
        warn_if_short("secret_key_fallbacks", &key);
        fallbacks.push(Secret::new(key));
    }
    let keys = match current {
        Some(current) => KeySource::Configured(SecretKeys { current, fallbacks }),
        None => KeySource::File {
            path: dirs.config_dir.join("secret_key"),
            fallbacks,
        },
    };
    Ok((keys, warnings))
}

/// Every hasher's costs, each refused value named by its key.
fn hash_params(l: &Layers) -> Result<HashParams> {
    let defaults = HashParams::default();
    let param_error = |section: &str, e: ParamError| {
        let key = format!("{section}.{}", e.param);
        l.bad(&key, &e.expected)
    };
    let argon2 = match (
        l.whole("argon2.memory_cost", |o| o.argon2.memory_cost.as_ref()),
        l.whole("argon2.time_cost", |o| o.argon2.time_cost.as_ref()),
        l.whole("argon2.parallelism", |o| o.argon2.parallelism.as_ref()),
    ) {
        (None, None, None) => defaults.argon2,
        _ => Argon2Params::new(
            l.u32("argon2.memory_cost", 102_400, |o| {
                o.argon2.memory_cost.as_ref()
            })?,
            l.u32("argon2.time_cost", 2, |o| o.argon2.time_cost.as_ref())?,
            l.u32("argon2.parallelism", 8, |o| o.argon2.parallelism.as_ref())?,
        )
        .map_err(|e| param_error("argon2", e))?,
    };
    let pbkdf2 = |section: &str, field: fn(&Options) -> Option<&options::Whole>| match l
        .whole(&format!("{section}.iterations"), field)
    {
        None => Ok(Pbkdf2Params::default()),
        Some(_) => Pbkdf2Params::new(l.u32(&format!("{section}.iterations"), 0, field)?)
            .map_err(|e| param_error(section, e)),
    };
    let bcrypt = match l.whole("bcrypt.rounds", |o| o.bcrypt.rounds.as_ref()) {
        None => defaults.bcrypt,
        Some(_) => BcryptParams::new(l.u32("bcrypt.rounds", 0, |o| o.bcrypt.rounds.as_ref())?)
            .map_err(|e| param_error("bcrypt", e))?,
    };
    let scrypt = match (
        l.whole("scrypt.work_factor", |o| o.scrypt.work_factor.as_ref()),
        l.whole("scrypt.block_size", |o| o.scrypt.block_size.as_ref()),
        l.whole("scrypt.parallelism", |o| o.scrypt.parallelism.as_ref()),
    ) {
        (None, None, None) => defaults.scrypt,
        (work_factor, _, _) => ScryptParams::new(
            work_factor.unwrap_or(1 << 14),
            l.u32("scrypt.block_size", 8, |o| o.scrypt.block_size.as_ref())?,
            l.u32("scrypt.parallelism", 5, |o| o.scrypt.parallelism.as_ref())?,
        )
        .map_err(|e| param_error("scrypt", e))?,
    };
    Ok(HashParams {
        argon2,
        pbkdf2_sha256: pbkdf2("pbkdf2_sha256", |o| o.pbkdf2_sha256.iterations.as_ref())?,
        pbkdf2_sha1: pbkdf2("pbkdf2_sha1", |o| o.pbkdf2_sha1.iterations.as_ref())?,
        bcrypt,
        scrypt,
    })
}

fn mail_config(l: &Layers) -> Result<MailConfig> {
    let backend = match l
        .text("email.backend", |o| o.email.backend.as_ref())
        .as_deref()
    {
        None | Some("console") => Backend::Console,
        Some("file") => Backend::File,
        Some("smtp") => Backend::Smtp,
        Some(_) => return Err(l.bad("email.backend", "one of console, file, smtp")),
    };
    let security = match l
        .text("email.smtp.security", |o| o.email.smtp.security.as_ref())
        .as_deref()
    {
        None | Some("none") => SmtpSecurity::None,
        Some("starttls") => SmtpSecurity::StartTls,
        Some("tls") => SmtpSecurity::Tls,
        Some(_) => return Err(l.bad("email.smtp.security", "one of none, starttls, tls")),
    };
    let port = l
        .whole("email.smtp.port", |o| o.email.smtp.port.as_ref())
        .unwrap_or(25);
    let port = u16::try_from(port)
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| l.bad("email.smtp.port", "a port number from 1 to 65535"))?;
    let smtp = |field: fn(&options::SmtpOptions) -> Option<&options::Text>, key: &str| {
        l.text(key, |o| field(&o.email.smtp))
    };
    Ok(MailConfig {
        backend,
        from: l
            .text("email.from", |o| o.email.from.as_ref())
            .unwrap_or_else(|| "webmaster@localhost".into()),
        file_dir: l
            .text("email.file_dir", |o| o.email.file_dir.as_ref())
            .map(PathBuf::from),
        smtp: SmtpConfig {
            host: smtp(|s| s.host.as_ref(), "email.smtp.host"),
            port,
            username: smtp(|s| s.username.as_ref(), "email.smtp.username"),
            password: smtp(|s| s.password.as_ref(), "email.smtp.password").map(Secret::new),
            security,
            timeout: l.positive("email.smtp.timeout", 10, |o| o.email.smtp.timeout.as_ref())?,
            ca_file: smtp(|s| s.ca_file.as_ref(), "email.smtp.ca_file").map(PathBuf::from),
        },
        background_sender: match l
            .text("email.sender", |o| o.email.sender.as_ref())
            .as_deref()
        {
            None | Some("background") => true,
            Some("cron") => false,
            Some(_) => return Err(l.bad("email.sender", "background or cron")),
        },
        retry_for: match l.whole("email.retry_for", |o| o.email.retry_for.as_ref()) {
            None => 900,
            Some(n) if n <= 86_400 => n,
            Some(_) => return Err(l.bad("email.retry_for", "a number of seconds up to a day")),
        },
    })
}

fn flag_layer(overrides: &Overrides) -> Layer {
    let mut options = Options::default();
    let mut keys = BTreeSet::new();
    if let Some(database) = &overrides.database {
        options.database = Some(options::Text(database.clone()));
        keys.insert("database".to_string());
    }
    if let Some(session) = &overrides.session_file {
        options.session_file = Some(options::Text(session.display().to_string()));
        keys.insert("session_file".to_string());
    }
    Layer {
        options,
        keys,
        origin: Origin::Flags,
    }
}

fn env_layer(vars: &BTreeMap<String, String>) -> Result<Layer> {
    let used = RefCell::new(BTreeSet::new());
    let options: Options =
        serde_path_to_error::deserialize(env::Env::new(vars, &used)).map_err(|e| {
            let key = key_of(e.path());
            let message = e.inner().to_string();
            let what = expected_of(&message);
            Error::Config(format!(
                "invalid value for `{key}` from environment variable {}: expected {what}",
                var_name(&key)
            ))
        })?;
    Ok(Layer {
        options,
        keys: used.into_inner(),
        origin: Origin::Env,
    })
}

fn file_layer(path: &Path) -> Result<Layer> {
    let text = std::fs::read_to_string(path)
        .context(|| format!("cannot read config file {}", path.display()))?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        // toml's own rendering spans several lines with a source excerpt; one sentence is
        // enough: what is wrong and where.
        let line = e
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        let place = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        Error::Config(format!(
            "config file {} is not valid TOML{place}: {}",
            path.display(),
            e.message().trim()
        ))
    })?;
    let options: Options = serde_path_to_error::deserialize(toml::Value::Table(table.clone()))
        .map_err(|e| {
            let key = key_of(e.path());
            let message = e.inner().to_string();
            // The path of an unknown field ends in the field's own name.
            let problem = if message.starts_with("unknown field `") {
                format!("unknown key `{key}`")
            } else if SECTIONS.contains(&key.as_str()) {
                format!("`{key}` must be a table of settings, not a single value")
            } else {
                return Error::Config(format!(
                    "invalid value for `{key}` in config file {}: expected {}",
                    path.display(),
                    expected_of(&message)
                ));
            };
            Error::Config(format!("{problem} in config file {}", path.display()))
        })?;
    let mut keys = BTreeSet::new();
    flatten("", &table, &mut keys);
    Ok(Layer {
        options,
        keys,
        origin: Origin::File(path.to_path_buf()),
    })
}

/// A serde path as a dotted key; a list's element counts as the list.
fn key_of(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    let text = text.split('[').next().unwrap_or(&text);
    match text {
        "." => String::new(),
        other => other.to_string(),
    }
}

/// What serde says a value should have been: the part after its last "expected".
fn expected_of(message: &str) -> &str {
    message
        .rsplit_once("expected ")
        .map_or(message, |(_, what)| what)
}

fn flatten(prefix: &str, table: &toml::Table, keys: &mut BTreeSet<String>) {
    for (name, value) in table {
        let key = match prefix.is_empty() {
            true => name.clone(),
            false => format!("{prefix}.{name}"),
        };
        match value {
            toml::Value::Table(inner) => flatten(&key, inner, keys),
            _ => {
                keys.insert(key);
            }
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

    /// Settings from these environment variables alone, in a scratch home.
    fn load(vars: &[(&str, &str)]) -> Result<Settings> {
        let root = tempfile::tempdir().unwrap();
        Settings::load(&Overrides::default(), &env(vars), &dirs(root.path()))
    }

    /// Settings from a config file with this text and these variables.
    fn load_file(text: &str, vars: &[(&str, &str)], database: Option<&str>) -> Result<Settings> {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("c.toml");
        std::fs::write(&file, text).unwrap();
        let overrides = Overrides {
            config: Some(file),
            database: database.map(String::from),
            ..Overrides::default()
        };
        Settings::load(&overrides, &env(vars), &dirs(root.path()))
    }

    #[test]
    fn defaults_are_djangos() {
        let s = load(&[]).unwrap();
        assert_eq!(s.accounts.session_age, 1_209_600);
        assert_eq!(s.accounts.password_reset_timeout, 259_200);
        assert_eq!(s.accounts.hash_params, HashParams::default());
        assert_eq!(s.accounts.validators, PasswordValidators::default());
        assert_eq!(s.site_name, "localhost");
        assert!(s.database.shown().ends_with("db.sqlite3"));
        assert!(s.database_is_default);
    }

    #[test]
    fn flag_beats_env_beats_file() {
        let file = "database = \"file.db\"\nsession_age = 5\n[argon2]\ntime_cost = 3\n";
        let vars = [("AUTHCTL_DATABASE", "env.db"), ("AUTHCTL_SESSION_AGE", "7")];
        let s = load_file(file, &vars, None).unwrap();
        assert_eq!(s.database.shown(), "env.db");
        assert_eq!(s.accounts.session_age, 7);
        assert_eq!(
            s.accounts.hash_params.argon2,
            Argon2Params::new(102_400, 3, 8).unwrap()
        );
        let s = load_file(file, &vars, Some("flag.db")).unwrap();
        assert_eq!(s.database.shown(), "flag.db");
        assert!(!s.database_is_default);
    }

    #[test]
    fn unknown_file_key_is_named() {
        let err = load_file("[email.smtp]\nhots = \"x\"\n", &[], None).unwrap_err();
        assert!(
            err.to_string().contains("unknown key `email.smtp.hots`"),
            "{err}"
        );
    }

    #[test]
    fn bad_file_value_is_an_error_even_when_overridden() {
        let err = load_file("database = 5\n", &[("AUTHCTL_DATABASE", "x.db")], None).unwrap_err();
        assert!(
            err.to_string()
                .contains("invalid value for `database` in config file"),
            "{err}"
        );
    }

    #[test]
    fn bad_hasher_cost_names_the_key_and_source() {
        let err = load(&[("AUTHCTL_ARGON2_PARALLELISM", "0")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "`argon2.parallelism` from environment variable AUTHCTL_ARGON2_PARALLELISM"
            ),
            "{err}"
        );
        let err = load_file("[bcrypt]\nrounds = 31\n", &[], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("`bcrypt.rounds` from config file"), "{err}");
    }

    #[test]
    fn toml_mistakes_are_one_line_with_the_line_number() {
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
            let err = load_file(text, &[], None).unwrap_err().to_string();
            assert!(err.contains(expected) && !err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn bad_env_value_names_variable() {
        let err = load(&[("AUTHCTL_VALIDATORS_COMMON", "maybe")]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("validators.common"), "{text}");
        assert!(text.contains("AUTHCTL_VALIDATORS_COMMON"), "{text}");
        assert!(text.contains("expected true or false"), "{text}");
    }

    #[test]
    fn env_lists_are_comma_separated() {
        let s = load(&[
            ("AUTHCTL_SECRET_KEY", "k"),
            ("AUTHCTL_SECRET_KEY_FALLBACKS", "a, b,c"),
        ])
        .unwrap();
        let KeySource::Configured(keys) = s.accounts.keys else {
            panic!("a configured key");
        };
        let all: Vec<&str> = keys.all().collect();
        assert_eq!(all, ["k", "a", "b", "c"]);
    }

    #[test]
    fn durations_are_capped_and_the_secret_key_not_empty() {
        for (var, value) in [
            ("AUTHCTL_SESSION_AGE", "9999999999999"),
            ("AUTHCTL_PASSWORD_RESET_TIMEOUT", "18446744073709551615"),
            ("AUTHCTL_SECRET_KEY", ""),
            ("AUTHCTL_SECRET_KEY", "   "),
            ("AUTHCTL_SECRET_KEY_FALLBACKS", "old,,older"),
            ("AUTHCTL_SECRET_KEY_FALLBACKS", "old, "),
        ] {
            let err = load(&[(var, value)]).unwrap_err();
            assert!(err.to_string().contains(var), "{var}: {err}");
        }
        for text in ["secret_key_fallbacks = [\"\"]\n", "secret_key = \" \"\n"] {
            let err = load_file(text, &[], None).unwrap_err().to_string();
            assert!(
                err.contains("in config file") || err.contains("from config file"),
                "{err}"
            );
        }
        // An empty variable is no list at all, as in an env file with `KEY=`.
        assert!(load(&[("AUTHCTL_SECRET_KEY_FALLBACKS", "")]).is_ok());
    }

    #[test]
    fn short_keys_are_allowed_with_a_warning_and_long_ones_quietly() {
        let s = load(&[
            ("AUTHCTL_SECRET_KEY", "short"),
            ("AUTHCTL_SECRET_KEY_FALLBACKS", &"x".repeat(40)),
        ])
        .unwrap();
        assert_eq!(s.key_warnings.len(), 1, "{:?}", s.key_warnings);
        assert!(s.key_warnings[0].contains("`secret_key` from environment variable"));
        assert!(!s.key_warnings[0].contains("short,"), "no key in messages");
        let s = load(&[("AUTHCTL_SECRET_KEY", &"k".repeat(32))]).unwrap();
        assert!(s.key_warnings.is_empty());
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

    #[test]
    fn the_reset_command_names_a_hand_picked_database_as_a_shell_word() {
        for (database, program) in [
            (
                "/srv/app/db.sqlite3",
                "authctl --database /srv/app/db.sqlite3",
            ),
            ("/tmp/my db", "authctl --database '/tmp/my db'"),
        ] {
            let s = load(&[("AUTHCTL_DATABASE", database)]).unwrap();
            let site = s.reset_site();
            assert_eq!(site.program, program);
            let words = shlex::split(&site.program).unwrap();
            assert_eq!(words, ["authctl", "--database", database]);
        }
        let s = load(&[("AUTHCTL_DATABASE", "it's")]).unwrap();
        let words = shlex::split(&s.reset_site().program).unwrap();
        assert_eq!(words, ["authctl", "--database", "it's"]);
        assert_eq!(load(&[]).unwrap().reset_site().program, "authctl");
    }
}
