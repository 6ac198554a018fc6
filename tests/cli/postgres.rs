//! What only PostgreSQL has: choosing it (URLs, libpq's variables, the password file,
//! `DATABASE_URL`), Django's schema there, TLS, environments that go wrong, concurrency, and a
//! real Django project on the same server. The behaviour both backends share is tested in the
//! other modules on both.

use crate::pg::{PASSWORD_ROLE, server};
use crate::support::{PW, Sandbox, django};
use serde_json::json;
use std::time::{Duration, Instant};

const NEW: &str = "a completely new passphrase";

/// `pg_dump --schema-only` of some tables, without what names the database or the dump itself,
/// and without authctl's lookup indexes and session trigger (tested on their own).
fn schema(database: &str, tables: &[&str]) -> String {
    let server = server();
    let mut cmd = server.program("pg_dump");
    cmd.args([
        "-h",
        "127.0.0.1",
        "-p",
        &server.port.to_string(),
        "-U",
        "postgres",
    ])
    .args(["--schema-only", "--no-owner"]);
    for table in tables {
        cmd.args(["-t", table]);
    }
    let out = cmd.arg(database).output().expect("run pg_dump");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with("--") && !l.starts_with('\\') && !l.trim().is_empty())
        .filter(|l| !l.contains("authctl_ci_") && !l.contains("authctl_sessions_of_"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Django's `auth` and `contenttypes` tables, and its migrations table.
const DJANGO_TABLES: [&str; 8] = [
    "auth_user",
    "auth_group",
    "auth_permission",
    "auth_group_permissions",
    "auth_user_groups",
    "auth_user_user_permissions",
    "django_content_type",
    "django_migrations",
];

#[test]
fn a_new_database_gets_djangos_tables_exactly_as_djangos_migrate_makes_them() {
    let ours = Sandbox::postgres();
    ours.signup("alice", "", PW);
    let theirs = Sandbox::postgres();
    django("migrate", json!({"database": theirs.database}));
    let (ours, theirs) = (ours.pg_database(), theirs.pg_database());
    let ddl = schema(&ours, &DJANGO_TABLES);
    assert!(ddl.contains("auth_user_username_6821ab7c_like"), "{ddl}");
    assert!(ddl.contains("auth_group_name_a6ea08ec_like"), "{ddl}");
    assert_eq!(ddl, schema(&theirs, &DJANGO_TABLES));
}

#[test]
fn a_django_project_on_postgresql_works_both_ways_and_its_tables_stay_as_they_are() {
    let mut sb = Sandbox::postgres();
    sb.set("AUTHCTL_SECRET_KEY", "authctl-tests-secret-key");
    sb.set("AUTHCTL_EMAIL_BACKEND", "console");
    sb.django_project("admin", "admin@example.com", PW);
    let django_tables = [
        "auth_user",
        "auth_group",
        "auth_permission",
        "auth_user_groups",
        "django_admin_log",
        "django_migrations",
    ];
    let before = schema(&sb.pg_database(), &django_tables);
    // Django's user in authctl, and authctl's users in Django.
    sb.verify("admin", PW).expect(0);
    sb.signup("alice", "alice@example.com", PW);
    let answer = django(
        "authenticate",
        json!({"database": sb.database, "username": "alice", "password": PW}),
    );
    assert_eq!(answer["authenticated"], true, "{answer}");
    // A password changed by Django ends authctl's session.
    sb.login("alice", PW).expect(0);
    sb.cmd(["whoami"]).run().expect(0).stdout_is("alice\n");
    django(
        "set_password",
        json!({"database": sb.database, "username": "alice", "password": NEW}),
    );
    sb.cmd(["whoami"])
        .run()
        .expect(1)
        .stderr_has("changed since this login");
    // Reset tokens both ways.
    let made = django(
        "db_make_token",
        json!({"database": sb.database, "username": "alice"}),
    );
    let link = [
        made["uidb64"].as_str().unwrap(),
        made["token"].as_str().unwrap(),
    ];
    sb.cmd(["reset-confirm", link[0], link[1], "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
    sb.verify("alice", PW).expect(0);
    let printed = sb
        .cmd(["reset-request", "--email", "alice@example.com"])
        .run();
    let command = crate::reset::command_in(&printed.stdout());
    let answer = django(
        "db_check_token",
        json!({"database": sb.database, "uidb64": command[1], "token": command[2]}),
    );
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(schema(&sb.pg_database(), &django_tables), before);
}

#[test]
fn libpq_variables_fill_in_the_url_and_a_socket_directory_works() {
    let server = server();
    let mut sb = Sandbox::postgres();
    let database = sb.pg_database();
    sb.signup("alice", "", PW);
    // Everything from the environment, as psql takes it; the URL names only the scheme.
    sb.set("AUTHCTL_DATABASE", "postgresql://")
        .set("PGHOST", server.root.to_str().unwrap())
        .set("PGPORT", &server.port.to_string())
        .set("PGUSER", "postgres")
        .set("PGDATABASE", &database);
    sb.verify("alice", PW).expect(0);
    // host= in the query string is a socket directory.
    sb.unset("PGHOST");
    let url = format!(
        "postgresql:///{database}?host={}&user=postgres&application_name=authctl-test",
        server.root.display()
    );
    sb.set("AUTHCTL_DATABASE", &url);
    sb.verify("alice", PW).expect(0);
}

#[test]
fn database_url_is_used_when_nothing_else_names_the_database() {
    let mut sb = Sandbox::postgres();
    sb.signup("alice", "", PW);
    let url = sb.database.clone();
    sb.unset("AUTHCTL_DATABASE");
    let run = sb
        .cmd(["verify", "--username", "alice", "--password-stdin"])
        .env_remove("AUTHCTL_DATABASE")
        .env("DATABASE_URL", &url)
        .stdin_line(PW)
        .run();
    run.expect(0);
    // sqlite:/// URLs too, relative to the current directory.
    let sqlite = Sandbox::new();
    sqlite.signup("bob", "", PW);
    let relative = format!(
        "sqlite:///{}",
        sqlite.db.file_name().unwrap().to_str().unwrap()
    );
    sqlite
        .cmd(["verify", "--username", "bob", "--password-stdin"])
        .env_remove("AUTHCTL_DATABASE")
        .env("DATABASE_URL", &relative)
        .current_dir(sqlite.dir.path())
        .stdin_line(PW)
        .run()
        .expect(0);
    let absolute = format!("sqlite:///{}", sqlite.db.display());
    sqlite
        .cmd(["verify", "--username", "bob", "--password-stdin"])
        .env_remove("AUTHCTL_DATABASE")
        .env("DATABASE_URL", &absolute)
        .stdin_line(PW)
        .run()
        .expect(0);
}

#[test]
fn a_password_comes_from_the_password_file_and_is_never_shown() {
    let server = server();
    let (role, password) = PASSWORD_ROLE;
    let mut sb = Sandbox::postgres();
    let database = sb.pg_database();
    server
        .admin(&database)
        .batch_execute(&format!("GRANT ALL ON SCHEMA public TO {role}"))
        .unwrap();
    let base = format!(
        "postgresql://{role}@127.0.0.1:{}/{database}?sslmode=disable",
        server.port
    );
    sb.set("AUTHCTL_DATABASE", &base);
    // No password anywhere: the server refuses, and says whose login it refused.
    sb.cmd(["signup", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has(&format!("wants a password for user {role}"));
    let pgpass = sb.path("pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:*:{database}:{role}:{password}\n"),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    sb.set("PGPASSFILE", pgpass.to_str().unwrap());
    sb.signup("alice", "", PW);
    // A password in the URL works too, and no output ever shows it.
    sb.unset("PGPASSFILE");
    let with_password = base.replacen(&format!("{role}@"), &format!("{role}:{password}@"), 1);
    sb.set("AUTHCTL_DATABASE", &with_password);
    for args in [
        vec!["-v", "verify", "--username", "alice", "--password-stdin"],
        vec!["login", "--json", "--username", "alice", "--password-stdin"],
    ] {
        let run = sb.cmd(args).stdin_line(PW).run();
        run.expect(0);
        assert!(
            !run.stdout().contains(password) && !run.stderr().contains(password),
            "{run:?}"
        );
    }
    let wrong = base.replacen(&format!("{role}@"), &format!("{role}:not-{password}@"), 1);
    sb.set("AUTHCTL_DATABASE", &wrong);
    let run = sb
        .cmd(["verify", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run();
    run.expect(4)
        .stderr_has("refused the password of user pwuser");
    assert!(!run.stderr().contains(password), "{run:?}");
}

#[test]
fn environments_that_go_wrong_are_one_clear_sentence_and_exit_4() {
    let server = server();
    let sb = Sandbox::postgres();
    let database = sb.pg_database();
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cases = [
        (
            format!("postgresql://postgres@127.0.0.1:{free}/{database}?connect_timeout=2"),
            "cannot connect to PostgreSQL",
        ),
        (
            format!("postgresql://postgres@127.0.0.1:{}/no_such_db", server.port),
            "database no_such_db does not exist",
        ),
        // TLS cannot be had over a Unix socket.
        (
            format!(
                "postgresql:///{database}?host={}&port={}&user=postgres&sslmode=require",
                server.root.display(),
                server.port
            ),
            "cannot connect to PostgreSQL",
        ),
        (
            format!("mysql://root@localhost/{database}"),
            "is not a database authctl knows",
        ),
    ];
    for (url, expected) in cases {
        let started = Instant::now();
        let run = sb
            .cmd(["verify", "--username", "alice", "--password-stdin"])
            .env("AUTHCTL_DATABASE", &url)
            .stdin_line(PW)
            .run();
        run.expect(4).stderr_has(expected);
        assert_eq!(run.stderr().lines().count(), 1, "{run:?}");
        assert!(started.elapsed() < Duration::from_secs(8), "{url}");
    }
}

#[test]
fn a_server_that_accepts_and_never_answers_times_out() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Accepts connections and holds them, saying nothing, until the test is done (ten seconds
    // at most).
    let holder = std::thread::spawn({
        let done = done.clone();
        move || {
            listener.set_nonblocking(true).unwrap();
            let mut held = Vec::new();
            let until = Instant::now() + Duration::from_secs(10);
            while Instant::now() < until && !done.load(std::sync::atomic::Ordering::SeqCst) {
                if let Ok((conn, _)) = listener.accept() {
                    held.push(conn);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    });
    let sb = Sandbox::new();
    let started = Instant::now();
    sb.cmd(["verify", "--username", "a", "--password-stdin"])
        .env(
            "AUTHCTL_DATABASE",
            format!("postgresql://u@127.0.0.1:{port}/d?connect_timeout=1&sslmode=disable"),
        )
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("cannot connect to PostgreSQL");
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    holder.join().unwrap();
}

#[test]
fn tls_is_verified_against_the_given_root_and_refused_without_it() {
    let server = server();
    let sb = Sandbox::postgres();
    sb.signup("alice", "", PW);
    let database = sb.pg_database();
    let url = |mode: &str, host: &str| {
        format!(
            "postgresql://postgres@{host}:{}/{database}?sslmode={mode}&sslrootcert={}",
            server.port,
            server.ca.display()
        )
    };
    for (mode, host) in [
        ("verify-full", "localhost"),
        ("verify-full", "127.0.0.1"),
        ("verify-ca", "127.0.0.1"),
        ("require", "127.0.0.1"),
    ] {
        sb.cmd(["verify", "--username", "alice", "--password-stdin"])
            .env("AUTHCTL_DATABASE", url(mode, host))
            .stdin_line(PW)
            .run()
            .expect(0);
    }
    // Without the test CA, Mozilla's roots do not vouch for the server.
    let untrusted = format!(
        "postgresql://postgres@localhost:{}/{database}?sslmode=verify-full",
        server.port
    );
    sb.cmd(["verify", "--username", "alice", "--password-stdin"])
        .env("AUTHCTL_DATABASE", untrusted)
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("cannot connect to PostgreSQL");
}

#[test]
fn a_role_without_create_cannot_set_up_and_a_reader_can_only_read() {
    let server = server();
    // An empty database the role may not create tables in (PostgreSQL 15's default).
    let empty = Sandbox::postgres();
    let url = format!(
        "postgresql://nocreate@127.0.0.1:{}/{}?sslmode=disable",
        server.port,
        empty.pg_database()
    );
    empty
        .cmd(["signup", "--username", "alice", "--password-stdin"])
        .env("AUTHCTL_DATABASE", &url)
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("lacks Django's tables, and PostgreSQL user nocreate may not create them");
    // A role that may read auth_user but not write it: checks work, changes are refused.
    let mut sb = Sandbox::postgres();
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("alice", "", PW);
    sb.exec("GRANT SELECT ON auth_user TO reader");
    sb.set("AUTHCTL_HASHER", "argon2");
    let reader = format!(
        "postgresql://reader@127.0.0.1:{}/{}?sslmode=disable",
        server.port,
        sb.pg_database()
    );
    sb.set("AUTHCTL_DATABASE", &reader);
    sb.cmd(["-v", "verify", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0)
        .stderr_has("could not upgrade the password hash");
    sb.cmd(["users", "list"])
        .run()
        .expect(0)
        .stdout_has("alice");
    sb.cmd(["signup", "--username", "bob", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("permission denied");
}

#[test]
fn eight_processes_signing_up_fifty_users_each_make_four_hundred() {
    let sb = Sandbox::postgres();
    sb.signup("first", "", PW);
    let handles: Vec<_> = (0..8)
        .map(|p| {
            let cmds: Vec<_> = (0..50)
                .map(|i| {
                    sb.cmd([
                        "signup",
                        "--username",
                        &format!("user{p}x{i}"),
                        "--password-stdin",
                    ])
                    .stdin_line(PW)
                })
                .collect();
            std::thread::spawn(move || cmds.into_iter().map(|c| c.run()).collect::<Vec<_>>())
        })
        .collect();
    for handle in handles {
        for run in handle.join().unwrap() {
            run.expect(0);
        }
    }
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["401"]);
}

#[test]
fn concurrent_changes_to_one_user_are_all_kept() {
    let sb = Sandbox::postgres();
    sb.signup("alice", "", PW);
    for round in 0..5 {
        let first = format!("First{round}");
        let email = format!("a{round}@example.com");
        let runs: Vec<_> = [
            sb.cmd(["users", "set", "alice", "--first-name", &first]),
            sb.cmd(["users", "set", "alice", "--email", &email]),
            sb.cmd(["users", "set", "alice", "--staff"]),
        ]
        .into_iter()
        .map(|cmd| std::thread::spawn(move || cmd.run()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .collect();
        for run in &runs {
            run.expect(0);
        }
        assert_eq!(
            sb.sql("SELECT first_name, email, is_staff FROM auth_user"),
            [format!("{first}|{email}|1")]
        );
        sb.cmd(["users", "set", "alice", "--no-staff"])
            .run()
            .expect(0);
    }
}

#[test]
fn a_dry_run_or_a_refused_signup_leaves_an_empty_database_empty() {
    let sb = Sandbox::postgres();
    sb.cmd(["users", "import", "-", "--format", "jsonl", "--dry-run"])
        .stdin("{\"username\": \"alice\"}\n")
        .run()
        .expect(0)
        .stdout_has("would create alice");
    sb.cmd(["signup", "--username", "bob", "--password-stdin"])
        .stdin_line("1234")
        .run()
        .expect(3);
    let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
    assert_eq!(sb.sql(tables), ["0"]);
    sb.signup("carol", "", PW);
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["carol"]);
}
