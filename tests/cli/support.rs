//! Test helpers, after just's `Test` and ripgrep's `TestCommand`: a throwaway [`Sandbox`] with
//! the one cheap-cost setting, one builder for running the real binary ([`Cmd`]), the finished
//! [`Run`] with assertions that print everything on failure, a real Django in a venv cached under
//! target/, and (at the end, in one place) every use the tests make of the authctl library.

use serde_json::{Value, json};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");

/// The password of every test user whose password is not itself under test.
pub const PW: &str = "correct horse battery staple";

/// The one cheap-cost setting, as the environment variables a user would set. Every sandbox runs
/// the program with them, Django hashes with them (see [`django`]), and the library functions
/// at the end of this file hash and check with them, so all three agree on `must_update`.
/// Django's production defaults are compared with authctl's by parsing, never by hashing (see
/// `django_interop::django_and_authctl_have_the_same_default_hasher_parameters`).
pub const CHEAP: &[(&str, &str)] = &[
    ("AUTHCTL_ARGON2_MEMORY_COST", "64"),
    ("AUTHCTL_ARGON2_TIME_COST", "1"),
    ("AUTHCTL_ARGON2_PARALLELISM", "1"),
    ("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "100"),
    ("AUTHCTL_PBKDF2_SHA1_ITERATIONS", "100"),
    ("AUTHCTL_BCRYPT_ROUNDS", "4"),
    ("AUTHCTL_SCRYPT_WORK_FACTOR", "16"),
];

/// The cheap value of one of the [`CHEAP`] variables.
pub fn cheap(var: &str) -> &'static str {
    CHEAP
        .iter()
        .find(|(k, _)| *k == var)
        .unwrap_or_else(|| panic!("{var} is not one of the cheap costs"))
        .1
}

/// A scratch home: its own database, config and state directories, and the cheap hash costs
/// given the way a user would give them (environment variables), so tests stay fast without any
/// test-only code path in the program.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    /// The SQLite file (unused on PostgreSQL).
    pub db: PathBuf,
    /// What `AUTHCTL_DATABASE` says: the SQLite file, or the PostgreSQL URL.
    pub database: String,
    pub backend: Backend,
    vars: Vec<(String, String)>,
    /// Whether `AUTHCTL_DATABASE` is left unset, so the program finds its default database.
    default_database: bool,
}

/// A PostgreSQL sandbox's database goes with it.
impl Drop for Sandbox {
    fn drop(&mut self) {
        if self.backend != Backend::Postgres {
            return;
        }
        // Only a name `new_database` made (a test may point the sandbox elsewhere).
        let name = self.pg_database();
        if name.starts_with('t') && name.len() > 1 && name[1..].bytes().all(|b| b.is_ascii_digit())
        {
            crate::pg::server().drop_database(&name);
        }
    }
}

/// Which database a sandbox keeps its users in. Tests whose behaviour is the database's run on
/// both (see [`on_both`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    /// A database of its own on the suite's PostgreSQL server (see `pg.rs`).
    Postgres,
}

/// Runs a test `fn name(backend: Backend)` on SQLite and on PostgreSQL, as the tests
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::support::Backend::Sqlite)
                }
                #[test]
                fn postgres() {
                    super::$name($crate::support::Backend::Postgres)
                }
            }
        )+
    };
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox::on(Backend::Sqlite)
    }

    /// A sandbox whose users live on the suite's PostgreSQL server, in a database of its own.
    pub fn postgres() -> Sandbox {
        Sandbox::on(Backend::Postgres)
    }

    pub fn on(backend: Backend) -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("db.sqlite3");
        let database = match backend {
            Backend::Sqlite => db.display().to_string(),
            Backend::Postgres => {
                let server = crate::pg::server();
                server.url(&server.new_database())
            }
        };
        let vars = CHEAP
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Sandbox {
            dir,
            db,
            database,
            backend,
            vars,
            default_database: false,
        }
    }

    /// A config file holding what this sandbox gives through the environment (the database,
    /// the cheap costs) and `extra` (keys, or whole tables): for callers that run the program with an environment of
    /// their own (PAM, Dovecot, Squid), which name it with `--config`.
    pub fn config_file(&self, extra: &str) -> PathBuf {
        let mut toml = format!("database = {:?}\n{extra}\n", self.database);
        for section in ["argon2", "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt", "scrypt"] {
            toml.push_str(&format!("[{section}]\n"));
            for (var, value) in CHEAP {
                let key = var.to_lowercase();
                if let Some(key) = key.strip_prefix(&format!("authctl_{section}_")) {
                    toml.push_str(&format!("{key} = {value}\n"));
                }
            }
        }
        let path = self.path("caller.toml");
        std::fs::write(&path, toml).expect("write the config file");
        path
    }

    /// The PostgreSQL database's name (PostgreSQL sandboxes only).
    pub fn pg_database(&self) -> String {
        assert_eq!(self.backend, Backend::Postgres);
        let path = self.database.split('?').next().unwrap_or_default();
        path.rsplit('/').next().unwrap_or_default().to_string()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Sets a variable for every later command of this sandbox.
    pub fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// Leaves the database to the program's default (in the sandbox's data directory), as a
    /// reader's would be.
    pub fn use_default_database(&mut self) -> &mut Self {
        self.default_database = true;
        self
    }

    pub fn unset(&mut self, key: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self
    }

    /// Drops the cheap costs: the program hashes at its production defaults. Only for a test
    /// whose point is those defaults, and then once.
    pub fn production_costs(&mut self) -> &mut Self {
        for (key, _) in CHEAP {
            self.unset(key);
        }
        self
    }

    /// The program with these arguments and a clean environment: only this sandbox's settings
    /// reach it. Add to it with the [`Cmd`] methods, then [`Cmd::run`].
    pub fn cmd<I, S>(&self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new(BIN);
        self.environment(&mut command);
        command.args(args);
        Cmd::new(command)
    }

    /// `sh -c script` with this sandbox's environment and the program under test first on
    /// PATH as `authctl`, for commands written the way a person types them.
    pub fn shell(&self, script: &str) -> Cmd {
        let mut command = Command::new("sh");
        self.environment(&mut command);
        let bin_dir = Path::new(BIN).parent().expect("the binary's directory");
        let path = std::env::var_os("PATH").unwrap_or_default();
        let path = std::env::join_paths(
            std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(&path)),
        )
        .expect("a PATH");
        command.env("PATH", path).arg("-c").arg(script);
        Cmd::new(command)
    }

    fn environment(&self, command: &mut Command) {
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("home/config"))
            .env("XDG_DATA_HOME", self.dir.path().join("home/data"))
            .env("XDG_STATE_HOME", self.dir.path().join("home/state"))
            .env("RUST_BACKTRACE", "0");
        if !self.default_database {
            command.env("AUTHCTL_DATABASE", &self.database);
        }
        for (k, v) in &self.vars {
            command.env(k, v);
        }
    }

    /// The runner `benches/hashers.rs` uses (it shares this file); the tests use [`Sandbox::cmd`].
    #[allow(dead_code)]
    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        self.cmd(args).stdin(stdin).run()
    }

    /// A SQL query on the sandbox database, one row per line, columns joined by `|`, values
    /// written the same on both backends (booleans as 1/0, times as Django writes them on
    /// SQLite, NULL as `NULL`).
    pub fn sql(&self, query: &str) -> Vec<String> {
        match self.backend {
            Backend::Sqlite => sql(&self.db, query),
            Backend::Postgres => pg_sql(&self.pg_database(), query),
        }
    }

    /// Runs statements that change the database (as another program would).
    pub fn exec(&self, statements: &str) {
        match self.backend {
            Backend::Sqlite => exec(&self.db, statements),
            Backend::Postgres => crate::pg::server()
                .admin(&self.pg_database())
                .batch_execute(statements)
                .expect("execute SQL on the test database"),
        }
    }

    /// Signs up a regular user through the program itself (an empty email is left out).
    pub fn signup(&self, username: &str, email: &str, password: &str) {
        let mut cmd = self.cmd(["signup", "--username", username, "--password-stdin"]);
        if !email.is_empty() {
            cmd = cmd.args(["--email", email]);
        }
        cmd.stdin_line(password).run().expect(0);
    }

    /// Creates a superuser through the program itself, with an unusable password if `None`.
    pub fn superuser(&self, username: &str, email: &str, password: Option<&str>) {
        let cmd = self.cmd([
            "createsuperuser",
            "--no-input",
            "--username",
            username,
            "--email",
            email,
        ]);
        match password {
            Some(password) => cmd.arg("--password-stdin").stdin_line(password),
            None => cmd,
        }
        .run()
        .expect(0);
    }

    /// `authctl verify` of a username and password given on standard input.
    pub fn verify(&self, username: &str, password: &str) -> Run {
        self.cmd(["verify", "--username", username, "--password-stdin"])
            .stdin_line(password)
            .run()
    }

    /// `authctl login` with the default session file.
    pub fn login(&self, username: &str, password: &str) -> Run {
        self.cmd(["login", "--username", username, "--password-stdin"])
            .stdin_line(password)
            .run()
    }

    /// Waits (ten seconds at most) until the sender `reset-request` starts has emptied the
    /// outbox: what it delivers arrives after the command has answered.
    pub fn wait_for_outbox(&self) {
        let start = std::time::Instant::now();
        loop {
            let run = self.cmd(["mail", "list", "--json"]).run();
            run.expect(0);
            if run.stdout().is_empty() {
                return;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "the outbox was not emptied: {run:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }

    /// Adds the users who must never get in, for "every failure looks the same" tests:
    /// `sleepy` (inactive, knows `password`) and `nopass` (unusable password). Both have
    /// addresses `<name>@example.com`.
    pub fn add_locked_out_users(&self, password: &str) {
        self.signup("sleepy", "sleepy@example.com", password);
        self.exec("UPDATE auth_user SET is_active = false WHERE username = 'sleepy'");
        self.superuser("nopass", "nopass@example.com", None);
    }

    /// Makes the sandbox database a Django project's: Django migrates it and its own
    /// createsuperuser adds a superuser (hashed by Django at the cheap costs).
    pub fn django_project(&self, username: &str, email: &str, password: &str) {
        django(
            "project",
            json!({"database": self.database, "username": username, "email": email, "password": password}),
        );
    }

    // --- added for backend-parametrised tests ---

    /// All that a write would change, to compare before and after a command that must write
    /// nothing: on SQLite the database file's bytes; on PostgreSQL the schema's tables and every
    /// row of authctl's tables with its row version (`xmin`, new with any UPDATE, even of a value
    /// to itself).
    pub fn stored_state(&self) -> Vec<u8> {
        match self.backend {
            Backend::Sqlite => std::fs::read(&self.db).expect("read the database file"),
            Backend::Postgres => {
                let tables = self.sql(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = current_schema() ORDER BY 1",
                );
                let mut state = tables.clone();
                for table in ["auth_user", "authctl_session", "authctl_outbox"] {
                    if tables.iter().any(|t| t == table) {
                        state.push(format!("-- {table}"));
                        state.extend(self.sql(&format!(
                            "SELECT xmin::text, {table}::text FROM {table} ORDER BY 2"
                        )));
                    }
                }
                state.join("\n").into_bytes()
            }
        }
    }
}

/// The program with no sandbox and an environment of PATH alone, for what depends on no
/// setting: help, completions and man pages.
pub fn authctl<I, S>(args: I) -> Cmd
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(BIN);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(args);
    Cmd::new(command)
}

/// One run of the program being put together: arguments, environment and standard input.
#[must_use = "a command does nothing until it is run"]
pub struct Cmd {
    command: Command,
    stdin: Vec<u8>,
}

impl Cmd {
    fn new(command: Command) -> Cmd {
        Cmd {
            command,
            stdin: Vec::new(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    /// Sets (or overrides) a variable for this run only.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    /// Runs in this directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Standard input, exactly these bytes; none at all by default (an empty pipe).
    pub fn stdin(mut self, input: impl AsRef<[u8]>) -> Self {
        self.stdin = input.as_ref().to_vec();
        self
    }

    /// Standard input of one line: `line` and a newline.
    pub fn stdin_line(self, line: &str) -> Self {
        self.stdin(format!("{line}\n"))
    }

    /// The command as put together so far, for tests that drive the process themselves (on a
    /// pseudo-terminal, or reading its output as it comes). Standard input is not applied.
    pub fn into_command(self) -> Command {
        self.command
    }

    /// Runs to the end with piped standard streams.
    pub fn run(self) -> Run {
        run_bytes(self.command, &self.stdin)
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on just now, for a server a test starts.
pub fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    probe.local_addr().unwrap().port()
}

/// Runs statements that change the database (as another program would).
pub fn exec(db: &Path, statements: &str) {
    rusqlite::Connection::open(db)
        .and_then(|c| c.execute_batch(statements))
        .expect("execute SQL on the test database");
}

pub fn sql(db: &Path, query: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open test database");
    let mut stmt = conn.prepare(query).expect("prepare");
    let n = stmt.column_count();
    stmt.query_map([], |row| {
        Ok((0..n)
            .map(|i| match row.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => "NULL".to_string(),
                rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                rusqlite::types::ValueRef::Real(f) => f.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                rusqlite::types::ValueRef::Blob(_) => "<blob>".to_string(),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .expect("query")
    .map(|r| r.unwrap())
    .collect()
}

fn pg_sql(database: &str, query: &str) -> Vec<String> {
    use postgres::types::Type;
    let rows = crate::pg::server()
        .admin(database)
        .query(query, &[])
        .expect("query");
    rows.iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    let ty = row.columns()[i].type_().clone();
                    let text = match ty {
                        Type::BOOL => row
                            .get::<_, Option<bool>>(i)
                            .map(|b| u8::from(b).to_string()),
                        Type::INT2 => row.get::<_, Option<i16>>(i).map(|n| n.to_string()),
                        Type::INT4 => row.get::<_, Option<i32>>(i).map(|n| n.to_string()),
                        Type::INT8 => row.get::<_, Option<i64>>(i).map(|n| n.to_string()),
                        Type::FLOAT8 => row.get::<_, Option<f64>>(i).map(|n| n.to_string()),
                        Type::TIMESTAMPTZ => row
                            .get::<_, Option<chrono::DateTime<chrono::Utc>>>(i)
                            .map(datetime_text),
                        _ => row.get::<_, Option<String>>(i),
                    };
                    text.unwrap_or_else(|| "NULL".to_string())
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

/// Runs any command to the end, `stdin` written to its standard input (for the Django helper,
/// and `benches/hashers.rs`; the program itself is run through [`Cmd`]).
pub fn run_command(cmd: Command, stdin: &str) -> Run {
    run_bytes(cmd, stdin.as_bytes())
}

fn run_bytes(mut cmd: Command, stdin: &[u8]) -> Run {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {:?}: {e}", cmd.get_program()));
    let mut pipe = child.stdin.take().unwrap();
    // A program may exit without reading everything; what it left unread is its business.
    pipe.write_all(stdin).ok();
    drop(pipe);
    Run(child.wait_with_output().expect("wait for the process"))
}

/// A finished run, with assertions that print everything on failure.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().expect("exited normally")
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    /// Standard output as one JSON value.
    pub fn json(&self) -> Value {
        serde_json::from_str(self.stdout().trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }
    /// Standard output as JSON Lines, one value per line.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout()
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("not JSON Lines ({e}): {l}\n{self:?}"))
            })
            .collect()
    }
    /// The exit status is `code`; a failure must not be a panic.
    #[track_caller]
    pub fn expect(&self, code: i32) -> &Self {
        assert_eq!(self.code(), code, "unexpected exit status: {self:?}");
        if code != 0 {
            assert!(!self.stderr().contains("panicked"), "panic: {self:?}");
        }
        self
    }
    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr().contains(text),
            "stderr lacks {text:?}: {self:?}"
        );
        self
    }
    #[track_caller]
    pub fn stderr_is(&self, text: &str) -> &Self {
        assert_eq!(self.stderr(), text, "stderr differs: {self:?}");
        self
    }
    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout().contains(text),
            "stdout lacks {text:?}: {self:?}"
        );
        self
    }
    #[track_caller]
    pub fn stdout_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stdout().contains(text),
            "stdout has {text:?}: {self:?}"
        );
        self
    }
    #[track_caller]
    pub fn stderr_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stderr().contains(text),
            "stderr has {text:?}: {self:?}"
        );
        self
    }
    #[track_caller]
    pub fn stdout_is(&self, text: &str) -> &Self {
        assert_eq!(self.stdout(), text, "stdout differs: {self:?}");
        self
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "status {:?}\n--- stdout\n{}--- stderr\n{}",
            self.0.status.code(),
            self.stdout(),
            self.stderr()
        )
    }
}

/// The SHA-256 of a session key in hex: what the database keeps instead of the key.
pub fn session_key_hash(key: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the test venv holds: the reference implementation and the test SMTP server.
const PYTHON_PACKAGES: &[&str] = &[
    "django~=5.2.0",
    "argon2-cffi",
    "bcrypt",
    "aiosmtpd",
    "trustme",
    "psycopg[binary]",
];

/// The Python interpreter of a venv with real Django and the packages above, made once under
/// target/ and shared by every test (and every test process, through a file lock). The venv is
/// rebuilt when the package list changes.
pub fn django_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let venv = tmp.join("django-venv");
        let python = venv.join("bin/python");
        let ready = venv.join(".ready");
        let wanted = PYTHON_PACKAGES.join(" ");
        std::fs::create_dir_all(tmp).unwrap();
        let lock = std::fs::File::create(tmp.join("django-venv.lock")).unwrap();
        lock.lock().expect("lock the venv");
        if std::fs::read_to_string(&ready).ok().as_deref() != Some(wanted.as_str()) {
            let ok = Command::new("python3")
                .args(["-m", "venv", "--clear"])
                .arg(&venv)
                .status()
                .expect("python3 is needed for the Django interoperability tests")
                .success();
            assert!(ok, "python3 -m venv failed");
            let ok = Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(PYTHON_PACKAGES)
                .status()
                .expect("run pip")
                .success();
            assert!(ok, "pip install {wanted} failed");
            std::fs::write(&ready, &wanted).unwrap();
        }
        lock.unlock().ok();
        python
    })
}

/// Runs one action of tests/django/djhelper.py with a JSON request; returns Django's answer.
/// The request also carries [`CHEAP`], so Django hashes at the same costs as authctl.
pub fn django(action: &str, mut request: Value) -> Value {
    request
        .as_object_mut()
        .expect("a Django request is a JSON object")
        .insert("costs".into(), cheap_costs_for_django());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/django/djhelper.py");
    let mut cmd = Command::new(django_python());
    cmd.arg(script).arg(action);
    let run = run_command(cmd, &request.to_string());
    assert_eq!(run.code(), 0, "Django helper {action} failed: {run:?}");
    serde_json::from_str(&run.stdout()).expect("Django helper printed JSON")
}

/// [`CHEAP`] in Django's terms: `{"argon2": {"memory_cost": 64, …}, "pbkdf2_sha256":
/// {"iterations": 100}, …}`. authctl's setting `section.name` (variable `AUTHCTL_SECTION_NAME`)
/// is attribute `name` of Django's hasher classes for `section`.
pub fn cheap_costs_for_django() -> Value {
    const SECTIONS: [&str; 5] = ["argon2", "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt", "scrypt"];
    let mut costs = serde_json::Map::new();
    for (var, value) in CHEAP {
        let key = var
            .strip_prefix("AUTHCTL_")
            .expect("an AUTHCTL_ variable")
            .to_lowercase();
        let (section, attribute) = SECTIONS
            .iter()
            .find_map(|s| Some((*s, key.strip_prefix(s)?.strip_prefix('_')?)))
            .unwrap_or_else(|| panic!("{var} names no hasher"));
        let value: u64 = value.parse().expect("a number");
        costs
            .entry(section)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .unwrap()
            .insert(attribute.to_string(), json!(value));
    }
    Value::Object(costs)
}

// =============================================================================================
// Library API used by the tests.
//
// Everything the tests take from the authctl library goes through the functions below, and no
// test names `authctl::` itself: when the library's API changes, this section alone changes.
// Hashes are made and checked at the cheap costs of CHEAP unless a function says otherwise.
// =============================================================================================

/// The names (Django's `algorithm` prefixes) of every password hasher authctl implements.
pub fn hash_algorithms() -> Vec<&'static str> {
    authctl::hashers::Algorithm::ALL
        .iter()
        .map(|a| a.name())
        .collect()
}

/// authctl's hashers for these cost variables over the library defaults, preferring
/// `algorithm`.
fn hashers(algorithm: &str, costs: &[(&str, &str)]) -> authctl::hashers::Hashers {
    use authctl::hashers::{Argon2Params, BcryptParams, HashParams, Pbkdf2Params, ScryptParams};
    let preferred = authctl::hashers::Algorithm::from_name(algorithm)
        .unwrap_or_else(|| panic!("authctl has no hasher {algorithm}"));
    let cost = |var: &str, default: u64| -> u64 {
        costs
            .iter()
            .rev()
            .find(|(v, _)| *v == var)
            .map_or(default, |(_, value)| value.parse().expect("a number"))
    };
    let small = |var: &str, default: u32| -> u32 { cost(var, default.into()) as u32 };
    let params = HashParams {
        argon2: Argon2Params::new(
            small("AUTHCTL_ARGON2_MEMORY_COST", 102_400),
            small("AUTHCTL_ARGON2_TIME_COST", 2),
            small("AUTHCTL_ARGON2_PARALLELISM", 8),
        )
        .expect("valid argon2 costs"),
        pbkdf2_sha256: Pbkdf2Params::new(small("AUTHCTL_PBKDF2_SHA256_ITERATIONS", 1_000_000))
            .expect("valid iterations"),
        pbkdf2_sha1: Pbkdf2Params::new(small("AUTHCTL_PBKDF2_SHA1_ITERATIONS", 1_000_000))
            .expect("valid iterations"),
        bcrypt: BcryptParams::new(small("AUTHCTL_BCRYPT_ROUNDS", 12)).expect("valid rounds"),
        scrypt: ScryptParams::new(
            cost("AUTHCTL_SCRYPT_WORK_FACTOR", 1 << 14),
            small("AUTHCTL_SCRYPT_BLOCK_SIZE", 8),
            small("AUTHCTL_SCRYPT_PARALLELISM", 5),
        )
        .expect("valid scrypt costs"),
    };
    let known = [
        "AUTHCTL_ARGON2_MEMORY_COST",
        "AUTHCTL_ARGON2_TIME_COST",
        "AUTHCTL_ARGON2_PARALLELISM",
        "AUTHCTL_PBKDF2_SHA256_ITERATIONS",
        "AUTHCTL_PBKDF2_SHA1_ITERATIONS",
        "AUTHCTL_BCRYPT_ROUNDS",
        "AUTHCTL_SCRYPT_WORK_FACTOR",
        "AUTHCTL_SCRYPT_BLOCK_SIZE",
        "AUTHCTL_SCRYPT_PARALLELISM",
    ];
    for (var, _) in costs {
        assert!(known.contains(var), "{var} is no hash cost");
    }
    authctl::hashers::Hashers::new(preferred, &params)
}

/// A fresh hash of `password` with `algorithm` at the cheap costs.
pub fn make_hash(algorithm: &str, password: &str) -> String {
    make_hash_with_costs(algorithm, password, &[])
}

/// A fresh hash of `password` with `algorithm` at the cheap costs but for `changed` (pairs of
/// cost variable and value, like [`CHEAP`]'s; also `AUTHCTL_SCRYPT_BLOCK_SIZE` and
/// `AUTHCTL_SCRYPT_PARALLELISM`, which stay at their defaults otherwise).
pub fn make_hash_with_costs(algorithm: &str, password: &str, changed: &[(&str, &str)]) -> String {
    let costs: Vec<(&str, &str)> = CHEAP.iter().chain(changed).copied().collect();
    hashers(algorithm, &costs).make_password(password)
}

/// authctl's verdict on a password and a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCheck {
    pub matches: bool,
    /// Outdated for the cheap costs with the hash's own algorithm preferred.
    pub must_update: bool,
}

/// Checks `password` against `encoded` at the cheap costs, the hash's own algorithm preferred
/// (so `must_update` is about its parameters, as Django's per-hasher `must_update` is).
pub fn check_hash(password: &str, encoded: &str) -> HashCheck {
    let algorithm = authctl::hashers::identify(encoded)
        .unwrap_or_else(|| panic!("authctl does not know the algorithm of {encoded}"));
    let verdict = hashers(algorithm.name(), CHEAP).check_password(password, encoded);
    HashCheck {
        matches: verdict.matches,
        must_update: verdict.must_update,
    }
}

/// Whether `encoded` is a well-formed hash of an algorithm authctl knows.
pub fn hash_is_well_formed(encoded: &str) -> bool {
    hashers("argon2", CHEAP).is_well_formed(encoded)
}

/// authctl's default hasher parameters (its production costs), laid out like the answer of
/// djhelper's `hasher_defaults`: Django's attribute names under each algorithm name.
pub fn hash_defaults_as_json() -> Value {
    let d = authctl::hashers::HashParams::default();
    let (memory_cost, time_cost, parallelism) = d.argon2.costs();
    let (work_factor, block_size, scrypt_parallelism) = d.scrypt.costs();
    json!({
        "argon2": {
            "time_cost": time_cost,
            "memory_cost": memory_cost,
            "parallelism": parallelism,
        },
        "pbkdf2_sha256": {"iterations": d.pbkdf2_sha256.iterations()},
        "pbkdf2_sha1": {"iterations": d.pbkdf2_sha1.iterations()},
        "bcrypt_sha256": {"rounds": d.bcrypt.rounds()},
        "bcrypt": {"rounds": d.bcrypt.rounds()},
        "scrypt": {
            "work_factor": work_factor,
            "block_size": block_size,
            "parallelism": scrypt_parallelism,
        },
    })
}

/// authctl's password validators at their default settings (Django's four), for a user with
/// these attributes: the messages, in order.
pub fn password_errors(
    password: &str,
    username: &str,
    email: &str,
    first_name: &str,
    last_name: &str,
) -> Vec<String> {
    let user = authctl::validators::UserAttributes {
        username,
        email,
        first_name,
        last_name,
    };
    authctl::validators::password_errors(
        password,
        &user,
        &authctl::validators::PasswordValidators::default(),
    )
}

/// authctl's messages for a username, as Django's field validation gives them.
pub fn username_errors(username: &str) -> Vec<String> {
    authctl::validators::username_errors(username)
}

/// authctl's messages for an email address, as Django's field validation gives them.
pub fn email_errors(email: &str) -> Vec<String> {
    authctl::validators::email_errors(email)
}

/// authctl's version of Django's `normalize_email`.
pub fn normalize_email(email: &str) -> String {
    authctl::validators::normalize_email(email)
}

/// What a password reset token is made from, as plain data: the user's id, password hash, last
/// login (UTC, `YYYY-MM-DD HH:MM:SS[.ffffff]`) and email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUser {
    pub id: i64,
    pub password: String,
    pub last_login: Option<String>,
    pub email: String,
}

impl TokenUser {
    /// The same user as djhelper's `tokens` action takes it.
    pub fn to_json(&self) -> Value {
        json!({"id": self.id, "password": self.password, "last_login": self.last_login, "email": self.email})
    }
}

/// A UTC moment written `YYYY-MM-DD HH:MM:SS[.ffffff]`.
fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .and_utc()
}

fn library_user(user: &TokenUser) -> authctl::store::User {
    authctl::store::User {
        id: user.id,
        password: user.password.clone(),
        last_login: user.last_login.as_deref().map(utc),
        is_superuser: false,
        username: "u".into(),
        first_name: String::new(),
        last_name: String::new(),
        email: user.email.clone(),
        is_staff: false,
        is_active: true,
        date_joined: Some(utc("2020-01-01 00:00:00")),
        extra: Default::default(),
    }
}

/// A site's clock: Django's `TIME_ZONE` and `USE_TZ`.
fn site_time(zone: &str, use_tz: bool) -> authctl::timezone::SiteTime {
    authctl::timezone::SiteTime {
        zone: authctl::timezone::SiteTime::zone_named(zone)
            .unwrap_or_else(|| panic!("no time zone {zone}")),
        use_tz,
    }
}

fn secret_keys(current: &str, fallbacks: &[&str]) -> authctl::secret::SecretKeys {
    authctl::secret::SecretKeys {
        current: current.into(),
        fallbacks: fallbacks.iter().map(|s| (*s).into()).collect(),
    }
}

/// authctl's password reset token for `user`, signed with `secret`, made at `now` (UTC).
pub fn reset_token(user: &TokenUser, secret: &str, now: &str) -> String {
    reset_token_on(user, secret, now, ("UTC", true))
}

/// [`reset_token`] for a site with this `TIME_ZONE` and `USE_TZ`.
pub fn reset_token_on(user: &TokenUser, secret: &str, now: &str, clock: (&str, bool)) -> String {
    authctl::tokens::make_token(
        &library_user(user),
        &secret_keys(secret, &[]),
        utc(now),
        &site_time(clock.0, clock.1),
    )
}

/// authctl's check of a reset token at `now` (UTC) with these keys and timeout in seconds.
pub fn reset_token_is_valid(
    user: &TokenUser,
    token: &str,
    secret: &str,
    fallbacks: &[&str],
    now: &str,
    timeout: u64,
) -> bool {
    authctl::tokens::check_token(
        &library_user(user),
        token,
        &secret_keys(secret, fallbacks),
        utc(now),
        timeout,
        &site_time("UTC", true),
    )
}

/// A time as Django writes it in SQLite (and `sb.sql` shows it on both backends).
pub fn datetime_text(t: chrono::DateTime<chrono::Utc>) -> String {
    authctl::store::format_datetime(t)
}

/// The `uidb64` of a reset link for this user id.
pub fn uidb64(id: i64) -> String {
    authctl::tokens::uidb64(id)
}
