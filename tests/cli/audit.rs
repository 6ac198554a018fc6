//! Account protection and audit (issue 14): the lockout, the event log and its syslog copy, the
//! admin's control of sessions.

use crate::on_both;
use crate::support::{Backend, PW, Run, Sandbox};
use serde_json::{Value, json};
use std::time::Duration;

fn verify(sb: &Sandbox, user: &str, password: &str) -> Run {
    sb.verify(user, password)
}

fn events(sb: &Sandbox) -> Vec<Value> {
    let run = sb.cmd(["--json", "log"]).run();
    run.expect(0);
    run.json_lines()
}

fn lockout_locks_known_and_unknown_names_alike(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "alice@example.com", PW);
    for name in ["alice", "ghost"] {
        for _ in 0..5 {
            verify(&sb, name, "wrong password").expect(1);
        }
    }
    // The sixth attempt is refused even with the right password, and looks the same whoever
    // it is about.
    let known = verify(&sb, "alice", PW);
    let unknown = verify(&sb, "ghost", PW);
    known.expect(1);
    unknown.expect(1);
    assert_eq!(
        (known.stdout(), known.stderr()),
        (unknown.stdout(), unknown.stderr())
    );
    let json = |name: &str| {
        sb.cmd(["--json", "verify", "--username", name, "--password-stdin"])
            .stdin_line(PW)
            .run()
            .json()["valid"]
            .clone()
    };
    assert_eq!((json("alice"), json("ghost")), (json!(false), json!(false)));
    sb.cmd(["-v", "verify", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(1)
        .stderr_has("locked until");
    sb.login("alice", PW).expect(1);
    let shown = sb.cmd(["--json", "users", "show", "alice"]).run();
    assert!(shown.json()["locked_until"].is_string(), "{shown:?}");
    // Unlocking lets the right password in again, and it clears the count.
    sb.cmd(["users", "unlock", "alice"])
        .run()
        .expect(0)
        .stdout_has("Unlocked alice.");
    verify(&sb, "alice", PW).expect(0);
    sb.cmd(["users", "unlock", "--all"])
        .run()
        .expect(0)
        .stdout_has("Unlocked ghost.");
    // Each lock and failure is in the log.
    let kinds: Vec<Value> = events(&sb).iter().map(|e| e["event"].clone()).collect();
    assert_eq!(kinds.iter().filter(|e| **e == "locked").count(), 2);
    assert_eq!(kinds.iter().filter(|e| **e == "unlocked").count(), 2);
}

fn a_lock_expires_and_doubles(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_LOCKOUT_COOLOFF", "1")
        .set("AUTHCTL_LOCKOUT_FAILURE_LIMIT", "2");
    sb.signup("alice", "", PW);
    for _ in 0..2 {
        verify(&sb, "alice", "nope").expect(1);
    }
    verify(&sb, "alice", PW).expect(1);
    std::thread::sleep(Duration::from_millis(1_200));
    verify(&sb, "alice", PW).expect(0);
    // A success clears the run of locks; two locks in a row double the second.
    for _ in 0..2 {
        verify(&sb, "alice", "nope").expect(1);
    }
    std::thread::sleep(Duration::from_millis(1_200));
    for _ in 0..2 {
        verify(&sb, "alice", "nope").expect(1);
    }
    let locks: Vec<Value> = events(&sb)
        .into_iter()
        .filter(|e| e["event"] == "locked")
        .map(|e| e["detail"]["seconds"].clone())
        .collect();
    assert_eq!(locks, [json!(2), json!(1), json!(1)]);
    // With the lockout off, failures never lock.
    sb.set("AUTHCTL_LOCKOUT_ENABLED", "false");
    sb.cmd(["users", "unlock", "--all"]).run().expect(0);
    for _ in 0..4 {
        verify(&sb, "alice", "nope").expect(1);
    }
    verify(&sb, "alice", PW).expect(0);
}

/// Failed attempts from many processes at once are all counted.
fn concurrent_failures_are_all_counted(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_LOCKOUT_FAILURE_LIMIT", "1000");
    sb.signup("alice", "", PW);
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                for _ in 0..20 {
                    verify(&sb, "alice", "wrong").expect(1);
                }
            });
        }
    });
    let shown = sb.cmd(["--json", "users", "show", "alice"]).run();
    assert_eq!(shown.json()["failed_logins"], 160);
    let failed = sb
        .cmd([
            "--json",
            "log",
            "--event",
            "login_failed",
            "--user",
            "alice",
        ])
        .run()
        .json_lines()
        .len();
    assert_eq!(failed, 160);
}

fn a_completed_reset_lifts_the_lock(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    let maildir = sb.path("mail");
    sb.set(
        "AUTHCTL_SECRET_KEY",
        "a-long-enough-secret-key-for-the-tests-0123",
    )
    .set("AUTHCTL_EMAIL_BACKEND", "file")
    .set("AUTHCTL_EMAIL_FILE_DIR", maildir.to_str().unwrap());
    sb.signup("alice", "alice@example.com", PW);
    for _ in 0..5 {
        verify(&sb, "alice", "nope").expect(1);
    }
    verify(&sb, "alice", PW).expect(1);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    sb.wait_for_outbox();
    let mail = std::fs::read_dir(&maildir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .next()
        .expect("a reset email");
    let line = mail
        .lines()
        .find(|l| l.contains("reset-confirm "))
        .unwrap()
        .to_string();
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "reset-confirm").unwrap();
    // As copied from a saved .eml file with CRLF lines.
    let (uid, token) = (
        format!(" {} ", words[at + 1]),
        format!("{}\r", words[at + 2]),
    );
    sb.cmd(["reset-confirm", &uid, &token, "--password-stdin"])
        .stdin_line("a brand new passphrase")
        .run()
        .expect(0);
    verify(&sb, "alice", "a brand new passphrase").expect(0);
    let kinds: Vec<Value> = events(&sb).iter().map(|e| e["event"].clone()).collect();
    assert!(kinds.contains(&json!("reset_requested")));
    assert!(kinds.contains(&json!("reset_completed")));
    assert!(kinds.contains(&json!("unlocked")));
}

on_both!(
    lockout_locks_known_and_unknown_names_alike,
    a_lock_expires_and_doubles,
    concurrent_failures_are_all_counted,
    a_completed_reset_lifts_the_lock,
);

/// Every change is logged with it; a change rolled back logs nothing; and nothing secret is
/// ever in the log.
fn every_change_is_logged_with_it_and_nothing_secret(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    let secret_key = "a-long-enough-secret-key-for-the-audit-test-99";
    sb.set("AUTHCTL_SECRET_KEY", secret_key);
    let passwords = ["first secret phrase 1", "second secret phrase 2"];
    sb.signup("alice", "alice@example.com", passwords[0]);
    sb.superuser("root", "root@example.com", Some(passwords[0]));
    sb.login("alice", passwords[0]).expect(0);
    let session_key =
        std::fs::read_to_string(sb.path("home/state/authctl/session")).unwrap_or_default();
    sb.cmd(["passwd", "--password-stdin"])
        .stdin(format!("{}\n{}\n", passwords[0], passwords[1]))
        .run()
        .expect(0);
    sb.cmd(["users", "set", "alice", "--first-name", "Alice", "--staff"])
        .run()
        .expect(0);
    sb.cmd(["groups", "create", "ops"]).run().expect(0);
    sb.cmd(["groups", "add", "ops", "alice"]).run().expect(0);
    sb.cmd(["users", "grant", "alice", "auth.view_user"])
        .run()
        .expect(0);
    sb.cmd(["logout"]).run().expect(0);
    sb.verify("alice", "not it").expect(1);
    sb.verify("alice", passwords[1]).expect(0);
    sb.cmd(["users", "delete", "root", "--yes"]).run().expect(0);
    // A failing import writes nothing, events included.
    let before = events(&sb).len();
    sb.cmd(["users", "import", "-", "--format", "jsonl"])
        .stdin("{\"username\": \"bob\", \"password\": \"bob's secret 7\"}\n{\"username\": \"\"}\n")
        .run()
        .expect(3);
    assert_eq!(events(&sb).len(), before);
    let log = events(&sb);
    let kinds: Vec<&str> = log
        .iter()
        .rev()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "user_created",
            "user_created",
            "login_succeeded",
            "password_changed",
            "user_updated",
            "group_created",
            "group_member_added",
            "user_permission_granted",
            "logout",
            "login_failed",
            "login_succeeded",
            "user_deleted",
        ]
    );
    let updated = log.iter().find(|e| e["event"] == "user_updated").unwrap();
    assert_eq!(
        updated["detail"]["fields"],
        json!(["first_name", "is_staff"])
    );
    assert_eq!(updated["username"], "alice");
    assert_eq!(updated["command"], "users set");
    assert!(updated["actor"].as_str().is_some_and(|a| !a.is_empty()));
    // Nothing secret in any row: passwords, the key, the session key, any hash.
    let dump = sb.sql("SELECT * FROM authctl_event").join("\n");
    let hashes = sb.sql("SELECT password FROM auth_user");
    let mut secrets: Vec<String> = passwords.iter().map(|p| p.to_string()).collect();
    secrets.extend([secret_key.to_string(), "bob's secret 7".into()]);
    secrets.extend(hashes);
    secrets.extend(
        session_key
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 20)
            .map(String::from),
    );
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        assert!(
            !dump.contains(secret.as_str()),
            "the log holds a secret: {secret}"
        );
    }
    // Filters.
    let only = |args: &[&str]| -> usize {
        sb.cmd(["--json", "log"])
            .args(args)
            .run()
            .json_lines()
            .len()
    };
    assert_eq!(only(&["--user", "root"]), 2);
    assert_eq!(only(&["--event", "login_failed"]), 1);
    assert_eq!(only(&["--limit", "3"]), 3);
    assert_eq!(only(&["--since", "2000-01-01", "--until", "2001-01-01"]), 0);
    assert_eq!(only(&["--since", "2000-01-01"]), log.len());
    sb.cmd(["log", "--since", "yesterday"]).run().expect(2);
}

fn the_admin_sees_and_ends_sessions(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    sb.login("alice", PW).expect(0);
    let other = sb.path("second.session");
    sb.cmd([
        "--session-file",
        other.to_str().unwrap(),
        "login",
        "--username",
        "alice",
    ])
    .arg("--password-stdin")
    .stdin_line(PW)
    .run()
    .expect(0);
    let listed = sb.cmd(["--json", "users", "sessions", "alice"]).run();
    listed.expect(0);
    let sessions = listed.json_lines();
    assert_eq!(sessions.len(), 2);
    let session_file = std::fs::read_to_string(sb.path("home/state/authctl/session")).unwrap();
    assert!(!listed.stdout().contains(session_file.trim()));
    let first = sessions[0]["id"].as_i64().unwrap().to_string();
    sb.cmd(["users", "logout", "alice", "--session", "999999"])
        .run()
        .expect(3);
    sb.cmd(["users", "logout", "alice", "--session", &first])
        .run()
        .expect(0)
        .stdout_has("Ended 1 session of alice.");
    sb.cmd(["whoami"]).run().expect(1);
    sb.cmd(["--session-file", other.to_str().unwrap(), "whoami"])
        .run()
        .expect(0);
    sb.cmd(["users", "logout", "alice"])
        .run()
        .expect(0)
        .stdout_has("Ended 1 session of alice.");
    sb.cmd(["--session-file", other.to_str().unwrap(), "whoami"])
        .run()
        .expect(1);
}

/// A successful `verify` changes nothing and writes nothing, unless it clears failed attempts
/// or `audit.verify_successes` asks for every one; a successful `login` is always an event.
fn verify_successes_are_events_when_they_change_something_or_are_asked_for(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.signup("alice", "alice@example.com", PW);
    let successes = |sb: &Sandbox| {
        events(sb)
            .iter()
            .filter(|e| e["event"] == "login_succeeded")
            .map(|e| e["command"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    verify(&sb, "alice", PW).expect(0);
    assert_eq!(successes(&sb), Vec::<String>::new());
    // A success after a failure clears the count, and that is recorded.
    verify(&sb, "alice", "wrong password").expect(1);
    verify(&sb, "alice", PW).expect(0);
    assert_eq!(successes(&sb), ["verify"]);
    let shown = sb.cmd(["--json", "users", "show", "alice"]).run();
    assert_eq!(shown.json()["failed_logins"], json!(0), "{shown:?}");
    verify(&sb, "alice", PW).expect(0);
    assert_eq!(successes(&sb).len(), 1);
    sb.login("alice", PW).expect(0);
    assert_eq!(successes(&sb), ["login", "verify"]);
    sb.set("AUTHCTL_AUDIT_VERIFY_SUCCESSES", "true");
    verify(&sb, "alice", PW).expect(0);
    assert_eq!(successes(&sb), ["verify", "login", "verify"]);
}

on_both!(
    every_change_is_logged_with_it_and_nothing_secret,
    the_admin_sees_and_ends_sessions,
    verify_successes_are_events_when_they_change_something_or_are_asked_for,
);

/// With `audit.syslog`, each event also reaches the system log's socket (facility authpriv),
/// received here by a real datagram listener.
#[test]
fn events_reach_the_system_log() {
    use std::os::unix::net::UnixDatagram;
    let mut sb = Sandbox::new();
    let socket = sb.path("log.sock");
    let listener = UnixDatagram::bind(&socket).expect("bind a syslog socket");
    listener
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    sb.set("AUTHCTL_AUDIT_SYSLOG", "true")
        .set("AUTHCTL_AUDIT_SYSLOG_SOCKET", socket.to_str().unwrap());
    sb.signup("alice", "", PW);
    sb.verify("alice", "hunter2-not-it").expect(1);
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    for _ in 0..2 {
        let n = listener.recv(&mut buffer).expect("a syslog message");
        received.push(String::from_utf8_lossy(&buffer[..n]).into_owned());
    }
    assert!(received[0].starts_with("<86>"), "{received:?}");
    assert!(
        received[0].contains("event=user_created user=\"alice\""),
        "{received:?}"
    );
    assert!(received[1].starts_with("<85>"), "{received:?}");
    assert!(received[1].contains("event=login_failed"), "{received:?}");
    assert!(
        !received.iter().any(|m| m.contains("hunter2")),
        "{received:?}"
    );
}
