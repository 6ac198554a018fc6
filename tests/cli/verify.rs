use crate::support::Sandbox;

const PW: &str = "correct horse battery staple";

fn with_user(username: &str) -> Sandbox {
    let sb = Sandbox::new();
    sb.signup(username, "", PW);
    sb
}

fn verify(sb: &Sandbox, username: &str, password: &str, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["verify", "--username", username, "--password-stdin"];
    args.extend_from_slice(extra);
    sb.run(&args, &format!("{password}\n"))
}

#[test]
fn valid_pair_exits_0_and_prints_nothing() {
    let sb = with_user("alice");
    let run = verify(&sb, "alice", PW, &[]);
    run.expect(0).stdout_is("");
    assert_eq!(run.stderr(), "");
}

#[test]
fn wrong_password_unknown_user_inactive_and_unusable_all_look_the_same() {
    let sb = with_user("alice");
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
            let run = verify(&sb, user, pw, &[]);
            run.expect(1);
            (run.stdout(), run.stderr())
        })
        .collect();
    for output in &outputs {
        assert_eq!(output, &(String::new(), String::new()), "{cases:?}");
    }
}

#[test]
fn username_lookup_is_case_sensitive_like_django() {
    let sb = with_user("alice");
    verify(&sb, "Alice", PW, &[]).expect(1);
}

#[test]
fn json_reports_validity_in_both_cases() {
    let sb = with_user("alice");
    let ok = verify(&sb, "alice", PW, &["--json"]);
    ok.expect(0);
    assert_eq!(
        ok.json(),
        serde_json::json!({"valid": true, "username": "alice"})
    );
    let no = verify(&sb, "alice", "nope", &["--json"]);
    no.expect(1);
    assert_eq!(
        no.json(),
        serde_json::json!({"valid": false, "username": "alice"})
    );
}

#[test]
fn verbose_explains_a_denial_on_stderr() {
    let sb = with_user("alice");
    verify(&sb, "alice", "nope", &["-v"])
        .expect(1)
        .stdout_is("")
        .stderr_has("Please enter a correct username and password.");
}

#[test]
fn verify_changes_nothing_and_starts_no_session() {
    let sb = with_user("alice");
    let before = sb.sql("SELECT * FROM auth_user");
    verify(&sb, "alice", PW, &[]).expect(0);
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
    let tables = sb.sql("SELECT name FROM sqlite_master WHERE name LIKE 'authctl_%'");
    assert!(
        tables.is_empty() || sb.sql("SELECT count(*) FROM authctl_session") == ["0"],
        "{tables:?}"
    );
    assert!(!sb.dir.path().join("home/state/authctl/session").exists());
}

#[test]
fn outdated_hash_is_upgraded_on_success_only() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("old", "", PW);
    let old = sb.sql("SELECT password FROM auth_user")[0].clone();
    assert!(old.starts_with("pbkdf2_sha256$100$"), "{old}");
    sb.set("AUTHCTL_HASHER", "argon2");
    verify(&sb, "old", "wrong", &[]).expect(1);
    assert_eq!(
        sb.sql("SELECT password FROM auth_user")[0],
        old,
        "a failed check must not rewrite the hash"
    );
    verify(&sb, "old", PW, &["-v"])
        .expect(0)
        .stderr_has("re-encoded the password hash with argon2");
    let new = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(new.starts_with("argon2$argon2id$"), "{new}");
    verify(&sb, "old", PW, &[]).expect(0);
}

#[test]
fn more_iterations_configured_means_upgrade() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("old", "", PW);
    sb.set("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "150");
    verify(&sb, "old", PW, &[]).expect(0);
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
    verify(&sb, "old", PW, &["--database", &uri])
        .expect(0)
        .stdout_is("");
    verify(&sb, "old", PW, &["--database", &uri, "-v"])
        .expect(0)
        .stderr_has("could not upgrade the password hash");
    verify(&sb, "old", "wrong", &["--database", &uri]).expect(1);
    assert_eq!(sb.sql("SELECT password FROM auth_user"), before);
}

#[test]
fn missing_username_without_terminal_names_the_flag() {
    let sb = with_user("alice");
    sb.run(&["verify", "--password-stdin"], "x\n")
        .expect(2)
        .stderr_has("--username");
}

#[test]
fn extra_or_non_utf8_input_is_refused_not_guessed() {
    let sb = with_user("alice");
    sb.run(
        &["verify", "--username", "alice", "--password-stdin"],
        &format!("{PW}\nextra\n"),
    )
    .expect(2)
    .stderr_has("must hold exactly one line");
    sb.run(
        &["verify", "--username", "alice", "--password-stdin"],
        &format!("{PW}\n\n\n"),
    )
    .expect(0);
    let mut cmd = sb.command(&["verify", "--username", "alice", "--password-stdin"]);
    cmd.stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"caf\xe9\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input is not UTF-8 text"));
}
