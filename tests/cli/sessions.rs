//! login, whoami, logout and passwd, with two session files on one database standing for two
//! terminals.

use crate::on_both;
use crate::support::{Backend, Cmd, PW, Run, Sandbox, django, session_key_hash};
use serde_json::json;
use std::os::unix::fs::PermissionsExt;

const NEW: &str = "a whole new passphrase";

fn with_user(backend: Backend) -> Sandbox {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_SECRET_KEY", "test secret key for sessions");
    sb.signup("alice", "alice@example.com", PW);
    sb
}

on_both!(
    login_writes_a_private_session_file_and_whoami_names_the_user,
    default_session_file_lives_in_the_state_dir,
    the_database_keeps_only_a_hash_of_the_session_key,
    login_sets_last_login_and_session_expiry_from_session_age,
    failed_logins_all_look_the_same_and_write_nothing,
    logging_in_again_replaces_the_previous_session,
    passwd_keeps_this_session_and_ends_the_others,
    passwd_rejects_a_wrong_old_password_with_djangos_message,
    passwd_runs_the_validators,
    passwd_needs_two_lines_and_a_session,
    logout_removes_the_file_and_the_row_and_is_idempotent,
    logout_all_ends_every_session_of_the_user,
    sessions_expire_after_session_age,
    expired_rows_of_other_sessions_are_cleaned_up_at_login,
    deactivated_or_deleted_users_are_logged_out,
    a_password_changed_behind_our_back_ends_the_session,
    damaged_foreign_or_unreadable_session_files_mean_not_logged_in,
    logout_and_login_never_remove_or_replace_a_file_that_is_not_a_session,
    whoami_json_has_the_user_and_the_expiry,
    a_session_made_under_an_old_secret_key_survives_as_a_fallback,
    generated_secret_key_is_kept_private_in_the_config_dir,
    login_strips_spaces_around_the_username_like_djangos_form,
    session_facts_stay_true_whatever_django_or_the_admin_does,
);

/// `users show` counts the sessions that still let the user in, a user Django deletes takes
/// their session rows along, and `whoami` names the reason a session stopped working.
fn session_facts_stay_true_whatever_django_or_the_admin_does(backend: Backend) {
    let sb = with_user(backend);
    let count = |sb: &Sandbox| {
        let shown = sb.cmd(["--json", "users", "show", "alice"]).run();
        shown.expect(0);
        shown.json()["sessions"].as_i64().unwrap()
    };
    login(&sb, "a");
    login(&sb, "b");
    assert_eq!(count(&sb), 2);
    // Django changes the password: both rows stay, neither works.
    django(
        "set_password",
        json!({"database": sb.database, "username": "alice", "password": NEW}),
    );
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["2"]);
    assert_eq!(count(&sb), 0);
    // An expired row does not count either.
    login_with(&sb, "c", NEW);
    assert_eq!(count(&sb), 1);
    sb.exec("UPDATE authctl_session SET expires = '2000-01-01 00:00:00'");
    assert_eq!(count(&sb), 0);
    // Deactivated by the admin: the session ends, and whoami says why.
    login_with(&sb, "d", NEW);
    sb.cmd(["users", "set", "alice", "--inactive"])
        .run()
        .expect(0);
    assert_eq!(count(&sb), 0);
    whoami(&sb, "d")
        .expect(1)
        .stderr_has("the user is inactive");
    // Django deletes the user: the session rows go with it.
    sb.cmd(["users", "set", "alice", "--active"])
        .run()
        .expect(0);
    login_with(&sb, "e", NEW);
    assert_ne!(sb.sql("SELECT count(*) FROM authctl_session"), ["0"]);
    django(
        "delete_user",
        json!({"database": sb.database, "username": "alice"}),
    );
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["0"]);
    whoami(&sb, "e")
        .expect(1)
        .stderr_has("the user no longer exists");
}

/// The program on "terminal" `term`, which has its own session file.
fn on(sb: &Sandbox, term: &str) -> Cmd {
    let file = sb.path(&format!("sessions/{term}"));
    sb.cmd(["--session-file", file.to_str().unwrap()])
}

fn login(sb: &Sandbox, term: &str) {
    login_with(sb, term, PW);
}

fn login_with(sb: &Sandbox, term: &str, password: &str) {
    on(sb, term)
        .args(["login", "--username", "alice", "--password-stdin"])
        .stdin_line(password)
        .run()
        .expect(0)
        .stdout_is("Logged in as alice.\n");
}

fn whoami(sb: &Sandbox, term: &str) -> Run {
    on(sb, term).arg("whoami").run()
}

fn login_writes_a_private_session_file_and_whoami_names_the_user(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let file = sb.path("sessions/a");
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::metadata(sb.path("sessions"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
    whoami(&sb, "a").expect(0).stdout_is("alice\n");
}

fn default_session_file_lives_in_the_state_dir(backend: Backend) {
    let sb = with_user(backend);
    sb.login("alice", PW).expect(0);
    assert!(sb.dir.path().join("home/state/authctl/session").exists());
    sb.cmd(["whoami"]).run().expect(0).stdout_is("alice\n");
}

fn the_database_keeps_only_a_hash_of_the_session_key(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("sessions/a")).unwrap()).unwrap();
    let key = file["key"].as_str().unwrap();
    assert!(key.len() >= 22, "at least 128 bits: {key}");
    let rows = sb.sql("SELECT key_hash, user_id, created, expires FROM authctl_session");
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].contains(key), "the key itself is stored: {rows:?}");
    let sha = session_key_hash(key);
    assert!(rows[0].starts_with(&format!("{sha}|1|")), "{rows:?}");
}

fn login_sets_last_login_and_session_expiry_from_session_age(backend: Backend) {
    let mut sb = with_user(backend);
    sb.set("AUTHCTL_SESSION_AGE", "3600");
    assert_eq!(sb.sql("SELECT last_login FROM auth_user"), ["NULL"]);
    login(&sb, "a");
    let row = &sb.sql("SELECT last_login, created, expires FROM authctl_session JOIN auth_user ON auth_user.id = user_id")[0];
    let parts: Vec<_> = row
        .split('|')
        .map(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f").unwrap())
        .collect();
    assert_eq!(parts[0], parts[1], "last_login is the login time");
    assert_eq!((parts[2] - parts[1]).num_seconds(), 3600);
    assert!(
        (chrono::Utc::now().naive_utc() - parts[0])
            .num_seconds()
            .abs()
            < 60,
        "UTC"
    );
}

fn failed_logins_all_look_the_same_and_write_nothing(backend: Backend) {
    let sb = with_user(backend);
    sb.add_locked_out_users(PW);
    let mut seen = Vec::new();
    for (user, pw) in [
        ("alice", "wrong"),
        ("ghost", PW),
        ("sleepy", PW),
        ("nopass", PW),
    ] {
        let run = on(&sb, "a")
            .args(["login", "--username", user, "--password-stdin"])
            .stdin_line(pw)
            .run();
        run.expect(1).stdout_is("");
        seen.push(run.stderr());
        assert!(
            !sb.path("sessions/a").exists(),
            "a failed login wrote a session file"
        );
    }
    assert!(seen[0].contains(
        "Please enter a correct username and password. Note that both fields may be case-sensitive."
    ));
    assert!(seen.iter().all(|s| *s == seen[0]), "{seen:#?}");
    assert_eq!(
        sb.sql("SELECT count(*) FROM auth_user WHERE last_login IS NOT NULL"),
        ["0"]
    );
}

fn logging_in_again_replaces_the_previous_session(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let first = std::fs::read_to_string(sb.path("sessions/a")).unwrap();
    login(&sb, "a");
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["1"]);
    std::fs::write(sb.path("sessions/old"), first).unwrap();
    whoami(&sb, "old")
        .expect(1)
        .stderr_has("the session has ended");
    whoami(&sb, "a").expect(0);
}

fn passwd_keeps_this_session_and_ends_the_others(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    login(&sb, "b");
    on(&sb, "a")
        .args(["passwd", "--password-stdin"])
        .stdin(format!("{PW}\n{NEW}\n"))
        .run()
        .expect(0)
        .stdout_is("Your password was changed.\n");
    whoami(&sb, "a").expect(0).stdout_is("alice\n");
    whoami(&sb, "b").expect(1).stderr_has("not logged in");
    sb.verify("alice", NEW).expect(0);
}

fn passwd_rejects_a_wrong_old_password_with_djangos_message(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let before = sb.sql("SELECT password FROM auth_user");
    on(&sb, "a")
        .args(["passwd", "--password-stdin"])
        .stdin(format!("not it\n{NEW}\n"))
        .run()
        .expect(1)
        .stderr_has("Your old password was entered incorrectly. Please enter it again.");
    assert_eq!(sb.sql("SELECT password FROM auth_user"), before);
    whoami(&sb, "a").expect(0);
}

fn passwd_runs_the_validators(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    on(&sb, "a")
        .args(["passwd", "--password-stdin"])
        .stdin(format!("{PW}\nalice\n"))
        .run()
        .expect(3)
        .stderr_has("This password is too short.")
        .stderr_has("The password is too similar to the username.");
}

fn passwd_needs_two_lines_and_a_session(backend: Backend) {
    let sb = with_user(backend);
    on(&sb, "a")
        .args(["passwd", "--password-stdin"])
        .stdin(format!("{PW}\n{NEW}\n"))
        .run()
        .expect(1)
        .stderr_has("not logged in");
    login(&sb, "a");
    on(&sb, "a")
        .args(["passwd", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(2)
        .stderr_has("must hold exactly two lines");
    on(&sb, "a")
        .arg("passwd")
        .run()
        .expect(2)
        .stderr_has("--password-stdin");
}

fn logout_removes_the_file_and_the_row_and_is_idempotent(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    login(&sb, "b");
    on(&sb, "a")
        .arg("logout")
        .run()
        .expect(0)
        .stdout_is("Logged out.\n");
    assert!(!sb.path("sessions/a").exists());
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["1"]);
    on(&sb, "a")
        .arg("logout")
        .run()
        .expect(0)
        .stdout_is("Not logged in.\n");
    whoami(&sb, "a").expect(1);
    whoami(&sb, "b").expect(0);
}

fn logout_all_ends_every_session_of_the_user(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    login(&sb, "b");
    let run = on(&sb, "a").args(["logout", "--all", "--json"]).run();
    run.expect(0);
    assert_eq!(run.json(), json!({"sessions_ended": 2}));
    whoami(&sb, "b")
        .expect(1)
        .stderr_has("the session has ended");
}

fn sessions_expire_after_session_age(backend: Backend) {
    let mut sb = with_user(backend);
    sb.set("AUTHCTL_SESSION_AGE", "1");
    login(&sb, "a");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("the session expired at");
    assert_eq!(
        sb.sql("SELECT count(*) FROM authctl_session"),
        ["0"],
        "an expired row is cleaned up"
    );
}

fn expired_rows_of_other_sessions_are_cleaned_up_at_login(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    sb.exec("UPDATE authctl_session SET expires = '2001-01-01 00:00:00'");
    login(&sb, "b");
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["1"]);
}

fn deactivated_or_deleted_users_are_logged_out(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    sb.exec("UPDATE auth_user SET is_active = false");
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("the user is inactive");
    sb.exec("UPDATE auth_user SET is_active = true");
    whoami(&sb, "a").expect(0);
    sb.exec("DELETE FROM auth_user");
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("the user no longer exists");
}

fn a_password_changed_behind_our_back_ends_the_session(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--update",
        "--username",
        "alice",
        "--password-stdin",
    ])
    .stdin_line(NEW)
    .run()
    .expect(0);
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("changed since this login");
}

fn damaged_foreign_or_unreadable_session_files_mean_not_logged_in(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let good = std::fs::read_to_string(sb.path("sessions/a")).unwrap();
    std::fs::write(sb.path("sessions/a"), "garbage{").unwrap();
    whoami(&sb, "a").expect(1).stderr_has("is damaged");
    std::fs::write(sb.path("sessions/a"), &good[..good.len() / 2]).unwrap();
    whoami(&sb, "a").expect(1).stderr_has("is damaged");
    std::fs::write(
        sb.path("sessions/a"),
        good.replace("\"key\": \"", "\"key\": \"x"),
    )
    .unwrap();
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("the session has ended");
    let other = sb.path("other.sqlite3");
    sb.cmd([
        "--database",
        other.to_str().unwrap(),
        "signup",
        "--username",
        "x",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(0);
    std::fs::write(sb.path("sessions/a"), &good).unwrap();
    on(&sb, "a")
        .args(["--database", other.to_str().unwrap(), "whoami"])
        .run()
        .expect(1)
        .stderr_has("the session file is for database");
    std::fs::remove_file(sb.path("sessions/a")).unwrap();
    std::fs::create_dir(sb.path("sessions/a")).unwrap();
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("cannot read session file");
    whoami(&sb, "none").expect(1).stderr_has("no session file");
}

fn logout_and_login_never_remove_or_replace_a_file_that_is_not_a_session(backend: Backend) {
    let sb = with_user(backend);
    std::fs::create_dir_all(sb.path("sessions")).unwrap();
    let notes = "my notes: buy milk\n";
    std::fs::write(sb.path("sessions/a"), notes).unwrap();
    on(&sb, "a")
        .arg("logout")
        .run()
        .expect(0)
        .stdout_is("Not logged in.\n");
    on(&sb, "a")
        .args(["login", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("will not replace")
        .stderr_has("not an authctl session file");
    assert_eq!(
        std::fs::read_to_string(sb.path("sessions/a")).unwrap(),
        notes
    );
    // An empty file holds nothing to lose: login takes it, logout removes it.
    std::fs::write(sb.path("sessions/a"), "").unwrap();
    on(&sb, "a").arg("logout").run().expect(0);
    assert!(!sb.path("sessions/a").exists());
    std::fs::write(sb.path("sessions/a"), "").unwrap();
    on(&sb, "a")
        .args(["login", "--username", "alice", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
}

fn whoami_json_has_the_user_and_the_expiry(backend: Backend) {
    let sb = with_user(backend);
    login(&sb, "a");
    let run = on(&sb, "a").args(["whoami", "--json"]).run();
    run.expect(0);
    let json = run.json();
    assert_eq!(json["username"], "alice");
    assert_eq!(json["email"], "alice@example.com");
    assert_eq!(json["is_staff"], false);
    assert!(json["last_login"].as_str().unwrap().ends_with('Z'));
    assert!(json["session_expires"].as_str().unwrap() > json["last_login"].as_str().unwrap());
}

fn a_session_made_under_an_old_secret_key_survives_as_a_fallback(backend: Backend) {
    let mut sb = with_user(backend);
    login(&sb, "a");
    sb.set("AUTHCTL_SECRET_KEY", "the new key");
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("changed since this login");
    sb.set(
        "AUTHCTL_SECRET_KEY_FALLBACKS",
        "test secret key for sessions",
    );
    whoami(&sb, "a").expect(0);
}

fn generated_secret_key_is_kept_private_in_the_config_dir(backend: Backend) {
    let mut sb = with_user(backend);
    sb.unset("AUTHCTL_SECRET_KEY");
    login(&sb, "a");
    let key_file = sb.dir.path().join("home/config/authctl/secret_key");
    let key = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(key.len(), 50);
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    whoami(&sb, "a").expect(0);
    let dump = sb.sql("SELECT * FROM authctl_session").join("\n")
        + &sb.sql("SELECT * FROM auth_user").join("\n");
    assert!(
        !dump.contains(&key),
        "the secret key leaked into the database"
    );
}

#[test]
fn session_auth_hash_equals_djangos_and_a_django_password_change_logs_out() {
    let mut sb = Sandbox::new();
    let secret = "django-insecure-shared-secret";
    sb.set("AUTHCTL_SECRET_KEY", secret);
    sb.django_project("dj", "dj@example.com", PW);
    on(&sb, "a")
        .args(["login", "--username", "dj", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
    let ours = sb.sql("SELECT auth_hash FROM authctl_session")[0].clone();
    let theirs = django(
        "session_auth_hash",
        json!({"database": sb.db, "secret_key": secret, "username": "dj"}),
    );
    assert_eq!(theirs["hash"], ours);
    whoami(&sb, "a").expect(0);
    django(
        "set_password",
        json!({"database": sb.db, "username": "dj", "password": NEW}),
    );
    whoami(&sb, "a")
        .expect(1)
        .stderr_has("changed since this login");
}

fn login_strips_spaces_around_the_username_like_djangos_form(backend: Backend) {
    let sb = with_user(backend);
    on(&sb, "a")
        .args(["login", "--username", " alice ", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0)
        .stdout_is("Logged in as alice.\n");
}
