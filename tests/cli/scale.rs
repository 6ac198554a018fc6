//! Scale (issue 15): the lookup indexes that keep single-user commands flat, and the streaming
//! import. Speed itself is the benchmark's (benches/scale); these check behaviour.

use crate::on_both;
use crate::support::{Backend, PW, Sandbox, django};
use serde_json::{Value, json};

/// authctl's case-insensitive lookup indexes on the user table.
fn lookup_indexes(sb: &Sandbox) -> Vec<String> {
    match sb.backend {
        Backend::Sqlite => sb.sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' \
             AND name LIKE 'authctl_ci_%' ORDER BY name",
        ),
        Backend::Postgres => sb
            .sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'authctl_ci_%' ORDER BY 1"),
    }
}

fn signup(sb: &Sandbox, username: &str, email: &str) -> crate::support::Run {
    sb.cmd([
        "signup",
        "--username",
        username,
        "--email",
        email,
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
}

/// The user ids the event log says a reset request matched.
fn reset_matches(sb: &Sandbox, address: &str) -> Vec<Value> {
    sb.cmd(["reset-request", "--email", address])
        .run()
        .expect(0);
    let run = sb
        .cmd([
            "--json",
            "log",
            "--event",
            "reset_requested",
            "--limit",
            "1",
        ])
        .run();
    run.expect(0);
    run.json_lines()
        .iter()
        .map(|e| e["user_id"].clone())
        .collect()
}

/// The indexes are there after the first write, Django keeps writing the table with them in
/// place (its own `iexact` look-ups included), and authctl finds what Django wrote, ASCII or
/// not, ignoring case, by username and by email.
fn django_writes_and_authctl_finds_through_the_indexes(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.django_project("djadmin", "dj@example.com", "django pass 123");
    sb.signup("alice", "alice@example.com", PW);
    assert_eq!(
        lookup_indexes(&sb),
        [
            "authctl_ci_auth_user_email",
            "authctl_ci_auth_user_username"
        ]
    );
    let found = django(
        "create_users",
        json!({
            "database": sb.database,
            "users": [
                {"username": "Bob", "email": "Bob@Example.COM", "password": "pw for bob 1"},
                {"username": "Ζωή", "email": "zoe@exämple.com", "password": "pw for zoe 1"},
            ],
            "lookups": ["BOB", "ALICE"],
        }),
    );
    assert_eq!(found["found"], json!({"BOB": ["Bob"], "ALICE": ["alice"]}));
    for (name, email) in [
        ("bob", "b2@example.com"),
        ("ζωή", "z2@example.com"),
        ("ALICE", ""),
    ] {
        signup(
            &sb,
            name,
            if email.is_empty() {
                "a2@example.com"
            } else {
                email
            },
        )
        .expect(3)
        .stderr_has("A user with that username already exists.");
    }
    let bob = sb.sql("SELECT id FROM auth_user WHERE username = 'Bob'")[0].clone();
    let zoe = sb.sql("SELECT id FROM auth_user WHERE username = 'Ζωή'")[0].clone();
    assert_eq!(
        reset_matches(&sb, "bob@EXAMPLE.com"),
        [json!(bob.parse::<i64>().unwrap())]
    );
    assert_eq!(
        reset_matches(&sb, "ZOE@EXÄMPLE.com"),
        [json!(zoe.parse::<i64>().unwrap())]
    );
    // A rename behind authctl's back frees the old name and takes the new one.
    django(
        "create_users",
        json!({"database": sb.database, "renames": [{"from": "Bob", "to": "Robert"}]}),
    );
    signup(&sb, "BOB", "b3@example.com").expect(0);
    signup(&sb, "robert", "r2@example.com")
        .expect(3)
        .stderr_has("A user with that username already exists.");
    // Django's checks on the project are still clean.
    let checked = django(
        "create_users",
        json!({"database": sb.database, "lookups": ["robert"]}),
    );
    assert_eq!(checked["found"], json!({"robert": ["Robert"]}));
}

on_both!(django_writes_and_authctl_finds_through_the_indexes);

/// A Django migration that rebuilds the user table on SQLite drops the index with the old
/// table: look-ups stay right without it, and the next write puts it back.
#[test]
fn a_lost_index_changes_no_answer_and_comes_back() {
    let sb = Sandbox::new();
    sb.signup("alice", "alice@example.com", PW);
    sb.exec(
        "DROP INDEX authctl_ci_auth_user_username; DROP INDEX authctl_ci_auth_user_email; \
         INSERT INTO auth_user (password, is_superuser, username, last_name, email, is_staff, \
         is_active, date_joined, first_name) VALUES ('pbkdf2_sha256$1000$salt$aGFzaA==', 0, 'Ärger', '', 'ARGER@EXÄMPLE.COM', \
         0, 1, '2026-01-01 00:00:00', '')",
    );
    assert!(lookup_indexes(&sb).is_empty());
    signup(&sb, "äRGER", "x@example.com")
        .expect(3)
        .stderr_has("A user with that username already exists.");
    signup(&sb, "Alice", "x@example.com")
        .expect(3)
        .stderr_has("A user with that username already exists.");
    assert!(
        lookup_indexes(&sb).is_empty(),
        "a refused signup writes nothing"
    );
    let arger = sb.sql("SELECT id FROM auth_user WHERE username = 'Ärger'")[0].parse::<i64>();
    assert_eq!(
        reset_matches(&sb, "arger@exämple.com"),
        [json!(arger.unwrap())]
    );
    assert_eq!(lookup_indexes(&sb).len(), 2);
}

/// A file of `n` users as JSON Lines, each with a (cheap, pre-made) hash.
fn users_file(sb: &Sandbox, n: usize) -> std::path::PathBuf {
    let hash = crate::support::make_hash("pbkdf2_sha256", PW);
    let path = sb.path("users.jsonl");
    let mut text = String::new();
    for i in 0..n {
        text.push_str(
            &json!({"username": format!("user{i:06}"), "email": format!("user{i:06}@example.com"),
                    "password_hash": hash})
            .to_string(),
        );
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// An import holds a few thousand rows at a time, not the file: 60,000 rows go in under an
/// 80 MiB limit on the whole address space (holding them all took about 2 KB a row).
#[test]
fn a_large_import_runs_in_bounded_memory() {
    let sb = Sandbox::new();
    sb.signup("seed", "", PW);
    users_file(&sb, 60_000);
    sb.shell("ulimit -v 81920 && authctl users import users.jsonl")
        .current_dir(sb.dir.path())
        .run()
        .expect(0)
        .stdout_has("Imported 60000 rows: 60000 created, 0 updated, 0 skipped.");
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["60001"]);
    assert_eq!(
        sb.sql("SELECT count(*) FROM authctl_event WHERE event = 'user_created'"),
        ["60001"]
    );
}

/// The progress bar is drawn on a terminal and nowhere else.
#[test]
fn the_progress_bar_shows_on_a_terminal_only() {
    use rexpect::session::spawn_command;
    let sb = Sandbox::new();
    sb.signup("seed", "", PW);
    let file = users_file(&sb, 20_000);
    // A terminal of some width (a new pseudo-terminal has none, and a bar needs room).
    let script = format!(
        "stty cols 100 rows 30; exec authctl users import {}",
        file.display()
    );
    let mut p = spawn_command(
        sb.shell(&script).env("TERM", "xterm").into_command(),
        Some(60_000),
    )
    .unwrap();
    p.exp_string("rows checked").unwrap();
    p.exp_string("Imported 20000 rows").unwrap();
    p.exp_eof().unwrap();
    // In a pipe: the result only, with no bar and no terminal codes.
    let sb = Sandbox::new();
    sb.signup("seed", "", PW);
    let file = users_file(&sb, 20_000);
    let run = sb.cmd(["users", "import", file.to_str().unwrap()]).run();
    run.expect(0);
    assert_eq!(run.stderr(), "");
    assert_eq!(
        run.stdout(),
        "Imported 20000 rows: 20000 created, 0 updated, 0 skipped.\n"
    );
    // Asked for, it is drawn even into a pipe; refused, never.
    let sb = Sandbox::new();
    sb.signup("seed", "", PW);
    let file = users_file(&sb, 20_000);
    sb.cmd(["users", "import", "--progress", file.to_str().unwrap()])
        .run()
        .expect(0)
        .stderr_has("rows");
}

/// Ctrl-C during an import stops it, writes nothing, says so and exits 130.
#[test]
fn ctrl_c_rolls_an_import_back() {
    use rexpect::process::wait::WaitStatus;
    use rexpect::session::spawn_command;
    let sb = Sandbox::new();
    sb.signup("seed", "", PW);
    // Plain passwords at a real cost, so that the import is still hashing when interrupted.
    let mut text = String::from("username,password\n");
    for i in 0..4000 {
        text.push_str(&format!("user{i:05},a long enough password {i}\n"));
    }
    std::fs::write(sb.path("users.csv"), text).unwrap();
    let before = sb.sql("SELECT count(*) FROM auth_user");
    let script = format!(
        "stty cols 100 rows 30; exec authctl users import {}",
        sb.path("users.csv").display()
    );
    let mut p = spawn_command(
        sb.shell(&script)
            .env("TERM", "xterm")
            .env("AUTHCTL_HASHER", "pbkdf2_sha256")
            .env("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "100000")
            .into_command(),
        Some(60_000),
    )
    .unwrap();
    p.exp_string("checking").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("import interrupted; nothing was written")
        .unwrap();
    p.exp_eof().unwrap();
    match p.process.wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("authctl did not exit normally: {other:?}"),
    }
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), before);
    assert_eq!(
        sb.sql("SELECT count(*) FROM authctl_event WHERE event = 'user_created'"),
        ["1"]
    );
}
