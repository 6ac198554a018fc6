//! Test helpers: a throwaway home with cheap hash costs, a runner for the real binary, and a
//! real Django in a venv cached under target/.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");

/// A scratch home: its own database, config and state directories, and cheap hash parameters
/// given the way a user would give them (environment variables), so tests stay fast without any
/// test-only code path in the program.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    vars: Vec<(String, String)>,
}

pub const CHEAP: &[(&str, &str)] = &[
    ("AUTHCTL_ARGON2_MEMORY_COST", "64"),
    ("AUTHCTL_ARGON2_TIME_COST", "1"),
    ("AUTHCTL_ARGON2_PARALLELISM", "1"),
    ("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "100"),
    ("AUTHCTL_PBKDF2_SHA1_ITERATIONS", "100"),
    ("AUTHCTL_BCRYPT_ROUNDS", "4"),
    ("AUTHCTL_SCRYPT_WORK_FACTOR", "16"),
];

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("db.sqlite3");
        let vars = CHEAP
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Sandbox { dir, db, vars }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// Drops a variable, for example one of the cheap costs to measure production defaults.
    pub fn unset(&mut self, key: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self
    }

    /// The binary with a clean environment: only this sandbox's settings reach it.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("home/config"))
            .env("XDG_DATA_HOME", self.dir.path().join("home/data"))
            .env("XDG_STATE_HOME", self.dir.path().join("home/state"))
            .env("RUST_BACKTRACE", "0")
            .env("AUTHCTL_DATABASE", &self.db)
            .args(args);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        run_command(self.command(args), stdin)
    }

    /// A SQL query on the sandbox database, one row per line, columns joined by `|`.
    pub fn sql(&self, query: &str) -> Vec<String> {
        sql(&self.db, query)
    }

    pub fn exec(&self, statements: &str) {
        exec(&self.db, statements)
    }

    /// Signs up a regular user through the program itself (an empty email is left out).
    pub fn signup(&self, username: &str, email: &str, password: &str) {
        let mut args = vec!["signup", "--username", username, "--password-stdin"];
        if !email.is_empty() {
            args.extend(["--email", email]);
        }
        self.run(&args, &format!("{password}\n")).expect(0);
    }

    /// Adds the users who must never get in, for "every failure looks the same" tests:
    /// `sleepy` (inactive, knows `password`) and `nopass` (unusable password). Both have
    /// addresses `<name>@example.com`.
    pub fn add_locked_out_users(&self, password: &str) {
        self.run(
            &[
                "signup",
                "--username",
                "sleepy",
                "--email",
                "sleepy@example.com",
                "--password-stdin",
            ],
            &format!("{password}\n"),
        )
        .expect(0);
        self.exec("UPDATE auth_user SET is_active = 0 WHERE username = 'sleepy'");
        let args = [
            "createsuperuser",
            "--no-input",
            "--username",
            "nopass",
            "--email",
            "nopass@example.com",
        ];
        self.run(&args, "").expect(0);
    }
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

pub fn run_command(mut cmd: Command, stdin: &str) -> Run {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn authctl");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.as_bytes()).ok();
    drop(pipe);
    Run(child.wait_with_output().expect("wait for authctl"))
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
    pub fn json(&self) -> Value {
        serde_json::from_str(self.stdout().trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }
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
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout().contains(text),
            "stdout lacks {text:?}: {self:?}"
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

/// What the test venv holds: the reference implementation and the test SMTP server.
const PYTHON_PACKAGES: &[&str] = &[
    "django~=5.2.0",
    "argon2-cffi",
    "bcrypt",
    "aiosmtpd",
    "trustme",
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
pub fn django(action: &str, request: Value) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/django/djhelper.py");
    let mut cmd = Command::new(django_python());
    cmd.arg(script).arg(action);
    let run = run_command(cmd, &request.to_string());
    assert_eq!(run.code(), 0, "Django helper {action} failed: {run:?}");
    serde_json::from_str(&run.stdout()).expect("Django helper printed JSON")
}
