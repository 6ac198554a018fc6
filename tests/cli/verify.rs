use crate::on_both;
use crate::support::{Backend, PW, Run, Sandbox, cheap};

fn with_user(backend: Backend, username: &str) -> Sandbox {
    let sb = Sandbox::on(backend);
    sb.signup(username, "", PW);
    sb
}

on_both!(
    valid_pair_exits_0_and_prints_nothing,
    wrong_password_unknown_user_inactive_and_unusable_all_look_the_same,
    username_lookup_is_case_sensitive_like_django,
    json_reports_validity_in_both_cases,
    verbose_explains_a_denial_on_stderr,
    verify_changes_nothing_and_starts_no_session,
    outdated_hash_is_upgraded_on_success_only,
    more_iterations_configured_means_upgrade,
);

/// `verify` for this user with more arguments; the password goes to standard input.
fn verify_with(sb: &Sandbox, username: &str, password: &str, extra: &[&str]) -> Run {
    sb.cmd(["verify", "--username", username, "--password-stdin"])
        .args(extra)
        .stdin_line(password)
        .run()
}

fn valid_pair_exits_0_and_prints_nothing(backend: Backend) {
    let sb = with_user(backend, "alice");
    sb.verify("alice", PW).expect(0).stdout_is("").stderr_is("");
}

fn wrong_password_unknown_user_inactive_and_unusable_all_look_the_same(backend: Backend) {
    let sb = with_user(backend, "alice");
    sb.add_locked_out_users(PW);
    let cases = [
        ("alice", "wrong password"),
        ("nobody", PW),
        ("sleepy", PW),
        ("nopass", PW),
        ("alice", ""),
    ];
    let outputs: Vec<_> = cases
        .iter()
        .map(|(user, pw)| {
            let run = sb.verify(user, pw);
            run.expect(1);
            (run.stdout(), run.stderr())
        })
        .collect();
    for output in &outputs {
        assert_eq!(output, &(String::new(), String::new()), "{cases:?}");
    }
}

fn username_lookup_is_case_sensitive_like_django(backend: Backend) {
    let sb = with_user(backend, "alice");
    sb.verify("Alice", PW).expect(1);
}

fn json_reports_validity_in_both_cases(backend: Backend) {
    let sb = with_user(backend, "alice");
    let ok = verify_with(&sb, "alice", PW, &["--json"]);
    ok.expect(0);
    assert_eq!(
        ok.json(),
        serde_json::json!({"valid": true, "username": "alice"})
    );
    let no = verify_with(&sb, "alice", "nope", &["--json"]);
    no.expect(1);
    assert_eq!(
        no.json(),
        serde_json::json!({"valid": false, "username": "alice"})
    );
}

fn verbose_explains_a_denial_on_stderr(backend: Backend) {
    let sb = with_user(backend, "alice");
    verify_with(&sb, "alice", "nope", &["-v"])
        .expect(1)
        .stdout_is("")
        .stderr_has("Please enter a correct username and password.");
}

fn verify_changes_nothing_and_starts_no_session(backend: Backend) {
    let sb = with_user(backend, "alice");
    let before = sb.sql("SELECT * FROM auth_user");
    sb.verify("alice", PW).expect(0);
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
    let shown = sb.cmd(["users", "show", "alice", "--json"]).run();
    assert_eq!(shown.json()["sessions"], 0, "{shown:?}");
    assert!(!sb.dir.path().join("home/state/authctl/session").exists());
}

fn outdated_hash_is_upgraded_on_success_only(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("old", "", PW);
    let old = sb.sql("SELECT password FROM auth_user")[0].clone();
    let cheap_pbkdf2 = format!(
        "pbkdf2_sha256${}$",
        cheap("AUTHCTL_PBKDF2_SHA256_ITERATIONS")
    );
    assert!(old.starts_with(&cheap_pbkdf2), "{old}");
    sb.set("AUTHCTL_HASHER", "argon2");
    sb.verify("old", "wrong").expect(1);
    assert_eq!(
        sb.sql("SELECT password FROM auth_user")[0],
        old,
        "a failed check must not rewrite the hash"
    );
    verify_with(&sb, "old", PW, &["-v"])
        .expect(0)
        .stderr_has("re-encoded the password hash with argon2");
    let new = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(new.starts_with("argon2$argon2id$"), "{new}");
    sb.verify("old", PW).expect(0);
}

fn more_iterations_configured_means_upgrade(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("old", "", PW);
    sb.set("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "150");
    sb.verify("old", PW).expect(0);
    assert!(sb.sql("SELECT password FROM auth_user")[0].starts_with("pbkdf2_sha256$150$"));
}

#[test]
fn read_only_database_still_answers_and_warns_with_v() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_HASHER", "md5");
    sb.signup("old", "", PW);
    let before = sb.sql("SELECT password FROM auth_user");
    sb.set("AUTHCTL_HASHER", "argon2");
    let uri = format!("file:{}?mode=ro", sb.db.display());
    verify_with(&sb, "old", PW, &["--database", &uri])
        .expect(0)
        .stdout_is("");
    verify_with(&sb, "old", PW, &["--database", &uri, "-v"])
        .expect(0)
        .stderr_has("could not upgrade the password hash");
    verify_with(&sb, "old", "wrong", &["--database", &uri]).expect(1);
    assert_eq!(sb.sql("SELECT password FROM auth_user"), before);
}

#[test]
fn missing_username_without_terminal_names_the_flag() {
    let sb = with_user(Backend::Sqlite, "alice");
    sb.cmd(["verify", "--password-stdin"])
        .stdin_line("x")
        .run()
        .expect(2)
        .stderr_has("--username");
}

#[test]
fn extra_or_non_utf8_input_is_refused_not_guessed() {
    let sb = with_user(Backend::Sqlite, "alice");
    sb.cmd(["verify", "--username", "alice", "--password-stdin"])
        .stdin(format!("{PW}\nextra\n"))
        .run()
        .expect(2)
        .stderr_has("must hold exactly one line");
    sb.cmd(["verify", "--username", "alice", "--password-stdin"])
        .stdin(format!("{PW}\n\n\n"))
        .run()
        .expect(0);
    sb.cmd(["verify", "--username", "alice", "--password-stdin"])
        .stdin(b"caf\xe9\n")
        .run()
        .expect(3)
        .stderr_has("standard input is not UTF-8 text");
}
