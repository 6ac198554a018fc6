//! Scale (issue 15): the lookup indexes that keep single-user commands flat, and the streaming
//! import. Speed itself is the benchmark's (tests/bench); these check behaviour.

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
