//! Where a PostgreSQL database is, in libpq's terms: a `postgres://` URL, with the `PG*`
//! environment variables and the password file filling what the URL leaves out, as `psql` does.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio_postgres::config::{Host, SslMode};

/// libpq's defaults from the environment: `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`,
/// `PGDATABASE`, `PGSSLMODE`, `PGPASSFILE`, and what libpq falls back on after them.
#[derive(Debug, Clone, Default)]
pub struct Libpq {
    pub host: Option<String>,
    pub port: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub database: Option<String>,
    pub sslmode: Option<String>,
    pub sslrootcert: Option<String>,
    pub connect_timeout: Option<String>,
    pub passfile: Option<PathBuf>,
    /// The home directory, for `~/.pgpass` and `~/.postgresql/root.crt`.
    pub home: Option<PathBuf>,
    /// The operating system's user name: libpq's default user.
    pub login_name: Option<String>,
}

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// Everything needed to connect, and how to name the database without its password.
#[derive(Clone)]
pub struct Target {
    pub config: tokio_postgres::Config,
    pub tls: Tls,
    /// Trusted roots for verifying the server (`sslrootcert`), when given or found.
    pub root_cert: Option<PathBuf>,
    /// The URL as it was given, without its password: what messages and the reset email's
    /// command show (its parameters, `sslmode` and the rest, are needed to connect the same way).
    pub shown: String,
    /// `postgresql://user@host:port/database`, whatever way it was given: what a session file
    /// names.
    pub identity: String,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Target({})", self.shown)
    }
}

/// Whether `text` names a PostgreSQL database.
pub fn is_postgres_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

fn decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

impl Target {
    /// Reads a libpq URL. Errors never repeat the URL, which may hold a password.
    pub fn parse(text: &str, env: &Libpq) -> Result<Target, String> {
        let url = url::Url::parse(&userinfo_to_query(text))
            .map_err(|e| format!("not a PostgreSQL URL ({e})"))?;
        // An IPv6 address without the brackets the URL needs around it.
        let mut host = match url.host() {
            Some(url::Host::Ipv6(address)) => Some(address.to_string()),
            _ => url.host_str().filter(|h| !h.is_empty()).map(decode),
        };
        let mut port = url.port().map(|p| p.to_string());
        let mut user = Some(decode(url.username())).filter(|u| !u.is_empty());
        let mut password = url.password().map(decode);
        let mut database =
            Some(decode(url.path().trim_start_matches('/'))).filter(|d| !d.is_empty());
        let mut sslmode = None;
        let mut sslrootcert = None;
        let mut connect_timeout = None;
        let mut application_name = None;
        for (key, value) in url.query_pairs() {
            let value = value.into_owned();
            match key.as_ref() {
                "host" => host = Some(value),
                "port" => port = Some(value),
                "user" => user = Some(value),
                "password" => password = Some(value),
                "dbname" => database = Some(value),
                "sslmode" => sslmode = Some(value),
                "sslrootcert" => sslrootcert = Some(value),
                "connect_timeout" => connect_timeout = Some(value),
                "application_name" => application_name = Some(value),
                other => return Err(format!("unknown parameter `{other}` in the PostgreSQL URL")),
            }
        }
        let host = host
            .or_else(|| env.host.clone())
            .unwrap_or_else(default_host);
        let port: u16 = port
            .or_else(|| env.port.clone())
            .map_or(Ok(5432), |p| p.trim().parse())
            .map_err(|_| "the PostgreSQL port is not a number from 1 to 65535".to_string())?;
        let user = user
            .or_else(|| env.user.clone())
            .or_else(|| env.login_name.clone())
            .ok_or("no PostgreSQL user: give one in the URL or PGUSER")?;
        let database = database
            .or_else(|| env.database.clone())
            .unwrap_or_else(|| user.clone());
        let tls = match sslmode.or_else(|| env.sslmode.clone()).as_deref() {
            None | Some("prefer") => Tls::Prefer,
            Some("disable") => Tls::Disable,
            // libpq's `allow` tries without TLS first; the server decides the same way here.
            Some("allow") => Tls::Prefer,
            Some("require") => Tls::Require,
            Some("verify-ca") => Tls::VerifyCa,
            Some("verify-full") => Tls::VerifyFull,
            Some(other) => {
                return Err(format!(
                    "sslmode `{other}` is not one of disable, prefer, require, verify-ca, verify-full"
                ));
            }
        };
        let timeout = match connect_timeout.or_else(|| env.connect_timeout.clone()) {
            None => 10,
            Some(t) => t
                .trim()
                .parse::<u64>()
                .map_err(|_| "connect_timeout is not a whole number of seconds".to_string())?,
        };
        let root_cert = sslrootcert
            .or_else(|| env.sslrootcert.clone())
            .map(PathBuf::from)
            .or_else(|| {
                let default = env.home.as_ref()?.join(".postgresql/root.crt");
                default.exists().then_some(default)
            });
        // libpq: `require` with a root certificate verifies the chain, as `verify-ca` does.
        let tls = match (tls, &root_cert) {
            (Tls::Require, Some(_)) => Tls::VerifyCa,
            (tls, _) => tls,
        };
        let password = password
            .or_else(|| env.password.clone())
            .or_else(|| passfile_password(env, &host, port, &database, &user));

        let mut config = tokio_postgres::Config::new();
        config.user(&user).dbname(&database).port(port);
        if host.starts_with('/') {
            config.host_path(&host);
        } else {
            config.host(&host);
        }
        if let Some(password) = &password {
            config.password(password);
        }
        if timeout > 0 {
            config.connect_timeout(Duration::from_secs(timeout));
        }
        if let Some(name) = &application_name {
            config.application_name(name);
        }
        config.ssl_mode(match tls {
            Tls::Disable => SslMode::Disable,
            Tls::Prefer => SslMode::Prefer,
            Tls::Require | Tls::VerifyCa | Tls::VerifyFull => SslMode::Require,
        });
        Ok(Target {
            config,
            tls,
            root_cert,
            shown: without_password(url),
            identity: show(&user, &host, port, &database),
        })
    }

    /// The user authctl connects as.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    /// The server, as messages name it.
    pub fn server(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name.clone(),
            Some(Host::Unix(path)) => path.display().to_string(),
            None => String::new(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        format!("{host}:{port}")
    }
}

/// The URL as given, less its password (in the user part or as a parameter).
fn without_password(mut url: url::Url) -> String {
    let _ = url.set_password(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| key != "password")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.set_query(None);
    if !kept.is_empty() {
        url.query_pairs_mut().extend_pairs(kept);
    }
    url.to_string()
}

/// libpq takes `postgresql://user@/db?host=/socket/dir` (a user, no host: the socket), which a
/// generic URL parser refuses; the user and password move to the query, where libpq takes them
/// too. Anything else is returned as it is.
fn userinfo_to_query(text: &str) -> std::borrow::Cow<'_, str> {
    let Some((scheme, rest)) = text.split_once("://") else {
        return text.into();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let Some(userinfo) = authority.strip_suffix('@') else {
        return text.into();
    };
    let (user, password) = match userinfo.split_once(':') {
        Some((user, password)) => (user, Some(password)),
        None => (userinfo, None),
    };
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let mut pairs = vec![format!("user={user}")];
    if let Some(password) = password {
        pairs.push(format!("password={password}"));
    }
    if !query.is_empty() {
        pairs.push(query.to_string());
    }
    format!("{scheme}://{path}?{}", pairs.join("&")).into()
}

/// The canonical name of the database: user, server and database, whatever way they were given.
fn show(user: &str, host: &str, port: u16, database: &str) -> String {
    let enc = |s: &str| {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    if host.starts_with('/') {
        format!(
            "postgresql://{}@/{}?host={}&port={port}",
            enc(user),
            enc(database),
            enc(host)
        )
    } else {
        let host = match host.contains(':') {
            true => format!("[{host}]"),
            false => host.to_string(),
        };
        format!("postgresql://{}@{host}:{port}/{}", enc(user), enc(database))
    }
}

/// libpq's compiled-in default: the Unix socket directory when there is one, else TCP to
/// localhost.
fn default_host() -> String {
    ["/var/run/postgresql", "/tmp"]
        .iter()
        .find(|dir| Path::new(dir).join(".s.PGSQL.5432").exists())
        .map_or_else(|| "localhost".to_string(), |dir| dir.to_string())
}

/// The password for this connection from the password file (`PGPASSFILE`, else `~/.pgpass`),
/// read as libpq reads it: the first matching line wins, `*` matches anything, `\` escapes, and
/// a file that others can read is ignored.
fn passfile_password(
    env: &Libpq,
    host: &str,
    port: u16,
    database: &str,
    user: &str,
) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let path = env
        .passfile
        .clone()
        .or_else(|| Some(env.home.as_ref()?.join(".pgpass")))?;
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.mode() & 0o077 != 0 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    // A socket connection matches the host field `localhost`, as in libpq.
    let host = if host.starts_with('/') {
        "localhost"
    } else {
        host
    };
    let port = port.to_string();
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(pgpass_fields)
        .find(|fields| {
            let wanted = [host, port.as_str(), database, user];
            fields[..4]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field == "*" || field == want)
        })
        .map(|mut fields| fields.swap_remove(4))
}

/// The five fields of a password file line, unescaped.
fn pgpass_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next()?),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    (fields.len() == 5).then_some(fields)
}

/// A connection or query error from the server, in one sentence naming what to check.
pub fn explain(target: &Target, e: &tokio_postgres::Error) -> Error {
    use tokio_postgres::error::SqlState;
    let server = target.server();
    let context = match e.code() {
        Some(code) if *code == SqlState::INVALID_PASSWORD => format!(
            "PostgreSQL at {server} refused the password of user {}",
            target.user()
        ),
        Some(code) if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
            format!("PostgreSQL at {server} refused user {}", target.user())
        }
        Some(code) if *code == SqlState::INVALID_CATALOG_NAME => format!(
            "database {} does not exist on PostgreSQL at {server}",
            target.config.get_dbname().unwrap_or("")
        ),
        // The driver's words when the server asks for a password nobody gave.
        None if reason(e).contains("password missing") => {
            return Error::Environment(format!(
                "PostgreSQL at {server} wants a password for user {}: give it in PGPASSWORD, \
                 the password file (~/.pgpass or PGPASSFILE) or the URL",
                target.user()
            ));
        }
        _ => format!("cannot connect to PostgreSQL database {}", target.shown),
    };
    Error::Database {
        context,
        source: Some(Box::new(Redacted(reason(e)))),
    }
}

/// The server's or the network's own words, without repeating what the context says.
pub fn reason(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

/// A cause as text (the driver's errors are not all `Sync`).
#[derive(Debug)]
struct Redacted(String);

impl std::fmt::Display for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Redacted {}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Libpq {
        Libpq {
            login_name: Some("osuser".into()),
            ..Libpq::default()
        }
    }

    #[test]
    fn a_url_gives_every_part_and_shows_no_password() {
        let t = Target::parse(
            "postgresql://alice:s%40cret@db.example.com:6543/app?sslmode=verify-full&application_name=authctl&connect_timeout=3",
            &env(),
        )
        .unwrap();
        assert_eq!(t.config.get_user(), Some("alice"));
        assert_eq!(t.config.get_password(), Some(&b"s@cret"[..]));
        assert_eq!(t.config.get_dbname(), Some("app"));
        assert_eq!(t.config.get_ports(), [6543]);
        assert_eq!(
            t.config.get_connect_timeout(),
            Some(&Duration::from_secs(3))
        );
        assert_eq!(t.config.get_application_name(), Some("authctl"));
        assert_eq!(t.tls, Tls::VerifyFull);
        assert_eq!(
            t.shown,
            "postgresql://alice@db.example.com:6543/app?sslmode=verify-full&application_name=authctl&connect_timeout=3"
        );
        assert_eq!(t.identity, "postgresql://alice@db.example.com:6543/app");
        let t = Target::parse(
            "postgresql://u@h/d?password=hunter2&sslmode=disable",
            &env(),
        )
        .unwrap();
        assert_eq!(t.shown, "postgresql://u@h/d?sslmode=disable");
        assert!(!format!("{t:?}").contains("s@cret"));
    }

    #[test]
    fn the_environment_fills_what_the_url_leaves_out() {
        let e = Libpq {
            host: Some("/run/pg".into()),
            port: Some("5433".into()),
            user: Some("bob".into()),
            password: Some("pw".into()),
            sslmode: Some("disable".into()),
            ..env()
        };
        let t = Target::parse("postgres:///appdb", &e).unwrap();
        assert_eq!(t.config.get_hosts(), [Host::Unix("/run/pg".into())]);
        assert_eq!(t.config.get_ports(), [5433]);
        assert_eq!(t.config.get_user(), Some("bob"));
        assert_eq!(t.config.get_password(), Some(&b"pw"[..]));
        assert_eq!(t.tls, Tls::Disable);
        let t = Target::parse("postgres://h/", &env()).unwrap();
        assert_eq!(t.config.get_user(), Some("osuser"));
        assert_eq!(t.config.get_dbname(), Some("osuser"));
        assert!(Target::parse("postgres://h/db?sslmode=maybe", &env()).is_err());
        let err = Target::parse("postgres://u:hunter2@h/db?bogus=1", &env()).unwrap_err();
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn the_password_file_is_read_like_libpq() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:5432:*:alice:wrong\ndb.example.com:5432:app:alice:p\\:w\\\\d\n*:*:*:*:fallback\n",
        )
        .unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let e = Libpq {
            passfile: Some(file.clone()),
            ..env()
        };
        let t = Target::parse("postgres://alice@db.example.com/app", &e).unwrap();
        assert_eq!(t.config.get_password(), Some(&b"p:w\\d"[..]));
        let t = Target::parse("postgres://carol@elsewhere/x", &e).unwrap();
        assert_eq!(t.config.get_password(), Some(&b"fallback"[..]));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let t = Target::parse("postgres://carol@elsewhere/x", &e).unwrap();
        assert_eq!(t.config.get_password(), None, "a readable file is ignored");
    }
}
