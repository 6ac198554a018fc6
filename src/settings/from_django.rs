//! `authctl config from-django`: asks a Django project's own Python for its settings once
//! (`from_django.py`, run in the project's directory with its settings module) and writes what
//! authctl needs as an authctl config file, so that afterwards authctl agrees with the site
//! without Python.
//!
//! Secrets other than the `SECRET_KEY` (which reset tokens need) are never written: the
//! database and mail passwords stay in the environment or `~/.pgpass`.

use super::options::Options;
use authctl::error::{Error, Result};
use authctl::hashers::Algorithm;
use authctl::store::{Database, Libpq, ROLE_COLUMNS};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The introspection script, run with the project's Python.
const SCRIPT: &str = include_str!("from_django.py");

/// Where the project is and how to run it.
#[derive(Debug, Clone)]
pub struct Project {
    pub dir: PathBuf,
    pub python: PathBuf,
    pub settings_module: String,
}

impl Project {
    /// The project directory (default: the current one); its Python (`--python`, else
    /// `.venv/bin/python` or `venv/bin/python` in the project, else `python3`); its settings module (`--settings`,
    /// else `DJANGO_SETTINGS_MODULE`, else what `manage.py` sets, as `manage.py` itself would
    /// decide).
    pub fn find(
        dir: Option<PathBuf>,
        python: Option<PathBuf>,
        settings: Option<String>,
        vars: &BTreeMap<String, String>,
    ) -> Result<Project> {
        let dir = match dir {
            Some(dir) => dir,
            None => std::env::current_dir()
                .map_err(|e| Error::io("cannot tell the current directory", e))?,
        };
        if !dir.is_dir() {
            return Err(Error::Environment(format!(
                "the project directory {} does not exist",
                dir.display()
            )));
        }
        // The two names `python -m venv` is most often given in a project.
        let venv = [".venv/bin/python", "venv/bin/python"]
            .iter()
            .map(|p| dir.join(p))
            .find(|p| p.exists());
        // The script runs in the project's directory: a relative path given here means from
        // where authctl was started (a bare name is looked up on PATH).
        let python = python.map(|p| match p.is_relative() && p.components().count() > 1 {
            true => std::env::current_dir().map_or(p.clone(), |cwd| cwd.join(&p)),
            false => p,
        });
        let python = python.or(venv).unwrap_or_else(|| PathBuf::from("python3"));
        let settings_module = match settings
            .or_else(|| vars.get("DJANGO_SETTINGS_MODULE").cloned())
            .filter(|s| !s.trim().is_empty())
        {
            Some(module) => module.trim().to_string(),
            None => settings_from_manage_py(&dir)?,
        };
        Ok(Project {
            dir,
            python,
            settings_module,
        })
    }

    /// Runs the script and reads its answer.
    pub fn describe(&self) -> Result<Site> {
        let output = Command::new(&self.python)
            .arg("-c")
            .arg(SCRIPT)
            .current_dir(&self.dir)
            .env("DJANGO_SETTINGS_MODULE", &self.settings_module)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| {
                Error::Environment(format!(
                    "cannot run {} ({e}); give the project's Python with --python",
                    self.python.display()
                ))
            })?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let answer: Value = serde_json::from_str(&stdout).map_err(|_| {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            Error::Environment(format!(
                "{} did not answer with the project's settings ({})",
                self.python.display(),
                last.unwrap_or("no output").trim()
            ))
        })?;
        if let Some(message) = answer.get("message").and_then(Value::as_str)
            && answer.get("error").is_some()
        {
            return Err(Error::Environment(
                message.trim_end_matches('.').to_string(),
            ));
        }
        serde_json::from_value(answer).map_err(|e| {
            Error::Environment(format!(
                "the project's settings came back in a form authctl does not know: {e}"
            ))
        })
    }
}

/// The settings module `manage.py` sets: `os.environ.setdefault("DJANGO_SETTINGS_MODULE",
/// "mysite.settings")`.
fn settings_from_manage_py(dir: &Path) -> Result<String> {
    let manage = dir.join("manage.py");
    let text = std::fs::read_to_string(&manage).map_err(|_| {
        Error::Environment(format!(
            "no manage.py in {} to read the settings module from; run in the project's \
             directory or give it with --project (or name the module with --settings)",
            dir.display()
        ))
    })?;
    text.lines()
        .filter(|line| line.contains("DJANGO_SETTINGS_MODULE"))
        .find_map(|line| {
            let after = line.split("DJANGO_SETTINGS_MODULE").nth(1)?;
            let quoted: Vec<&str> = after.split(['"', '\'']).collect();
            // `", "mysite.settings")` splits into [`, `, `mysite.settings`, `)`].
            quoted.get(2).map(|s| s.trim().to_string())
        })
        .filter(|module| !module.is_empty())
        .ok_or_else(|| {
            Error::Environment(format!(
                "{} does not set DJANGO_SETTINGS_MODULE; give --settings",
                manage.display()
            ))
        })
}

/// What `from_django.py` reports.
#[derive(Debug, Deserialize)]
pub struct Site {
    pub django_version: String,
    pub settings_module: String,
    pub secret_key: Option<String>,
    #[serde(default)]
    pub secret_key_fallbacks: Vec<String>,
    pub database: DatabaseInfo,
    pub hashers: Vec<HasherInfo>,
    pub validators: Vec<ValidatorInfo>,
    pub password_reset_timeout: Option<u64>,
    pub session_cookie_age: Option<u64>,
    pub default_from_email: Option<String>,
    pub email: EmailInfo,
    pub time_zone: Option<String>,
    pub use_tz: bool,
    pub reset_path: Option<String>,
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    pub user_model: ModelInfo,
}

#[derive(Debug, Deserialize)]
pub struct DatabaseInfo {
    pub engine: Option<String>,
    pub name: Option<String>,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub has_password: bool,
    #[serde(default)]
    pub options: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
pub struct HasherInfo {
    pub path: String,
    pub algorithm: Option<String>,
    #[serde(default)]
    pub params: BTreeMap<String, u64>,
    pub error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ValidatorInfo {
    pub path: Option<String>,
    #[serde(default)]
    pub options: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
pub struct EmailInfo {
    pub backend: String,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub host_user: Option<String>,
    pub has_host_password: bool,
    pub use_tls: bool,
    pub use_ssl: bool,
    pub timeout: Option<u64>,
    pub file_path: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ModelInfo {
    pub label: String,
    pub table: String,
    pub username_field: String,
    pub email_field: Option<String>,
    pub required_fields: Vec<String>,
    pub fields: Vec<FieldInfo>,
}

#[derive(Debug, Deserialize)]
pub struct FieldInfo {
    pub name: String,
    pub column: String,
    pub verbose_name: Option<String>,
    pub null: bool,
    pub default: Option<Value>,
    pub has_default: bool,
}

/// A config file being written: its lines, and what the user should hear about.
#[derive(Default)]
struct Writer {
    text: String,
    warnings: Vec<String>,
}

impl Writer {
    fn line(&mut self, line: impl AsRef<str>) {
        self.text.push_str(line.as_ref());
        self.text.push('\n');
    }

    fn key(&mut self, key: &str, value: impl Into<toml::Value>) {
        let value: toml::Value = value.into();
        self.line(format!("{key} = {value}"));
    }

    fn section(&mut self, name: &str) {
        self.line("");
        self.line(format!("[{name}]"));
    }

    fn warn(&mut self, warning: String) {
        self.line(format!("# {warning}"));
        self.warnings.push(warning);
    }
}

fn text_list(items: &[String]) -> toml::Value {
    toml::Value::Array(items.iter().cloned().map(toml::Value::String).collect())
}

/// A TOML value for a JSON scalar (a field's default).
fn scalar(value: &Value) -> Option<toml::Value> {
    match value {
        Value::String(s) => Some(toml::Value::String(s.clone())),
        Value::Bool(b) => Some(toml::Value::Boolean(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(toml::Value::Integer)
            .or_else(|| n.as_f64().map(toml::Value::Float)),
        _ => None,
    }
}

impl Site {
    /// The config file, and the warnings to show. The text is checked to read back as
    /// authctl's own settings before it is returned.
    pub fn config(&self, project: &Project) -> Result<(String, Vec<String>)> {
        let mut w = Writer::default();
        w.line(format!(
            "# authctl settings for the Django project in {}",
            project.dir.display()
        ));
        w.line(format!(
            "# read by `authctl config from-django` from {} (Django {}).",
            self.settings_module, self.django_version
        ));
        w.line("# Run it again after changing the project's settings or user model.");
        w.line("");
        self.write_keys(&mut w);
        self.write_database(&mut w);
        self.write_hashers(&mut w);
        self.write_validators(&mut w);
        self.write_email(&mut w);
        self.write_user_model(&mut w);
        toml::from_str::<Options>(&w.text).map_err(|e| {
            Error::Environment(format!(
                "the settings read from the project do not make a valid authctl config: {}",
                e.message()
            ))
        })?;
        Ok((w.text, w.warnings))
    }

    fn write_keys(&self, w: &mut Writer) {
        match &self.secret_key {
            Some(key) => w.key("secret_key", key.as_str()),
            None => w.warn(
                "the project has no SECRET_KEY: set secret_key before sending reset links".into(),
            ),
        }
        if !self.secret_key_fallbacks.is_empty() {
            w.key(
                "secret_key_fallbacks",
                text_list(&self.secret_key_fallbacks),
            );
        }
        if let Some(seconds) = self.password_reset_timeout {
            w.key("password_reset_timeout", seconds as i64);
        }
        if let Some(seconds) = self.session_cookie_age {
            w.key("session_age", seconds as i64);
        }
        match &self.time_zone {
            Some(zone) => w.key("time_zone", zone.as_str()),
            None => w.warn(
                "TIME_ZONE is None (the host's own zone): authctl uses UTC; set time_zone".into(),
            ),
        }
        w.key("use_tz", self.use_tz);
        // The site's own address is not a setting: suggest the reset link, for the user to
        // confirm.
        if let Some(path) = &self.reset_path {
            let host = self
                .allowed_hosts
                .iter()
                .find(|h| !h.contains('*') && !h.starts_with('.') && !h.is_empty())
                .map_or("example.com", String::as_str);
            w.line("# The site's password reset page (check the address, then uncomment):");
            w.line(format!("# domain = {}", toml::Value::from(host)));
            let url = format!("https://{host}{path}");
            w.line(format!("# reset_url = {}", toml::Value::from(url)));
        }
    }

    fn write_database(&self, w: &mut Writer) {
        let db = &self.database;
        match (db.engine.as_deref(), &db.name) {
            (Some("sqlite"), Some(name)) => w.key("database", name.as_str()),
            (Some("postgresql"), Some(name)) => {
                let (url, ignored) = postgres_url(db, name);
                for option in ignored {
                    w.warn(format!(
                        "the database OPTIONS `{option}` is left out: authctl's PostgreSQL URL \
                         takes sslmode, sslrootcert, connect_timeout and application_name"
                    ));
                }
                // What is written must be what authctl itself reads.
                if let Err(problem) = Database::parse(&url, &Libpq::default()) {
                    w.warn(format!(
                        "the default database cannot be written as a URL authctl reads \
                         ({problem}); set database"
                    ));
                    return;
                }
                w.key("database", url);
                if db.has_password {
                    w.line("# The password is not written here: give it as PGPASSWORD or in ~/.pgpass.");
                }
            }
            (engine, _) => w.warn(format!(
                "the default database ({}) is not one authctl uses (SQLite or PostgreSQL); set \
                 database",
                engine.unwrap_or("not configured")
            )),
        }
    }

    fn write_hashers(&self, w: &mut Writer) {
        let mut list: Vec<String> = Vec::new();
        let mut costs: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
        for hasher in &self.hashers {
            let algorithm = hasher.algorithm.as_deref().and_then(Algorithm::from_name);
            let Some(algorithm) = algorithm else {
                let why = match (&hasher.error, &hasher.algorithm) {
                    (Some(error), _) => format!("it cannot be loaded: {error}"),
                    (None, Some(name)) => format!("authctl has no `{name}` hasher"),
                    (None, None) => "it names no algorithm".to_string(),
                };
                w.warn(format!(
                    "PASSWORD_HASHERS entry {} is left out: {why}",
                    hasher.path
                ));
                continue;
            };
            if list.iter().any(|n| n == algorithm.name()) {
                continue;
            }
            list.push(algorithm.name().to_string());
            // Django's two bcrypt hashers share authctl's one `bcrypt` section.
            let section = match algorithm {
                Algorithm::BcryptSha256 | Algorithm::Bcrypt => "bcrypt",
                other => other.name(),
            };
            if !hasher.params.is_empty() && !costs.contains_key(section) {
                costs.insert(section, hasher.params.clone());
            }
        }
        if list.is_empty() {
            w.warn("no PASSWORD_HASHERS entry is one authctl has; hashers left unset".into());
            return;
        }
        w.line("# PASSWORD_HASHERS, by algorithm: the first makes new hashes.");
        w.key("hashers", text_list(&list));
        for (section, params) in costs {
            w.section(section);
            for (name, value) in params {
                w.key(&name, value as i64);
            }
        }
    }

    fn write_validators(&self, w: &mut Writer) {
        const PREFIX: &str = "django.contrib.auth.password_validation.";
        let mut seen = Vec::new();
        let mut lines: Vec<(String, toml::Value)> = Vec::new();
        for validator in &self.validators {
            let path = validator.path.clone().unwrap_or_default();
            let option = |name: &str| validator.options.get(name);
            match path.strip_prefix(PREFIX) {
                Some("UserAttributeSimilarityValidator") => {
                    seen.push("similarity");
                    if let Some(n) = option("max_similarity").and_then(Value::as_f64) {
                        lines.push(("max_similarity".into(), n.into()));
                    }
                    if option("user_attributes").is_some() {
                        w.warn(
                            "UserAttributeSimilarityValidator's user_attributes option is not \
                             followed: authctl compares the username, names and email"
                                .into(),
                        );
                    }
                }
                Some("MinimumLengthValidator") => {
                    seen.push("min_length");
                    let n = option("min_length").and_then(Value::as_i64).unwrap_or(8);
                    lines.push(("min_length".into(), n.into()));
                }
                Some("CommonPasswordValidator") => {
                    seen.push("common");
                    if option("password_list_path").is_some() {
                        w.warn(
                            "CommonPasswordValidator's password_list_path is not followed: \
                             authctl uses Django's own list"
                                .into(),
                        );
                    }
                }
                Some("NumericPasswordValidator") => seen.push("numeric"),
                _ => w.warn(format!(
                    "the password validator {path} is not Django's: authctl does not run it"
                )),
            }
        }
        // Validators the project leaves out are off.
        for (name, off) in [
            ("similarity", toml::Value::Boolean(false)),
            ("min_length", toml::Value::Integer(0)),
            ("common", toml::Value::Boolean(false)),
            ("numeric", toml::Value::Boolean(false)),
        ] {
            if !seen.contains(&name) {
                lines.push((name.into(), off));
            }
        }
        if !lines.is_empty() {
            w.section("validators");
            for (key, value) in lines {
                w.key(&key, value);
            }
        }
    }

    fn write_email(&self, w: &mut Writer) {
        let email = &self.email;
        let backend = email.backend.rsplit('.').nth(1).unwrap_or_default();
        w.section("email");
        if let Some(from) = &self.default_from_email {
            w.key("from", from.as_str());
        }
        match backend {
            "smtp" => {
                w.key("backend", "smtp");
                w.section("email.smtp");
                if let Some(host) = &email.host {
                    w.key("host", host.as_str());
                }
                if let Some(port) = email.port {
                    w.key("port", i64::from(port));
                }
                if let Some(user) = email.host_user.as_deref().filter(|u| !u.is_empty()) {
                    w.key("username", user);
                }
                let security = match (email.use_ssl, email.use_tls) {
                    (true, _) => "tls",
                    (_, true) => "starttls",
                    _ => "none",
                };
                w.key("security", security);
                if let Some(timeout) = email.timeout {
                    w.key("timeout", timeout as i64);
                }
                if email.has_host_password {
                    w.line("# The password is not written here: set AUTHCTL_EMAIL_SMTP_PASSWORD.");
                }
            }
            "filebased" => {
                w.key("backend", "file");
                if let Some(dir) = &email.file_path {
                    w.key("file_dir", dir.as_str());
                }
            }
            "console" => w.key("backend", "console"),
            _ => w.warn(format!(
                "EMAIL_BACKEND {} is not one authctl has (smtp, file, console); email.backend \
                 stays console",
                email.backend
            )),
        }
    }

    fn write_user_model(&self, w: &mut Writer) {
        let model = &self.user_model;
        w.section("user_model");
        w.line(format!("# AUTH_USER_MODEL = \"{}\"", model.label));
        w.key("table", model.table.as_str());
        // Fields by their columns, which is what the table has (a `db_column` renames one).
        let column = |field: &str| {
            model
                .fields
                .iter()
                .find(|f| f.name == field)
                .map_or(field.to_string(), |f| f.column.clone())
        };
        w.key("username_field", column(&model.username_field));
        if let Some(email) = &model.email_field {
            w.key("email_field", column(email));
        }
        let required: Vec<String> = model.required_fields.iter().map(|f| column(f)).collect();
        w.key("required_fields", text_list(&required));
        let columns: Vec<String> = model.fields.iter().map(|f| f.column.clone()).collect();
        w.key("columns", text_list(&columns));
        // The model's own defaults for its other fields, which Django (not the database)
        // fills in: authctl must write them itself.
        let special = |f: &FieldInfo| {
            ROLE_COLUMNS.contains(&f.column.as_str())
                || f.name == model.username_field
                || Some(&f.name) == model.email_field.as_ref()
        };
        let mut defaults = Vec::new();
        for field in model.fields.iter().filter(|f| !special(f)) {
            match (field.default.as_ref().and_then(scalar), field.has_default) {
                (Some(value), _) => defaults.push((field.column.clone(), value)),
                // A default Python computes (or one that is not a plain value) cannot be
                // written here; a nullable column simply stays NULL.
                (None, true) if !field.null => w.warn(format!(
                    "{}'s default cannot be written as a setting: give it with --field {}=VALUE \
                     or set user_model.defaults.{}",
                    field.name, field.column, field.column
                )),
                _ => {}
            }
        }
        if !defaults.is_empty() {
            w.section("user_model.defaults");
            for (column, value) in defaults {
                w.key(&column, value);
            }
        }
        // The names Django's prompts and messages use, where they are not the column's own.
        let labels: Vec<(&str, &str)> = model
            .fields
            .iter()
            .filter_map(|f| Some((f.column.as_str(), f.verbose_name.as_deref()?)))
            .filter(|(column, verbose)| {
                *verbose
                    != column
                        .strip_suffix("_id")
                        .unwrap_or(column)
                        .replace('_', " ")
            })
            .collect();
        if !labels.is_empty() {
            w.section("user_model.labels");
            for (column, verbose) in labels {
                w.key(column, verbose);
            }
        }
    }
}

/// The `OPTIONS` a libpq URL carries that authctl reads too.
const URL_OPTIONS: [&str; 4] = [
    "sslmode",
    "sslrootcert",
    "connect_timeout",
    "application_name",
];

/// `postgres://user@host:port/name?options`, without the password; and the options it leaves
/// out.
fn postgres_url(db: &DatabaseInfo, name: &str) -> (String, Vec<String>) {
    let encode = |text: &str| {
        url::form_urlencoded::byte_serialize(text.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    let mut url = String::from("postgres://");
    if let Some(user) = &db.user {
        let _ = write!(url, "{}@", encode(user));
    }
    let host = db.host.as_deref().unwrap_or("");
    // A host that is a directory (a Unix socket) goes in the query, as libpq reads it.
    let socket = host.starts_with('/');
    if !socket {
        // An IPv6 address goes in brackets.
        match host.contains(':') && !host.starts_with('[') {
            true => {
                let _ = write!(url, "[{host}]");
            }
            false => url.push_str(host),
        }
        if let Some(port) = db.port {
            let _ = write!(url, ":{port}");
        }
    }
    let _ = write!(url, "/{}", encode(name));
    let mut query: Vec<String> = Vec::new();
    if socket {
        query.push(format!("host={}", encode(host)));
        if let Some(port) = db.port {
            query.push(format!("port={port}"));
        }
    }
    let mut ignored = Vec::new();
    for (key, value) in &db.options {
        if !URL_OPTIONS.contains(&key.as_str()) {
            ignored.push(key.clone());
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        query.push(format!("{}={}", encode(key), encode(&text)));
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    (url, ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_py_names_the_settings_module() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("manage.py"),
            "import os\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
        )
        .unwrap();
        assert_eq!(
            settings_from_manage_py(dir.path()).unwrap(),
            "mysite.settings"
        );
    }

    #[test]
    fn postgres_urls_leave_the_password_out() {
        let db = DatabaseInfo {
            engine: Some("postgresql".into()),
            name: Some("my db".into()),
            host: Some("127.0.0.1".into()),
            port: Some(5433),
            user: Some("app".into()),
            has_password: true,
            options: BTreeMap::from([("sslmode".into(), Value::from("require"))]),
        };
        assert_eq!(
            postgres_url(&db, "my db").0,
            "postgres://app@127.0.0.1:5433/my%20db?sslmode=require"
        );
        let socket = DatabaseInfo {
            host: Some("/var/run/postgresql".into()),
            options: BTreeMap::from([("options".into(), Value::from("-c search_path=x"))]),
            ..db
        };
        let (url, ignored) = postgres_url(&socket, "app");
        assert_eq!(
            url,
            "postgres://app@/app?host=%2Fvar%2Frun%2Fpostgresql&port=5433"
        );
        assert_eq!(ignored, ["options"]);
        // authctl reads back what it writes: a socket with a user, an IPv6 address.
        let target = Database::parse(&url, &Libpq::default()).unwrap();
        assert_eq!(
            target.shown(),
            "postgres:///app?user=app&host=%2Fvar%2Frun%2Fpostgresql&port=5433"
        );
        let six = DatabaseInfo {
            host: Some("::1".into()),
            options: BTreeMap::new(),
            ..socket
        };
        let (url, _) = postgres_url(&six, "app");
        assert_eq!(url, "postgres://app@[::1]:5433/app");
        assert!(
            Database::parse(&url, &Libpq::default())
                .unwrap()
                .shown()
                .contains("[::1]")
        );
    }
}
