//! Real Django projects on disk, made by `tests/django/projects.py` (settings.py, urls.py, an
//! `accounts` app with a custom user model, migrations from Django's own makemigrations, a
//! migrated database), and the site's own view of them through `tests/django/site.py`: for
//! tests that run authctl against a project as a developer has it.

use crate::support::{self, Backend, Run, run_command};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The SECRET_KEY written into every project's settings.py.
pub const SECRET_KEY: &str = "django-insecure-authctl-test-project-0123456789";

/// The project package, as in `django-admin startproject mysite`.
pub const PACKAGE: &str = "mysite";

/// The four shapes of user model the projects come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The tutorial's project: Django's own `auth.User`, argon2 first in PASSWORD_HASHERS.
    Tutorial,
    /// `class CustomUser(AbstractUser): pass` in table `accounts_customuser`.
    CustomUser,
    /// AbstractUser plus `age` (nullable) and `department` (NOT NULL, no default), which is
    /// in REQUIRED_FIELDS.
    ExtraColumns,
    /// AbstractBaseUser + PermissionsMixin: login by `email`, `full_name` required, no
    /// username or first/last name; MinimumLengthValidator at 12.
    EmailLogin,
}

impl Kind {
    /// projects.py's name for the kind.
    fn letter(self) -> &'static str {
        match self {
            Kind::Tutorial => "a",
            Kind::CustomUser => "b",
            Kind::ExtraColumns => "c",
            Kind::EmailLogin => "d",
        }
    }

    /// The user model's table.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Tutorial => "auth_user",
            _ => "accounts_customuser",
        }
    }

    /// The user model's USERNAME_FIELD.
    pub fn username_field(self) -> &'static str {
        match self {
            Kind::EmailLogin => "email",
            _ => "username",
        }
    }

    /// The user model's REQUIRED_FIELDS.
    pub fn required_fields(self) -> &'static [&'static str] {
        match self {
            Kind::Tutorial | Kind::CustomUser => &["email"],
            Kind::ExtraColumns => &["email", "department"],
            Kind::EmailLogin => &["full_name"],
        }
    }

    /// What a user called `name` logs in with: the name, or `name@example.com` for a model
    /// that logs in by email.
    pub fn login(self, name: &str) -> String {
        match self {
            Kind::EmailLogin => format!("{name}@example.com"),
            _ => name.to_string(),
        }
    }

    /// Values for the REQUIRED_FIELDS of a user called `name` (the login field excluded), as
    /// `createsuperuser --noinput` needs them.
    pub fn required_values(self, name: &str) -> Value {
        let email = format!("{name}@example.com");
        match self {
            Kind::Tutorial | Kind::CustomUser => json!({"email": email}),
            Kind::ExtraColumns => json!({"email": email, "department": "Engineering"}),
            Kind::EmailLogin => json!({"full_name": format!("{name} Example")}),
        }
    }

    /// The algorithms of the project's PASSWORD_HASHERS, in order.
    pub fn hasher_order(self) -> [&'static str; 7] {
        match self {
            Kind::Tutorial => [
                "argon2",
                "pbkdf2_sha256",
                "pbkdf2_sha1",
                "bcrypt_sha256",
                "bcrypt",
                "scrypt",
                "md5",
            ],
            _ => [
                "pbkdf2_sha256",
                "pbkdf2_sha1",
                "argon2",
                "bcrypt_sha256",
                "bcrypt",
                "scrypt",
                "md5",
            ],
        }
    }
}

/// A Django project in a temporary directory, removed with it (its PostgreSQL database, if
/// any, goes with the test server).
pub struct DjangoProject {
    /// The project directory: `manage.py`, `mysite/`, `accounts/` (and `db.sqlite3`).
    pub dir: tempfile::TempDir,
    pub package: String,
    /// The SQLite file or the PostgreSQL URL the project's DATABASES names.
    pub database: String,
    pub kind: Kind,
    pub backend: Backend,
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/django")
        .join(name)
}

impl DjangoProject {
    /// A new migrated project of this kind, its database a SQLite file inside the project
    /// directory or a fresh database on the suite's PostgreSQL server.
    pub fn create(kind: Kind, backend: Backend) -> DjangoProject {
        DjangoProject::create_on(kind, backend, None)
    }

    /// A new project whose DATABASES names `database` (a SQLite file or a PostgreSQL URL)
    /// when given, which its `migrate` then takes over.
    pub fn create_on(kind: Kind, backend: Backend, database: Option<String>) -> DjangoProject {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = match (database, backend) {
            (Some(database), _) => database,
            (None, Backend::Sqlite) => dir.path().join("db.sqlite3").display().to_string(),
            (None, Backend::Postgres) => {
                let server = crate::pg::server();
                server.url(&server.new_database())
            }
        };
        let request = json!({
            "dir": dir.path(),
            "kind": kind.letter(),
            "database": database,
            "secret_key": SECRET_KEY,
            "package": PACKAGE,
            "costs": support::cheap_costs_for_django(),
        });
        let mut cmd = Command::new(support::django_python());
        cmd.arg(script("projects.py")).arg("create");
        let run = run_command(cmd, &request.to_string());
        assert_eq!(
            run.code(),
            0,
            "projects.py could not make a {kind:?} project: {run:?}"
        );
        DjangoProject {
            dir,
            package: PACKAGE.to_string(),
            database,
            kind,
            backend,
        }
    }

    /// The project directory (where `manage.py` is).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `mysite.settings`.
    pub fn settings_module(&self) -> String {
        format!("{}.settings", self.package)
    }

    /// The suite venv's Python, which has the project's Django.
    pub fn python(&self) -> &Path {
        support::django_python()
    }

    /// A command run in the project directory with DJANGO_SETTINGS_MODULE set, as a shell in
    /// a deployed project would have it, and otherwise only PATH: no stray `DJANGO_*` or
    /// `PG*` variable of the test run's reaches Django.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(self.root())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("DJANGO_SETTINGS_MODULE", self.settings_module());
        cmd
    }

    /// One action of tests/django/site.py, which must succeed; its JSON answer.
    #[track_caller]
    pub fn site(&self, action: &str, request: Value) -> Value {
        let mut cmd = self.command(self.python());
        cmd.arg(script("site.py")).arg(action);
        let run = run_command(cmd, &request.to_string());
        assert_eq!(
            run.code(),
            0,
            "site.py {action} failed in a {:?} project: {run:?}",
            self.kind
        );
        serde_json::from_str(&run.stdout())
            .unwrap_or_else(|e| panic!("site.py {action} printed no JSON ({e}): {run:?}"))
    }

    /// Runs SQL statements on the project's database, as another program would.
    pub fn exec(&self, statements: &str) {
        match self.backend {
            Backend::Sqlite => support::exec(Path::new(&self.database), statements),
            Backend::Postgres => {
                let path = self.database.split('?').next().unwrap_or_default();
                let name = path.rsplit('/').next().unwrap_or_default();
                crate::pg::server()
                    .admin(name)
                    .batch_execute(statements)
                    .expect("execute SQL on the project's database")
            }
        }
    }

    /// `python manage.py ARGS` in the project.
    pub fn manage(&self, args: &[&str]) -> Run {
        let mut cmd = self.command(self.python());
        cmd.arg("manage.py").args(args);
        run_command(cmd, "")
    }

    /// What `src/settings/from_django.py` says about this project, run by the venv's Python
    /// with only `env` added to a minimal environment.
    #[track_caller]
    pub fn describe(&self, env: &[(&str, &str)]) -> Value {
        let run = from_django(self.python(), self.root(), &self.settings_module(), env);
        run.expect(0);
        run.json()
    }
}

/// The settings introspection script authctl embeds.
pub const FROM_DJANGO: &str = include_str!("../../src/settings/from_django.py");

/// Runs [`FROM_DJANGO`] as authctl does (`PYTHON -c SCRIPT`) in `dir` with
/// DJANGO_SETTINGS_MODULE=`module`, PATH and `env` the only other variables.
pub fn from_django(python: &Path, dir: &Path, module: &str, env: &[(&str, &str)]) -> Run {
    from_django_with(Command::new(python), dir, module, env)
}

/// [`from_django`] with the interpreter given as a command (a program and its leading
/// arguments, such as `python3 -I`).
pub fn from_django_with(
    mut python: Command,
    dir: &Path,
    module: &str,
    env: &[(&str, &str)],
) -> Run {
    python
        .arg("-c")
        .arg(FROM_DJANGO)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DJANGO_SETTINGS_MODULE", module)
        .envs(env.iter().copied());
    run_command(python, "")
}
