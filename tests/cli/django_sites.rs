//! authctl on the Django projects people run (issue 12): each kind of project in `djproject.rs`,
//! configured once by `authctl config from-django`, then every command checked against the
//! site itself — Django's authenticate(), its admin login and sessions, its reset pages and
//! token checks, its own view of the rows — on SQLite and on PostgreSQL.

use crate::djproject::{DjangoProject, Kind};
use crate::on_both;
use crate::support::{self, Backend, Cmd, PW, Run, Sandbox};
use rexpect::process::wait::WaitStatus;
use rexpect::session::spawn_command;
use serde_json::{Value, json};
use std::path::PathBuf;

/// A project with authctl set up as its README says: `config from-django` writes the config,
/// and authctl runs with that and nothing else (no cost or database variables of the suite).
struct Site {
    project: DjangoProject,
    home: tempfile::TempDir,
    config: PathBuf,
}

impl Site {
    fn new(kind: Kind, backend: Backend) -> Site {
        Site::configured(DjangoProject::create(kind, backend))
    }

    fn configured(project: DjangoProject) -> Site {
        let home = tempfile::tempdir().expect("temp dir");
        let config = home.path().join("authctl.toml");
        let site = Site {
            project,
            home,
            config,
        };
        site.read_settings().expect(0);
        site
    }

    /// `authctl config from-django` for this project, writing the config.
    fn read_settings(&self) -> Run {
        support::authctl(["config", "from-django", "--project"])
            .arg(self.project.root())
            .arg("--python")
            .arg(self.project.python())
            .arg("--write")
            .arg(&self.config)
            .run()
    }

    /// authctl with the written config, a home of its own and PATH.
    fn cmd(&self, args: &[&str]) -> Cmd {
        let home = self.home.path();
        support::authctl(args)
            .env("AUTHCTL_CONFIG", &self.config)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("RUST_BACKTRACE", "0")
    }

    fn kind(&self) -> Kind {
        self.project.kind
    }

    /// What a user called `name` logs in with.
    fn login(&self, name: &str) -> String {
        self.kind().login(name)
    }

    /// The flags that give a new user of this kind its required values: an email where the
    /// model has one beside the login, and `--field` for the other columns.
    fn identity_flags(&self, name: &str) -> Vec<String> {
        let mut flags = vec!["--username".to_string(), self.login(name)];
        for (field, value) in self.kind().required_values(name).as_object().unwrap() {
            match field.as_str() {
                "email" => flags.extend(["--email".into(), value.as_str().unwrap().into()]),
                _ => flags.extend([
                    "--field".into(),
                    format!("{field}={}", value.as_str().unwrap()),
                ]),
            }
        }
        flags
    }

    fn signup(&self, name: &str, password: &str) -> Run {
        let mut args = vec!["signup", "--password-stdin"];
        let flags = self.identity_flags(name);
        args.extend(flags.iter().map(String::as_str));
        self.cmd(&args).stdin_line(password).run()
    }

    fn verify(&self, name: &str, password: &str) -> Run {
        self.cmd(&[
            "verify",
            "--username",
            &self.login(name),
            "--password-stdin",
        ])
        .stdin_line(password)
        .run()
    }

    fn row(&self, name: &str) -> Value {
        self.project.site("row", json!({"login": self.login(name)}))
    }

    fn hash(&self, name: &str) -> String {
        self.row(name)["password"].as_str().unwrap().to_string()
    }

    fn django_authenticates(&self, name: &str, password: &str) -> bool {
        let answer = self.project.site(
            "authenticate",
            json!({"login": self.login(name), "password": password}),
        );
        answer["authenticated"] == true
    }

    /// Logs in to the admin; the session key.
    fn admin_login(&self, name: &str, password: &str) -> String {
        let answer = self.project.site(
            "admin_login",
            json!({"login": self.login(name), "password": password}),
        );
        assert_eq!(answer["ok"], true, "the admin refused {name}: {answer:#}");
        answer["session_key"].as_str().unwrap().to_string()
    }
}

/// The `UIDB64 TOKEN` in a reset email the console backend printed.
fn emailed_token(run: &Run) -> (String, String) {
    let out = run.stdout();
    let line = out
        .lines()
        .find(|l| l.contains("reset-confirm "))
        .unwrap_or_else(|| panic!("no reset command in the email: {run:?}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "reset-confirm").unwrap();
    (words[at + 1].to_string(), words[at + 2].to_string())
}

/// Everything a user does, by authctl and by the site in turn, on one kind of project.
fn every_command_agrees_with_the_site(kind: Kind, backend: Backend) {
    let site = Site::new(kind, backend);
    let meta = std::fs::metadata(&site.config).unwrap();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777,
        0o600
    );

    // createsuperuser from a script, with Django's variables for REQUIRED_FIELDS.
    let mut superuser = site
        .cmd(&["createsuperuser", "--no-input", "--password-stdin"])
        .env(
            &format!("DJANGO_SUPERUSER_{}", kind.username_field().to_uppercase()),
            site.login("boss"),
        )
        .stdin_line(PW);
    for (field, value) in kind.required_values("boss").as_object().unwrap() {
        let variable = format!("DJANGO_SUPERUSER_{}", field.to_uppercase());
        superuser = superuser.env(&variable, value.as_str().unwrap());
    }
    superuser
        .run()
        .expect(0)
        .stdout_has("Superuser created successfully.");
    let boss = site.row("boss");
    assert_eq!(boss["is_superuser"], true, "{boss:#}");
    for (field, value) in kind.required_values("boss").as_object().unwrap() {
        assert_eq!(&boss[field], value, "{field} of {boss:#}");
    }
    // New hashes come from the first of the site's PASSWORD_HASHERS (argon2 for the tutorial).
    let first = kind.hasher_order()[0];
    assert!(
        site.hash("boss").starts_with(&format!("{first}$")),
        "{boss:#}"
    );
    assert!(site.django_authenticates("boss", PW));

    // Alternating logins: neither side re-encodes the other's hash, so both sessions live.
    let original = site.hash("boss");
    let authctl_session = site.home.path().join("boss.session");
    let session = authctl_session.to_str().unwrap();
    site.cmd(&["--session-file", session, "login", "--username"])
        .arg(site.login("boss"))
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0);
    let django_session = site.admin_login("boss", PW);
    for round in 0..10 {
        site.cmd(&[
            "login",
            "--username",
            &site.login("boss"),
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
        .expect(0);
        site.verify("boss", PW).expect(0);
        let django = site.project.site(
            "login_round",
            json!({"login": site.login("boss"), "password": PW, "session_key": django_session}),
        );
        assert_eq!(
            django,
            json!({"authenticated": true, "logged_in": true, "alive": true, "password": original}),
            "round {round}: the site's login changed the hash or lost its session"
        );
        site.cmd(&["--session-file", session, "whoami"])
            .run()
            .expect(0);
        assert_eq!(
            site.hash("boss"),
            original,
            "round {round}: authctl re-encoded the hash"
        );
    }

    // signup, then Django's own authenticate() and a wrong password refused by both.
    site.signup("alice", PW).expect(0);
    assert!(site.django_authenticates("alice", PW));
    site.verify("alice", PW).expect(0);
    site.verify("alice", "not the password").expect(1);
    assert!(!site.django_authenticates("alice", "not the password"));

    // passwd: the site accepts the new password.
    let new = "a fresh passphrase for alice";
    site.cmd(&[
        "login",
        "--username",
        &site.login("alice"),
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(0);
    site.cmd(&["passwd", "--password-stdin"])
        .stdin(format!("{PW}\n{new}\n"))
        .run()
        .expect(0);
    assert!(site.django_authenticates("alice", new));

    // Reset by authctl, completed on the site's own pages.
    let email = site.row("alice")["email"].as_str().unwrap().to_string();
    let requested = site.cmd(&["reset-request", "--email", &email]).run();
    requested
        .expect(0)
        .stdout_has(&format!("you are: {}", site.login("alice")));
    let (uidb64, token) = emailed_token(&requested);
    let after_reset = "reset on the site's own page";
    let answer = site.project.site(
        "reset_confirm",
        json!({"uidb64": uidb64, "token": token, "new_password": after_reset}),
    );
    assert_eq!(answer, json!({"ok": true, "errors": []}));
    site.verify("alice", after_reset).expect(0);

    // Reset by the site's token generator, completed by authctl.
    let made = site
        .project
        .site("make_token", json!({"login": site.login("alice")}));
    let by_authctl = "reset by authctl with the site's token";
    site.cmd(&[
        "reset-confirm",
        made["uidb64"].as_str().unwrap(),
        made["token"].as_str().unwrap(),
        "--password-stdin",
    ])
    .stdin_line(by_authctl)
    .run()
    .expect(0);
    assert!(site.django_authenticates("alice", by_authctl));

    // The users commands see and change the model's own columns.
    let listed = site.cmd(&["--json", "users", "list"]).run();
    listed.expect(0);
    let shown = site
        .cmd(&["--json", "users", "show", &site.login("alice")])
        .run();
    shown.expect(0);
    for (field, value) in kind.required_values("alice").as_object().unwrap() {
        assert_eq!(&shown.json()[field], value, "{field}: {shown:?}");
    }
    site.cmd(&["users", "set", &site.login("alice"), "--staff"])
        .run()
        .expect(0);
    assert_eq!(site.row("alice")["is_staff"], true);

    // Export, delete, import: the rows come back as they were, hashes included.
    let before = site.row("alice");
    let exported = site
        .cmd(&["users", "export", "--with-hashes", "--format", "jsonl"])
        .run();
    exported.expect(0);
    site.cmd(&["users", "delete", "-y", &site.login("alice")])
        .run()
        .expect(0);
    assert_eq!(site.row("alice"), Value::Null);
    let alice_line: String = exported
        .stdout()
        .lines()
        .filter(|l| l.contains(&site.login("alice")))
        .map(|l| format!("{l}\n"))
        .collect();
    site.cmd(&["users", "import", "-", "--format", "jsonl"])
        .stdin(alice_line)
        .run()
        .expect(0);
    let after = site.row("alice");
    for (field, value) in before.as_object().unwrap() {
        if !["id", "date_joined", "last_login"].contains(&field.as_str()) {
            assert_eq!(&after[field], value, "{field} after the round trip");
        }
    }
    assert!(site.django_authenticates("alice", by_authctl));

    // Django's admin takes authctl's staff users, and the project stays clean.
    site.admin_login("alice", by_authctl);
    assert_eq!(site.project.site("check", json!({})), json!({"ok": true}));
}

/// Generates `name::KIND::BACKEND` tests from `fn name(kind, backend)`.
macro_rules! on_every_site {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use crate::djproject::Kind;
                use crate::support::Backend;
                #[test]
                fn tutorial_sqlite() {
                    super::$name(Kind::Tutorial, Backend::Sqlite)
                }
                #[test]
                fn tutorial_postgres() {
                    super::$name(Kind::Tutorial, Backend::Postgres)
                }
                #[test]
                fn custom_user_sqlite() {
                    super::$name(Kind::CustomUser, Backend::Sqlite)
                }
                #[test]
                fn custom_user_postgres() {
                    super::$name(Kind::CustomUser, Backend::Postgres)
                }
                #[test]
                fn extra_columns_sqlite() {
                    super::$name(Kind::ExtraColumns, Backend::Sqlite)
                }
                #[test]
                fn extra_columns_postgres() {
                    super::$name(Kind::ExtraColumns, Backend::Postgres)
                }
                #[test]
                fn email_login_sqlite() {
                    super::$name(Kind::EmailLogin, Backend::Sqlite)
                }
                #[test]
                fn email_login_postgres() {
                    super::$name(Kind::EmailLogin, Backend::Postgres)
                }
            }
        )+
    };
}

on_every_site!(every_command_agrees_with_the_site);

// --- createsuperuser at a terminal ---------------------------------------------------------------

/// Django's prompts for each model: its login field's name, then REQUIRED_FIELDS, each checked
/// as the model's field checks it.
fn createsuperuser_prompts_as_django_words_them(kind: Kind) {
    let site = Site::new(kind, Backend::Sqlite);
    let cmd = site
        .cmd(&["createsuperuser"])
        .env("USER", "tester")
        .env("LOGNAME", "tester");
    let mut p = spawn_command(cmd.into_command(), Some(20_000)).expect("spawn on a pty");
    let password = "a long enough passphrase";
    match kind {
        Kind::Tutorial => {
            // Only Django's own model gets a default name.
            p.exp_string("Username (leave blank to use 'tester'): ")
                .unwrap();
            p.send_line("").unwrap();
            p.exp_string("Email address: ").unwrap();
            p.send_line("tester@example.com").unwrap();
        }
        Kind::CustomUser => {
            p.exp_string("Username: ").unwrap();
            p.send_line("tester").unwrap();
            p.exp_string("Email address: ").unwrap();
            p.send_line("tester@example.com").unwrap();
        }
        Kind::ExtraColumns => {
            p.exp_string("Username: ").unwrap();
            p.send_line("tester").unwrap();
            p.exp_string("Email address: ").unwrap();
            p.send_line("tester@example.com").unwrap();
            p.exp_string("Department: ").unwrap();
            p.send_line(&"x".repeat(41)).unwrap();
            p.exp_string("Error: Ensure this value has at most 40 characters (it has 41).")
                .unwrap();
            p.exp_string("Department: ").unwrap();
            p.send_line("Research").unwrap();
        }
        Kind::EmailLogin => {
            // The field's verbose name, as Django words its prompt.
            p.exp_string("Email address: ").unwrap();
            p.send_line("not an address").unwrap();
            p.exp_string("Error: Enter a valid email address.").unwrap();
            p.exp_string("Email address: ").unwrap();
            p.send_line("Tester@Example.COM").unwrap();
            p.exp_string("Full name: ").unwrap();
            // Blank is refused and asked again, as Django's field refuses it.
            p.send_line("").unwrap();
            p.exp_string("Error: This field cannot be blank.").unwrap();
            p.exp_string("Full name: ").unwrap();
            p.send_line("Tess Tester").unwrap();
            // The project's own MinimumLengthValidator(min_length=12).
            p.exp_string("Password: ").unwrap();
            p.send_line("short pw 1").unwrap();
            p.exp_string("Password (again): ").unwrap();
            p.send_line("short pw 1").unwrap();
            p.exp_string("It must contain at least 12 characters.")
                .unwrap();
            p.exp_string("Bypass password validation and create user anyway? [y/N]: ")
                .unwrap();
            p.send_line("n").unwrap();
        }
    }
    p.exp_string("Password: ").unwrap();
    p.send_line(password).unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line(password).unwrap();
    p.exp_string("Superuser created successfully.").unwrap();
    p.exp_eof().unwrap();
    assert!(matches!(
        p.process.wait().unwrap(),
        WaitStatus::Exited(_, 0)
    ));
    // Django's normalize_email lower-cases the domain only.
    let login = match kind {
        Kind::EmailLogin => "Tester@example.com",
        _ => "tester",
    };
    let answer = site.project.site(
        "authenticate",
        json!({"login": login, "password": password}),
    );
    assert_eq!(answer["authenticated"], true, "{answer:#}");
    let row = site.project.site("row", json!({"login": login}));
    match kind {
        Kind::ExtraColumns => assert_eq!(row["department"], "Research"),
        Kind::EmailLogin => assert_eq!(row["full_name"], "Tess Tester"),
        _ => assert_eq!(row["email"], "tester@example.com"),
    }
}

#[test]
fn createsuperuser_prompts_on_the_tutorial_site() {
    createsuperuser_prompts_as_django_words_them(Kind::Tutorial);
}

#[test]
fn createsuperuser_prompts_on_a_custom_user_site() {
    createsuperuser_prompts_as_django_words_them(Kind::CustomUser);
}

#[test]
fn createsuperuser_prompts_for_required_extra_columns() {
    createsuperuser_prompts_as_django_words_them(Kind::ExtraColumns);
}

#[test]
fn createsuperuser_prompts_for_an_email_login() {
    createsuperuser_prompts_as_django_words_them(Kind::EmailLogin);
}

// --- config from-django itself -------------------------------------------------------------------

#[test]
fn config_from_django_says_what_it_cannot_read() {
    let site = Site::new(Kind::CustomUser, Backend::Sqlite);
    let root = site.project.root().to_path_buf();
    let python = site.project.python().to_path_buf();
    let run = |args: &[&str]| {
        support::authctl(["config", "from-django"])
            .args(args)
            .current_dir(&root)
            .run()
    };
    let py = python.to_str().unwrap();
    // Printed to standard output when not written, with the settings module from manage.py.
    let printed = run(&["--python", py]);
    printed
        .expect(0)
        .stdout_has("table = \"accounts_customuser\"")
        .stdout_has("secret_key = ");
    support::authctl(["--database", "/tmp/x.db", "config", "from-django"])
        .run()
        .expect(2)
        .stderr_has("--database does not apply to config from-django");
    let json = run(&["--json", "--python", py]);
    json.expect(0);
    assert!(
        json.json()["config"]
            .as_str()
            .is_some_and(|c| c.contains("[user_model]")),
        "{json:?}"
    );
    run(&["--python", "/no/such/python"])
        .expect(4)
        .stderr_has("cannot run /no/such/python");
    run(&["--python", py, "--settings", "nosuch.settings"])
        .expect(4)
        .stderr_has("The settings module 'nosuch.settings' cannot be imported");
    let empty = tempfile::tempdir().unwrap();
    support::authctl(["config", "from-django", "--python", py, "--project"])
        .arg(empty.path())
        .run()
        .expect(4)
        .stderr_has("no manage.py in");
    // A Python without Django.
    let bare = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let made = std::process::Command::new("python3")
        .args(["-m", "venv", "--without-pip"])
        .arg(bare.path())
        .status()
        .unwrap();
    assert!(made.success());
    let bare_python = bare.path().join("bin/python");
    run(&["--python", bare_python.to_str().unwrap()])
        .expect(4)
        .stderr_has("Django cannot be imported");
    // A validator authctl does not have is named, and the rest still written.
    let settings = root.join("mysite/settings.py");
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str(
        "\nAUTH_PASSWORD_VALIDATORS = AUTH_PASSWORD_VALIDATORS + \
         [{\"NAME\": \"mysite.checks.NoEmojiValidator\"}]\n",
    );
    std::fs::write(&settings, text).unwrap();
    run(&["--python", py])
        .expect(0)
        .stderr_has(
            "warning: the password validator mysite.checks.NoEmojiValidator is not Django's",
        )
        .stdout_has("[validators]");
}

#[test]
fn config_from_django_never_writes_the_database_password() {
    let project = DjangoProject::create(Kind::Tutorial, Backend::Postgres);
    let run = support::authctl(["config", "from-django", "--python"])
        .arg(project.python())
        .arg("--project")
        .arg(project.root())
        .env("PGPASSWORD", "a-secret-db-password")
        .run();
    run.expect(0)
        .stdout_lacks("a-secret-db-password")
        .stdout_has("database = \"postgres://postgres@127.0.0.1:")
        .stdout_has("PGPASSWORD");
}

// --- the model found without a config ------------------------------------------------------------

/// A sandbox (with the suite's cheap costs) pointed at a project's database, no user_model
/// settings: the model is found in the database itself.
fn detected(kind: Kind, backend: Backend) -> (DjangoProject, Sandbox) {
    let project = DjangoProject::create(kind, backend);
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_DATABASE", &project.database);
    (project, sb)
}

fn without_settings_the_model_is_found_in_the_database(backend: Backend) {
    let (project, sb) = detected(Kind::EmailLogin, backend);
    // Logs in by email (the only unique login-like column), with the required column given.
    sb.cmd([
        "signup",
        "--email",
        "Found@Example.COM",
        "--field",
        "full_name=Found Person",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(0)
    .stdout_has("User Found@example.com created.");
    let answer = project.site(
        "authenticate",
        json!({"login": "Found@example.com", "password": PW}),
    );
    assert_eq!(answer["authenticated"], true, "{answer:#}");
    // A second table that looks like a user model makes it ambiguous.
    project.exec(
        "CREATE TABLE legacy_member (id integer PRIMARY KEY, password varchar(128) NOT NULL, \
         last_login timestamp NULL)",
    );
    sb.verify("Found@example.com", PW)
        .expect(4)
        .stderr_has("several tables that could hold the users (accounts_customuser, legacy_member)")
        .stderr_has("user_model.table");
    let mut sb = sb;
    sb.set("AUTHCTL_USER_MODEL_TABLE", "accounts_customuser");
    sb.verify("Found@example.com", PW).expect(0);
}

on_both!(without_settings_the_model_is_found_in_the_database);

fn values_are_checked_against_the_models_columns(backend: Backend) {
    let (project, mut sb) = detected(Kind::ExtraColumns, backend);
    let signup = |sb: &Sandbox, extra: &[&str]| {
        sb.cmd(["signup", "--username", "dana", "--password-stdin"])
            .args(extra)
            .stdin_line(PW)
            .run()
    };
    signup(&sb, &[])
        .expect(3)
        .stderr_has("department: This field is required.");
    signup(&sb, &["--field", "department=Sales", "--field", "age=old"])
        .expect(3)
        .stderr_has("age: \u{201c}old\u{201d} value must be an integer.");
    signup(&sb, &["--field", &format!("department={}", "d".repeat(41))])
        .expect(3)
        .stderr_has("department: Ensure this value has at most 40 characters (it has 41).");
    signup(
        &sb,
        &["--field", "department=Sales", "--field", "shoe_size=9"],
    )
    .expect(3)
    .stderr_has("shoe_size: the user model's table accounts_customuser has no such column");
    assert_eq!(project.site("row", json!({"login": "dana"})), Value::Null);
    // A default from the settings fills the NOT NULL column; the nullable one stays NULL.
    sb.set("AUTHCTL_USER_MODEL_DEFAULTS_DEPARTMENT", "Support");
    signup(&sb, &[]).expect(0);
    let row = project.site("row", json!({"login": "dana"}));
    assert_eq!(
        (&row["department"], &row["age"]),
        (&json!("Support"), &Value::Null)
    );
    sb.cmd(["users", "set", "dana", "--field", "age=42"])
        .run()
        .expect(0);
    assert_eq!(project.site("row", json!({"login": "dana"}))["age"], 42);
    // Django's PositiveIntegerField: the database's own check, reported as invalid data.
    sb.cmd(["users", "set", "dana", "--field", "age=-1"])
        .run()
        .expect(3);
    assert_eq!(project.site("row", json!({"login": "dana"}))["age"], 42);
}

fn columns_the_model_lacks_are_refused_by_name(backend: Backend) {
    let (_project, sb) = detected(Kind::EmailLogin, backend);
    sb.cmd([
        "signup",
        "--username",
        "eve@example.com",
        "--first-name",
        "Eve",
        "--field",
        "full_name=Eve",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(3)
    .stderr_has("the user model's table accounts_customuser has no first_name column");
    sb.cmd([
        "signup",
        "--username",
        "eve@example.com",
        "--email",
        "other@example.com",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(2)
    .stderr_has("logs in with the email address");
}

on_both!(
    values_are_checked_against_the_models_columns,
    columns_the_model_lacks_are_refused_by_name,
);

#[test]
fn createsuperuser_on_a_model_without_superusers_says_why() {
    let sb = Sandbox::new();
    sb.exec(
        "CREATE TABLE django_migrations (id integer PRIMARY KEY, app varchar(255), \
         name varchar(255), applied datetime);
         CREATE TABLE members_member (id integer PRIMARY KEY AUTOINCREMENT, \
         password varchar(128) NOT NULL, last_login datetime NULL, \
         username varchar(150) NOT NULL UNIQUE);",
    );
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--username",
        "root",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(3)
    .stderr_has("has no is_superuser column (Django's PermissionsMixin)");
    sb.signup("member", "", PW);
    sb.verify("member", PW).expect(0);
    assert_eq!(sb.sql("SELECT username FROM members_member"), ["member"]);
}

// --- the site's clock -----------------------------------------------------------------------------

fn tokens_and_times_follow_the_sites_time_zone(backend: Backend) {
    let project = DjangoProject::create(Kind::CustomUser, backend);
    let settings = project.root().join("mysite/settings.py");
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str("\nTIME_ZONE = \"America/New_York\"\nUSE_TZ = False\n");
    std::fs::write(&settings, text).unwrap();
    let site = Site::configured(project);
    let config = std::fs::read_to_string(&site.config).unwrap();
    assert!(
        config.contains("time_zone = \"America/New_York\"") && config.contains("use_tz = false")
    );
    site.signup("alice", PW).expect(0);
    site.cmd(&["login", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
    // Without USE_TZ, Django reads last_login as New York's wall time.
    let row = site.row("alice");
    let stored = chrono::NaiveDateTime::parse_from_str(
        row["last_login"].as_str().unwrap(),
        "%Y-%m-%dT%H:%M:%S%.f",
    )
    .unwrap_or_else(|e| panic!("{e}: {row:#}"));
    let new_york = jiff::tz::TimeZone::get("America/New_York").unwrap();
    let wall = jiff::Timestamp::now()
        .to_zoned(new_york)
        .datetime()
        .to_string();
    let wall = chrono::NaiveDateTime::parse_from_str(&wall, "%Y-%m-%dT%H:%M:%S%.f").unwrap();
    assert!(
        (wall - stored).num_seconds().abs() < 120,
        "last_login {stored} is not New York's wall time {wall}"
    );
    // The token covers last_login as Django reads it, so each side takes the other's.
    let made = site.project.site("make_token", json!({"login": "alice"}));
    site.cmd(&[
        "reset-confirm",
        made["uidb64"].as_str().unwrap(),
        made["token"].as_str().unwrap(),
        "--password-stdin",
    ])
    .stdin_line("new password from the site's token")
    .run()
    .expect(0);
    site.cmd(&["login", "--username", "alice", "--password-stdin"])
        .stdin_line("new password from the site's token")
        .run()
        .expect(0);
    let requested = site
        .cmd(&["reset-request", "--email", "alice@example.com"])
        .run();
    requested.expect(0);
    let (uidb64, token) = emailed_token(&requested);
    let checked = site
        .project
        .site("check_token", json!({"uidb64": uidb64, "token": token}));
    assert_eq!(checked["valid"], true, "the site rejects authctl's token");
}

on_both!(tokens_and_times_follow_the_sites_time_zone);

#[test]
fn a_blank_required_field_is_refused_as_django_refuses_it() {
    let site = Site::new(Kind::EmailLogin, Backend::Sqlite);
    site.cmd(&["createsuperuser", "--no-input", "--password-stdin"])
        .env("DJANGO_SUPERUSER_EMAIL", "blank@example.com")
        .env("DJANGO_SUPERUSER_FULL_NAME", "")
        .stdin_line(PW)
        .run()
        .expect(3)
        .stderr_has("full_name: This field cannot be blank.");
    site.cmd(&[
        "signup",
        "--username",
        "blank@example.com",
        "--field",
        "full_name= ",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(3)
    .stderr_has("full_name: This field cannot be blank.");
    assert_eq!(site.row("blank"), Value::Null);
    // Messages name the login field as Django does.
    site.signup("taken", PW).expect(0);
    site.cmd(&["createsuperuser", "--no-input", "--password-stdin"])
        .env("DJANGO_SUPERUSER_EMAIL", "taken@example.com")
        .env("DJANGO_SUPERUSER_FULL_NAME", "Someone")
        .stdin_line(PW)
        .run()
        .expect(3)
        .stderr_has("That email address is already taken.");
}

/// Where users log in with their email address, an address is the login everywhere it can be
/// given: an import's `email` column, `users set --email`.
#[test]
fn an_email_login_is_given_as_an_email_too() {
    let site = Site::new(Kind::EmailLogin, Backend::Sqlite);
    site.cmd(&["users", "import", "-", "--format", "csv"])
        .stdin(format!(
            "email,full_name,password\nNew.Person@Example.COM,New Person,{PW}\n"
        ))
        .run()
        .expect(0);
    // Normalised as Django's normalize_email: the domain in lower case.
    let imported = site.project.site(
        "authenticate",
        json!({"login": "New.Person@example.com", "password": PW}),
    );
    assert_eq!(imported["authenticated"], true, "{imported:#}");
    site.cmd(&[
        "users",
        "set",
        "New.Person@example.com",
        "--email",
        "moved@example.com",
    ])
    .run()
    .expect(0);
    let moved = site.project.site(
        "authenticate",
        json!({"login": "moved@example.com", "password": PW}),
    );
    assert_eq!(moved["authenticated"], true, "{moved:#}");
}

/// What a hand-altered PostgreSQL table holds is an error or a value, never a crash; and a
/// datetime given for an extra column means the same instant whatever the server's own zone.
#[test]
fn odd_postgres_columns_are_read_without_a_crash_and_times_keep_their_instant() {
    let site = Site::new(Kind::CustomUser, Backend::Postgres);
    site.signup("alice", PW).expect(0);
    let database = site.project.database.split('?').next().unwrap().to_string();
    let name = database.rsplit('/').next().unwrap().to_string();
    site.project.exec(&format!(
        "ALTER TABLE accounts_customuser ALTER COLUMN is_active DROP NOT NULL;
         UPDATE accounts_customuser SET is_active = NULL;
         ALTER TABLE accounts_customuser ADD COLUMN seen timestamptz NULL;
         ALTER DATABASE \"{name}\" SET timezone TO 'Europe/Paris';"
    ));
    // A NULL flag is false, as Django takes it: alice is inactive, and cannot log in.
    let shown = site.cmd(&["--json", "users", "show", "alice"]).run();
    shown.expect(0);
    assert_eq!(shown.json()["is_active"], false, "{shown:?}");
    site.verify("alice", PW).expect(1);
    site.cmd(&[
        "users",
        "set",
        "alice",
        "--active",
        "--field",
        "seen=2026-12-07T10:00:00Z",
    ])
    .run()
    .expect(0);
    let stored = crate::pg::server()
        .admin(&name)
        .query_one(
            "SELECT to_char(seen AT TIME ZONE 'UTC', 'HH24:MI') FROM accounts_customuser",
            &[],
        )
        .unwrap()
        .get::<_, String>(0);
    assert_eq!(stored, "10:00");
    // A column of a type Django's field never has is one error, exit 4.
    site.project.exec(
        "ALTER TABLE accounts_customuser ALTER COLUMN last_login TYPE text USING last_login::text",
    );
    site.verify("alice", PW)
        .expect(4)
        .stderr_has("has an unreadable last_login");
}
