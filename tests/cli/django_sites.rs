//! authctl on the Django projects people run (issue 12): each kind of project in `djproject.rs`,
//! configured once by `authctl config from-django`, then every command checked against the
//! site itself — Django's authenticate(), its admin login and sessions, its reset pages and
//! token checks, its own view of the rows — on SQLite and on PostgreSQL.

use crate::djproject::{DjangoProject, Kind};
use crate::support::{self, Backend, Cmd, PW, Run};
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
        site.from_django().expect(0);
        site
    }

    /// `authctl config from-django` for this project, writing the config.
    fn from_django(&self) -> Run {
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

    fn session_alive(&self, key: &str) -> bool {
        self.project
            .site("session_alive", json!({"session_key": key}))["alive"]
            == true
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
