//! The Django projects other tests stand on (`djproject.rs`): each kind is a working site whose
//! own createsuperuser, authenticate(), admin login and reset pages work; and
//! `src/settings/from_django.py`, the script authctl runs in a project, describes each kind
//! truly, never prints a password, and answers every expected failure as JSON.

use crate::djproject::{DjangoProject, Kind, SECRET_KEY, from_django, from_django_with};
use crate::on_both;
use crate::support::{Backend, PW, cheap, django_python, run_command};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

// --- the projects -------------------------------------------------------------------------------

/// The project passes Django's checks with its migrations up to date, and a superuser made by
/// Django's `createsuperuser --noinput` logs in with its password (and not with another).
fn project_works_and_its_superuser_logs_in(kind: Kind, backend: Backend) {
    let project = DjangoProject::create(kind, backend);
    assert_eq!(
        project.site("check", json!({})),
        json!({"ok": true}),
        "{kind:?}"
    );
    let login = kind.login("boss");
    project.site(
        "create_superuser",
        json!({"login": login, "password": PW, "fields": kind.required_values("boss")}),
    );
    let row = project.site("row", json!({"login": login}));
    assert_eq!(row["is_superuser"], true, "{row:#}");
    assert_eq!(row[kind.username_field()], login.as_str(), "{row:#}");
    let preferred = kind.hasher_order()[0];
    assert!(
        row["password"]
            .as_str()
            .is_some_and(|p| p.starts_with(&format!("{preferred}$"))),
        "the first of PASSWORD_HASHERS ({preferred}) did not hash it: {row:#}"
    );

    let good = project.site("authenticate", json!({"login": login, "password": PW}));
    assert_eq!(good["authenticated"], true, "{good:#}");
    let bad = project.site(
        "authenticate",
        json!({"login": login, "password": format!("{PW}!")}),
    );
    assert_eq!(bad["authenticated"], false, "{bad:#}");
    assert_eq!(
        bad["password"], row["password"],
        "a refusal changed the hash"
    );
}

fn tutorial_project_passes_checks_and_its_superuser_logs_in(backend: Backend) {
    project_works_and_its_superuser_logs_in(Kind::Tutorial, backend);
}

fn custom_user_project_passes_checks_and_its_superuser_logs_in(backend: Backend) {
    project_works_and_its_superuser_logs_in(Kind::CustomUser, backend);
}

fn extra_columns_project_passes_checks_and_its_superuser_logs_in(backend: Backend) {
    project_works_and_its_superuser_logs_in(Kind::ExtraColumns, backend);
}

fn email_login_project_passes_checks_and_its_superuser_logs_in(backend: Backend) {
    project_works_and_its_superuser_logs_in(Kind::EmailLogin, backend);
}

/// site.py's page-driving actions on the model furthest from Django's own: the admin login
/// makes a live session, a reset through the real pages applies the validators, spends the
/// token, ends that session and changes the password.
fn email_login_project_admin_and_reset_pages_work(backend: Backend) {
    let project = DjangoProject::create(Kind::EmailLogin, backend);
    let login = Kind::EmailLogin.login("boss");
    project.site(
        "create_superuser",
        json!({"login": login, "password": PW, "fields": Kind::EmailLogin.required_values("boss")}),
    );
    let admin = project.site("admin_login", json!({"login": login, "password": PW}));
    assert_eq!(admin["ok"], true, "{admin:#}");
    let session_key = admin["session_key"].as_str().expect("a session cookie");
    let alive = json!({"session_key": session_key});
    assert_eq!(project.site("session_alive", alive.clone())["alive"], true);
    let refused = project.site(
        "admin_login",
        json!({"login": login, "password": "not the password"}),
    );
    assert_eq!(refused["ok"], false, "{refused:#}");

    let token = project.site("make_token", json!({"login": login}));
    assert_eq!(project.site("check_token", token.clone())["valid"], true);
    let mut short = token.clone();
    short["new_password"] = json!("eleven char");
    let answer = project.site("reset_confirm", short);
    assert_eq!(
        answer,
        json!({"ok": false, "errors": ["This password is too short. It must contain at least 12 characters."]}),
        "the project's MinimumLengthValidator(min_length=12) did not apply"
    );
    let mut good = token.clone();
    good["new_password"] = json!("a new and long enough password");
    let answer = project.site("reset_confirm", good);
    assert_eq!(answer, json!({"ok": true, "errors": []}));

    assert_eq!(project.site("check_token", token)["valid"], false);
    assert_eq!(
        project.site("session_alive", alive)["alive"],
        false,
        "the session outlived the password change"
    );
    let new = json!({"login": login, "password": "a new and long enough password"});
    assert_eq!(project.site("authenticate", new)["authenticated"], true);
}

#[test]
fn manage_py_finds_no_model_changes_to_migrate_in_a_fresh_project() {
    let project = DjangoProject::create(Kind::ExtraColumns, Backend::Sqlite);
    project
        .manage(&["makemigrations", "--check", "--dry-run"])
        .expect(0)
        .stdout_has("No changes detected");
}

on_both!(
    tutorial_project_passes_checks_and_its_superuser_logs_in,
    custom_user_project_passes_checks_and_its_superuser_logs_in,
    extra_columns_project_passes_checks_and_its_superuser_logs_in,
    email_login_project_passes_checks_and_its_superuser_logs_in,
    email_login_project_admin_and_reset_pages_work,
);

// --- from_django.py on the projects -------------------------------------------------------------

/// The concrete fields of each kind's user table, in model order.
fn field_names(kind: Kind) -> Vec<&'static str> {
    let django_user = [
        "id",
        "password",
        "last_login",
        "is_superuser",
        "username",
        "first_name",
        "last_name",
        "email",
        "is_staff",
        "is_active",
        "date_joined",
    ];
    match kind {
        Kind::Tutorial | Kind::CustomUser => django_user.to_vec(),
        Kind::ExtraColumns => [&django_user[..], &["age", "department"]].concat(),
        Kind::EmailLogin => vec![
            "id",
            "password",
            "last_login",
            "is_superuser",
            "email",
            "full_name",
            "is_staff",
            "is_active",
            "date_joined",
        ],
    }
}

fn field<'a>(described: &'a Value, name: &str) -> &'a Value {
    described["user_model"]["fields"]
        .as_array()
        .and_then(|fields| fields.iter().find(|f| f["name"] == name))
        .unwrap_or_else(|| panic!("no field {name}: {described:#}"))
}

fn number(var: &str) -> u64 {
    cheap(var).parse().expect("a number")
}

/// Everything from_django.py reports that the project's files decide.
fn from_django_describes(kind: Kind, backend: Backend) {
    let project = DjangoProject::create(kind, backend);
    let got = project.describe(&[]);
    assert!(got.get("error").is_none(), "{got:#}");
    assert!(
        got["django_version"]
            .as_str()
            .is_some_and(|v| v.starts_with("5.2")),
        "{got:#}"
    );
    assert_eq!(got["settings_module"], "mysite.settings");
    assert_eq!(got["secret_key"], SECRET_KEY);
    assert_eq!(got["secret_key_fallbacks"], json!([]));

    let model = &got["user_model"];
    assert_eq!(model["table"], kind.table(), "{model:#}");
    assert_eq!(model["username_field"], kind.username_field(), "{model:#}");
    assert_eq!(model["email_field"], "email", "{model:#}");
    assert_eq!(model["required_fields"], json!(kind.required_fields()));
    let names: Vec<&str> = model["fields"]
        .as_array()
        .expect("a list of fields")
        .iter()
        .map(|f| f["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, field_names(kind));
    let id = if kind == Kind::Tutorial {
        "AutoField"
    } else {
        "BigAutoField"
    };
    assert_eq!(field(&got, "id")["type"], id);
    assert_eq!(
        field(&got, "date_joined")["default_is_callable"],
        true,
        "timezone.now"
    );
    assert_eq!(field(&got, "is_active")["default"], true);
    if kind == Kind::ExtraColumns {
        let department = field(&got, "department");
        assert_eq!(
            (
                &department["null"],
                &department["has_default"],
                &department["max_length"]
            ),
            (&json!(false), &json!(false), &json!(40)),
            "{department:#}"
        );
        assert_eq!(field(&got, "age")["null"], true);
        assert_eq!(field(&got, "age")["type"], "PositiveIntegerField");
    }

    let algorithms: Vec<&str> = got["hashers"]
        .as_array()
        .expect("a list of hashers")
        .iter()
        .map(|h| h["algorithm"].as_str().unwrap_or("(not loaded)"))
        .collect();
    assert_eq!(algorithms, kind.hasher_order(), "{:#}", got["hashers"]);
    let argon2 = got["hashers"]
        .as_array()
        .and_then(|all| all.iter().find(|h| h["algorithm"] == "argon2"))
        .expect("argon2");
    assert_eq!(
        argon2["params"],
        json!({
            "time_cost": number("AUTHCTL_ARGON2_TIME_COST"),
            "memory_cost": number("AUTHCTL_ARGON2_MEMORY_COST"),
            "parallelism": number("AUTHCTL_ARGON2_PARALLELISM"),
        })
    );

    let validators = got["validators"].as_array().expect("a list of validators");
    assert_eq!(validators.len(), 4, "{validators:#?}");
    let min_length = &validators[1];
    assert_eq!(
        min_length["path"],
        "django.contrib.auth.password_validation.MinimumLengthValidator"
    );
    let options = if kind == Kind::EmailLogin {
        json!({"min_length": 12})
    } else {
        json!({})
    };
    assert_eq!(min_length["options"], options);

    let database = &got["database"];
    match project.backend {
        Backend::Sqlite => {
            // settings.py says `BASE_DIR / "db.sqlite3"` with BASE_DIR resolved.
            let file = project.root().canonicalize().unwrap().join("db.sqlite3");
            assert_eq!(
                database,
                &json!({"engine": "sqlite", "name": file.to_str(), "host": null, "port": null,
                        "user": null, "has_password": false, "options": {}})
            );
        }
        Backend::Postgres => {
            let server = crate::pg::server();
            let name = project
                .database
                .split('?')
                .next()
                .and_then(|url| url.rsplit('/').next())
                .expect("a database name");
            assert_eq!(
                database,
                &json!({"engine": "postgresql", "name": name, "host": "127.0.0.1",
                        "port": server.port, "user": "postgres", "has_password": false,
                        "options": {"sslmode": "disable"}})
            );
        }
    }

    assert_eq!(got["reset_path"], "/accounts/reset/{uidb64}/{token}/");
    assert_eq!(got["time_zone"], "UTC");
    assert_eq!(got["use_tz"], true);
    assert_eq!(got["password_reset_timeout"], 259200);
    assert_eq!(got["session_cookie_age"], 1209600);
    assert_eq!(got["default_from_email"], "webmaster@localhost");
    assert_eq!(
        got["email"]["backend"],
        "django.core.mail.backends.console.EmailBackend"
    );
    assert_eq!(
        got["allowed_hosts"],
        json!(["localhost", "127.0.0.1", "testserver"])
    );
}

fn from_django_describes_the_tutorial_project(backend: Backend) {
    from_django_describes(Kind::Tutorial, backend);
}

fn from_django_describes_the_custom_user_project(backend: Backend) {
    from_django_describes(Kind::CustomUser, backend);
}

fn from_django_describes_the_extra_columns_project(backend: Backend) {
    from_django_describes(Kind::ExtraColumns, backend);
}

fn from_django_describes_the_email_login_project(backend: Backend) {
    from_django_describes(Kind::EmailLogin, backend);
}

on_both!(
    from_django_describes_the_tutorial_project,
    from_django_describes_the_custom_user_project,
    from_django_describes_the_extra_columns_project,
    from_django_describes_the_email_login_project,
);

#[test]
fn from_django_never_prints_the_database_or_mail_password() {
    let project = DjangoProject::create(Kind::EmailLogin, Backend::Postgres);
    // The usual production module: the development settings plus a mail relay's password.
    std::fs::write(
        project.root().join("mysite/production.py"),
        "from .settings import *  # noqa: F403\n\n\
         EMAIL_BACKEND = \"django.core.mail.backends.smtp.EmailBackend\"\n\
         EMAIL_HOST = \"smtp.example.com\"\n\
         EMAIL_HOST_USER = \"mailer\"\n\
         EMAIL_HOST_PASSWORD = \"mail-secret-pw\"\n",
    )
    .unwrap();
    let run = from_django(
        project.python(),
        project.root(),
        "mysite.production",
        &[("PGPASSWORD", "secret-pw")],
    );
    run.expect(0)
        .stdout_lacks("secret-pw")
        .stdout_lacks("mail-secret");
    let got = run.json();
    assert_eq!(got["database"]["has_password"], true, "{got:#}");
    assert_eq!(got["email"]["has_host_password"], true, "{got:#}");
    assert_eq!(got["email"]["host_user"], "mailer", "{got:#}");
}

// --- from_django.py's failures ------------------------------------------------------------------

/// A directory holding these files (relative path, contents), for settings modules made to
/// fail or to show one thing.
fn files(list: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in list {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The answer of a failed run: exit 0, one JSON object with `error` and `message`, and no
/// traceback anywhere.
#[track_caller]
fn failure(run: crate::support::Run) -> (String, String) {
    run.expect(0);
    assert!(
        !run.stderr().contains("Traceback") && !run.stdout().contains("Traceback"),
        "a traceback: {run:?}"
    );
    let got = run.json();
    let text = |key: &str| {
        got[key]
            .as_str()
            .unwrap_or_else(|| panic!("no {key}: {run:?}"))
            .to_string()
    };
    let answer = (text("error"), text("message"));
    assert_eq!(
        got.as_object().map(|o| o.len()),
        Some(2),
        "more than error and message: {run:?}"
    );
    answer
}

/// A Python 3 without Django: the system's in isolated mode if it has none, else a bare venv.
fn python_without_django() -> (Command, Option<tempfile::TempDir>) {
    let isolated = || {
        let mut cmd = Command::new("python3");
        cmd.arg("-I");
        cmd
    };
    let mut probe = isolated();
    probe.args(["-c", "import django"]);
    if run_command(probe, "").code() != 0 {
        return (isolated(), None);
    }
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let venv = dir.path().join("venv");
    let made = Command::new("python3")
        .args(["-m", "venv", "--without-pip"])
        .arg(&venv)
        .status()
        .expect("run python3 -m venv");
    assert!(made.success(), "python3 -m venv failed");
    (Command::new(venv.join("bin/python")), Some(dir))
}

#[test]
fn from_django_answers_no_django_as_json() {
    let (python, _venv) = python_without_django();
    let dir = files(&[]);
    let (kind, message) = failure(from_django_with(python, dir.path(), "mysite.settings", &[]));
    assert_eq!(kind, "no-django", "{message}");
    assert!(message.contains("django"), "{message}");
}

#[test]
fn from_django_answers_no_settings_for_a_module_that_is_not_there() {
    // As when authctl is run from the wrong directory.
    let dir = files(&[]);
    let (kind, message) = failure(from_django(
        django_python(),
        dir.path(),
        "mysite.settings",
        &[],
    ));
    assert_eq!(kind, "no-settings", "{message}");
    assert!(message.contains("'mysite.settings'"), "{message}");
    assert!(message.contains("No module named 'mysite'"), "{message}");
}

#[test]
fn from_django_answers_setup_failed_for_settings_that_raise() {
    let dir = files(&[
        ("site_a/__init__.py", ""),
        (
            "site_a/settings.py",
            "import os\n\nSECRET_KEY = \"x\"\nDATABASE_URL = os.environ[\"DATABASE_URL\"]\n",
        ),
    ]);
    let (kind, message) = failure(from_django(
        django_python(),
        dir.path(),
        "site_a.settings",
        &[],
    ));
    assert_eq!(kind, "setup-failed", "{message}");
    assert!(message.contains("KeyError"), "{message}");
    assert!(message.contains("DATABASE_URL"), "{message}");
}

#[test]
fn from_django_answers_setup_failed_for_an_installed_app_that_is_missing() {
    // The settings module imports; django.setup() then fails to import an app.
    let dir = files(&[
        ("site_b/__init__.py", ""),
        (
            "site_b/settings.py",
            "SECRET_KEY = \"x\"\nINSTALLED_APPS = [\"django.contrib.auth\", \
             \"django.contrib.contenttypes\", \"debug_toolbar\"]\n",
        ),
    ]);
    let (kind, message) = failure(from_django(
        django_python(),
        dir.path(),
        "site_b.settings",
        &[],
    ));
    assert_eq!(kind, "setup-failed", "{message}");
    assert!(message.contains("debug_toolbar"), "{message}");
}

// --- from_django.py on hand-made settings ---------------------------------------------------------

/// The smallest settings module Django sets up with, plus `extra`.
fn minimal_settings(extra: &str) -> tempfile::TempDir {
    files(&[
        ("mini/__init__.py", ""),
        (
            "mini/settings.py",
            &format!(
                "SECRET_KEY = \"mini-key\"\n\
                 INSTALLED_APPS = [\"django.contrib.auth\", \"django.contrib.contenttypes\"]\n\
                 DATABASES = {{\"default\": {{\"ENGINE\": \"django.db.backends.sqlite3\", \
                 \"NAME\": \"data/db.sqlite3\"}}}}\n{extra}"
            ),
        ),
        (
            "mini/hashers.py",
            "from django.contrib.auth.hashers import Argon2PasswordHasher\n\n\n\
             class NoLibraryArgon2(Argon2PasswordHasher):\n    library = \"no_such_argon2\"\n",
        ),
        // A site without Django's auth URLs.
        ("mini/urls.py", "urlpatterns = []\n"),
    ])
}

fn describe_minimal(dir: &Path) -> Value {
    let run = from_django(django_python(), dir, "mini.settings", &[]);
    run.expect(0);
    let got = run.json();
    assert!(got.get("error").is_none(), "{got:#}");
    got
}

#[test]
fn from_django_keeps_stdout_to_the_json_when_settings_print() {
    let dir = minimal_settings("print(\"Using the mini settings\")\n");
    let run = from_django(django_python(), dir.path(), "mini.settings", &[]);
    run.expect(0).stderr_has("Using the mini settings");
    assert_eq!(run.json()["secret_key"], "mini-key");
}

#[test]
fn from_django_makes_a_relative_sqlite_name_absolute_from_the_project_directory() {
    let dir = minimal_settings("");
    let got = describe_minimal(dir.path());
    let expected = dir.path().join("data/db.sqlite3");
    assert_eq!(got["database"]["name"], expected.to_str().unwrap());
}

#[test]
fn from_django_reports_a_hasher_it_cannot_load_and_goes_on() {
    let dir = minimal_settings(
        "PASSWORD_HASHERS = [\"mini.hashers.NoLibraryArgon2\", \"mini.nowhere.Hasher\", \
         \"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\n",
    );
    let got = describe_minimal(dir.path());
    let hashers = got["hashers"].as_array().expect("a list of hashers");
    let algorithms: Vec<&Value> = hashers.iter().map(|h| &h["algorithm"]).collect();
    assert_eq!(
        algorithms,
        [&json!(null), &json!(null), &json!("pbkdf2_sha256")]
    );
    let error = |i: usize| hashers[i]["error"].as_str().unwrap_or_default();
    assert!(error(0).contains("no_such_argon2"), "{hashers:#?}");
    assert!(error(1).contains("mini.nowhere"), "{hashers:#?}");
    assert!(hashers[2].get("error").is_none(), "{hashers:#?}");
    assert_eq!(hashers[2]["params"], json!({"iterations": 1_000_000}));
}

#[test]
fn from_django_gives_no_reset_path_when_the_site_has_no_reset_page() {
    let dir = minimal_settings("ROOT_URLCONF = \"mini.urls\"\n");
    let got = describe_minimal(dir.path());
    assert_eq!(got["reset_path"], Value::Null);
    assert_eq!(got["user_model"]["table"], "auth_user");
}
