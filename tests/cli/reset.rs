//! Password reset: Django-compatible tokens, reset-request and reset-confirm.

use crate::on_both;
use crate::support::{
    Backend, PW, Run, Sandbox, TokenUser, django, reset_token, reset_token_is_valid, uidb64,
};
use serde_json::{Value, json};

const NEW: &str = "a completely new passphrase";
const SECRET: &str = "django-insecure-reset-tests";
/// Django's default PASSWORD_RESET_TIMEOUT, three days.
const TIMEOUT: u64 = 259_200;

fn user(id: i64, password: &str, last_login: Option<&str>, email: &str) -> TokenUser {
    TokenUser {
        id,
        password: password.into(),
        last_login: last_login.map(String::from),
        email: email.into(),
    }
}

#[test]
fn tokens_are_djangos_tokens() {
    let now = "2026-11-25 12:00:00";
    let users = [
        user(
            7,
            "pbkdf2_sha256$1000000$abc$def=",
            Some("2026-11-20 10:11:12.345678"),
            "u@example.com",
        ),
        user(
            8,
            "argon2$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
            None,
            "",
        ),
        user(
            123456,
            "!unusable",
            Some("2001-01-01 00:00:00"),
            "zoë@exämple.com",
        ),
    ];
    let moments = [now, "2001-01-01 00:00:05", "2068-12-31 23:59:59"];
    let mut make = Vec::new();
    let mut ours = Vec::new();
    for u in &users {
        for moment in moments {
            make.push(json!({"user": u.to_json(), "now": moment}));
            ours.push(reset_token(u, SECRET, moment));
        }
    }
    let answer = django(
        "tokens",
        json!({"secret_key": SECRET, "make": make, "check": []}),
    );
    assert_eq!(answer["made"], json!(ours));
}

#[test]
fn token_checks_agree_with_django_case_by_case() {
    let now = "2026-11-25 12:00:00";
    let base = user(
        7,
        "pbkdf2_sha256$1000000$abc$def=",
        Some("2026-11-20 10:11:12.345678"),
        "u@example.com",
    );
    let token = reset_token(&base, SECRET, now);
    let changed = |f: &dyn Fn(&mut TokenUser)| {
        let mut u = base.clone();
        f(&mut u);
        u
    };
    // (what is checked, the user as authctl and Django see it, token, now, expected answer)
    type Case<'a> = (&'a str, TokenUser, String, &'a str, bool);
    let cases: Vec<Case> = vec![
        ("fresh", base.clone(), token.clone(), now, true),
        (
            "at the timeout",
            base.clone(),
            token.clone(),
            "2026-11-28 12:00:00",
            true,
        ),
        (
            "one second past",
            base.clone(),
            token.clone(),
            "2026-11-28 12:00:01",
            false,
        ),
        (
            "password changed",
            changed(&|u| u.password = "md5$x$y".into()),
            token.clone(),
            now,
            false,
        ),
        (
            "logged in since",
            changed(&|u| u.last_login = Some("2026-11-25 12:00:00".into())),
            token.clone(),
            now,
            false,
        ),
        (
            "microseconds only",
            changed(&|u| u.last_login = Some("2026-11-20 10:11:12.999999".into())),
            token.clone(),
            now,
            true,
        ),
        (
            "email changed",
            changed(&|u| u.email = "v@example.com".into()),
            token.clone(),
            now,
            false,
        ),
        (
            "another user",
            changed(&|u| u.id = 8),
            token.clone(),
            now,
            false,
        ),
        ("empty", base.clone(), String::new(), now, false),
        ("no dash", base.clone(), token.replace('-', ""), now, false),
        ("two dashes", base.clone(), format!("{token}-x"), now, false),
        ("upper case", base.clone(), token.to_uppercase(), now, false),
        (
            "truncated",
            base.clone(),
            token[..token.len() - 1].to_string(),
            now,
            false,
        ),
        (
            "huge timestamp",
            base.clone(),
            format!("zzzzzzzzzzzzzz{}", &token[token.find('-').unwrap()..]),
            now,
            false,
        ),
    ];
    let check: Vec<Value> = cases
        .iter()
        .map(|(_, u, t, n, _)| json!({"user": u.to_json(), "token": t, "now": n}))
        .collect();
    let answer = django(
        "tokens",
        json!({"secret_key": SECRET, "make": [], "check": check}),
    );
    let theirs = answer["checked"].as_array().unwrap();
    assert_eq!(theirs.len(), cases.len(), "Django answered {answer}");
    for ((name, u, t, n, expected), theirs) in cases.iter().zip(theirs) {
        let ours = reset_token_is_valid(u, t, SECRET, &[], n, TIMEOUT);
        assert_eq!(json!(ours), *theirs, "authctl and Django disagree: {name}");
        assert_eq!(ours, *expected, "unexpected answer: {name}");
    }
}

#[test]
fn fallback_secret_keys_are_accepted_like_djangos() {
    let now = "2026-11-25 12:00:00";
    let u = user(3, "pbkdf2_sha256$1$a$b", None, "x@example.com");
    let old_token = reset_token(&u, "old key", now);
    let check = json!([{"user": u.to_json(), "token": old_token, "now": now}]);
    let with = django(
        "tokens",
        json!({"secret_key": "new key", "secret_key_fallbacks": ["old key"], "make": [], "check": check}),
    );
    let without = django(
        "tokens",
        json!({"secret_key": "new key", "make": [], "check": check}),
    );
    assert_eq!(with["checked"], json!([true]));
    assert_eq!(without["checked"], json!([false]));
    assert!(reset_token_is_valid(
        &u,
        &old_token,
        "new key",
        &["old key"],
        now,
        TIMEOUT
    ));
    assert!(!reset_token_is_valid(
        &u,
        &old_token,
        "new key",
        &[],
        now,
        TIMEOUT
    ));
}

on_both!(
    request_then_confirm_sets_the_password,
    a_token_is_spent_once_used,
    a_login_after_the_request_spends_the_token,
    bad_links_are_all_the_same_denial,
    an_expired_token_is_refused,
    the_whole_link_is_accepted_as_one_argument,
    new_password_is_validated_and_the_token_survives_a_failed_try,
    a_reset_ends_every_session_of_the_user,
    requests_look_the_same_whoever_the_address_belongs_to,
    every_user_sharing_the_address_gets_their_own_email,
    malformed_email_is_exit_3,
    console_backend_prints_the_message_like_django,
    json_mode_keeps_stdout_one_object,
    generated_secret_key_signs_and_checks_tokens,
    file_backend_without_directory_is_exit_4,
    file_backend_messages_are_private,
    configuration_problems_fail_every_request_alike,
    an_address_the_mailer_cannot_take_still_looks_like_any_other,
    the_command_in_the_email_works_exactly_as_written,
);

fn sandbox(backend: Backend) -> Sandbox {
    let mut sb = Sandbox::on(backend);
    let maildir = sb.path("mail");
    sb.set("AUTHCTL_SECRET_KEY", SECRET)
        .set("AUTHCTL_EMAIL_BACKEND", "file")
        .set("AUTHCTL_EMAIL_FILE_DIR", maildir.to_str().unwrap());
    sb
}

/// Every message the file backend wrote, oldest first, once the sender has emptied the outbox.
fn mails(sb: &Sandbox) -> Vec<String> {
    sb.wait_for_outbox();
    let Ok(dir) = std::fs::read_dir(sb.path("mail")) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The `reset-confirm UIDB64 TOKEN` part of the message's command, as arguments (the sandbox
/// supplies the database itself).
pub fn command_in(mail: &str) -> Vec<String> {
    let line = command_line(mail);
    let start = line
        .find("reset-confirm ")
        .expect("a reset-confirm command");
    line[start..].split_whitespace().map(String::from).collect()
}

/// The whole `authctl …` line of a message.
fn command_line(mail: &str) -> &str {
    mail.lines()
        .map(str::trim)
        .find(|l| l.starts_with("authctl "))
        .unwrap_or_else(|| panic!("no authctl command in:\n{mail}"))
}

fn confirm(sb: &Sandbox, command: &[String], password: &str) -> Run {
    sb.cmd(command)
        .arg("--password-stdin")
        .stdin_line(password)
        .run()
}

fn request_then_confirm_sets_the_password(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "Alice@Example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@EXAMPLE.com"])
        .run()
        .expect(0);
    let mail = mails(&sb);
    assert_eq!(mail.len(), 1);
    assert!(mail[0].contains("To: Alice@example.com"), "{}", mail[0]);
    assert!(
        mail[0].contains("Subject: Password reset on localhost"),
        "{}",
        mail[0]
    );
    confirm(&sb, &command_in(&mail[0]), NEW)
        .expect(0)
        .stdout_is("Your password has been set. You may go ahead and log in now.\n");
    sb.verify("alice", NEW).expect(0);
    sb.verify("alice", PW).expect(1);
}

fn a_token_is_spent_once_used(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let command = command_in(&mails(&sb)[0]);
    confirm(&sb, &command, NEW).expect(0);
    confirm(&sb, &command, "yet another passphrase")
        .expect(1)
        .stderr_has("The password reset link was invalid, possibly because it has already been used. Please request a new password reset.");
}

fn a_login_after_the_request_spends_the_token(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let command = command_in(&mails(&sb)[0]);
    sb.login("alice", PW).expect(0);
    confirm(&sb, &command, NEW).expect(1);
}

fn bad_links_are_all_the_same_denial(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let command = command_in(&mails(&sb)[0]);
    let (uid, token) = (command[1].clone(), command[2].clone());
    let before = sb.sql("SELECT password FROM auth_user");
    for (u, t) in [
        (uid.as_str(), "1-abc"),
        ("Mg", token.as_str()),
        ("!!!", token.as_str()),
        ("", token.as_str()),
        ("OTk5OTk5OTk5OTk5OTk5OTk5OTk5", token.as_str()),
        (uid.as_str(), ""),
    ] {
        sb.cmd(["reset-confirm", u, t, "--password-stdin"])
            .stdin_line(NEW)
            .run()
            .expect(1)
            .stderr_has("The password reset link was invalid");
    }
    assert_eq!(sb.sql("SELECT password FROM auth_user"), before);
}

fn an_expired_token_is_refused(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    // Alice as the database holds her, which is what the program checks a token against.
    let row =
        sb.sql("SELECT id, password, last_login, email FROM auth_user WHERE username = 'alice'");
    let [id, password, last_login, email]: [&str; 4] =
        row[0].split('|').collect::<Vec<_>>().try_into().unwrap();
    let last_login = Some(last_login).filter(|t| *t != "NULL");
    let alice = user(id.parse().unwrap(), password, last_login, email);
    let four_days_ago = (chrono::Utc::now() - chrono::Duration::days(4))
        .format("%Y-%m-%d %H:%M:%S%.f")
        .to_string();
    let token = reset_token(&alice, SECRET, &four_days_ago);
    let uid = uidb64(alice.id);
    sb.cmd(["reset-confirm", &uid, &token, "--password-stdin"])
        .stdin_line(NEW)
        .run()
        .expect(1)
        .stderr_has("The password reset link was invalid");
    sb.cmd(["reset-confirm", &uid, &token, "--password-stdin"])
        .env("AUTHCTL_PASSWORD_RESET_TIMEOUT", (5 * 86_400).to_string())
        .stdin_line(NEW)
        .run()
        .expect(0);
}

fn the_whole_link_is_accepted_as_one_argument(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.set(
        "AUTHCTL_RESET_URL",
        "https://example.com/accounts/reset/{uidb64}/{token}/",
    );
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let mail = &mails(&sb)[0];
    let link = mail
        .lines()
        .find(|l| l.starts_with("https://example.com/accounts/reset/"))
        .unwrap_or_else(|| panic!("no link in {mail}"));
    let command = command_in(mail);
    assert_eq!(
        link,
        format!(
            "https://example.com/accounts/reset/{}/{}/",
            command[1], command[2]
        )
    );
    sb.cmd(["reset-confirm", link, "--password-stdin"])
        .stdin_line(NEW)
        .run()
        .expect(0);
}

fn new_password_is_validated_and_the_token_survives_a_failed_try(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let command = command_in(&mails(&sb)[0]);
    confirm(&sb, &command, "alice")
        .expect(3)
        .stderr_has("This password is too short.");
    confirm(&sb, &command, NEW).expect(0);
}

fn a_reset_ends_every_session_of_the_user(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.login("alice", PW).expect(0);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    confirm(&sb, &command_in(&mails(&sb)[0]), NEW).expect(0);
    sb.cmd(["whoami"])
        .run()
        .expect(1)
        .stderr_has("not logged in");
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["0"]);
}

fn requests_look_the_same_whoever_the_address_belongs_to(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("known", "known@example.com", PW);
    sb.add_locked_out_users(PW);
    let runs: Vec<_> = [
        "known@example.com",
        "nobody@example.com",
        "sleepy@example.com",
        "nopass@example.com",
    ]
    .iter()
    .map(|email| sb.cmd(["reset-request", "--email", email]).run())
    .collect();
    for run in &runs {
        run.expect(0);
        assert_eq!(run.0.stdout, runs[0].0.stdout, "stdout differs: {run:?}");
        assert_eq!(run.0.stderr, runs[0].0.stderr, "stderr differs: {run:?}");
    }
    assert_eq!(
        mails(&sb).len(),
        1,
        "only the active user with a usable password gets mail"
    );
}

fn every_user_sharing_the_address_gets_their_own_email(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("one", "shared@example.com", PW);
    sb.signup("two", "SHARED@example.com", PW);
    sb.cmd(["reset-request", "--email", "shared@example.com"])
        .run()
        .expect(0);
    let mail = mails(&sb);
    assert_eq!(mail.len(), 2);
    let mut names: Vec<_> = mail
        .iter()
        .map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("In case you\u{2019}ve forgotten, you are: "))
                .unwrap()
                .to_string()
        })
        .collect();
    names.sort();
    assert_eq!(names, ["one", "two"]);
}

fn malformed_email_is_exit_3(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "not an address"])
        .run()
        .expect(3)
        .stderr_has("Enter a valid email address.");
}

fn console_backend_prints_the_message_like_django(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.set("AUTHCTL_EMAIL_BACKEND", "console")
        .set("AUTHCTL_SITE_NAME", "Example Site");
    sb.signup("zoë", "zoe@example.com", PW);
    let run = sb
        .cmd(["reset-request", "--email", "zoe@example.com"])
        .run();
    run.expect(0);
    let out = run.stdout();
    assert!(out.starts_with("From: webmaster@localhost\n"), "{out}");
    assert!(
        out.contains("Subject: Password reset on Example Site\n"),
        "{out}"
    );
    assert!(
        out.contains("Content-Type: text/plain; charset=\"utf-8\"\n"),
        "{out}"
    );
    assert!(out.contains("Content-Transfer-Encoding: 8bit\n"), "{out}");
    assert!(
        out.contains("In case you\u{2019}ve forgotten, you are: zoë\n"),
        "readable UTF-8: {out}"
    );
    assert!(out.contains(&format!("\n{}\n", "-".repeat(79))), "{out}");
    assert!(out.ends_with("You should receive them shortly.\n"), "{out}");
    let command = command_in(&out);
    confirm(&sb, &command, NEW).expect(0);
}

fn json_mode_keeps_stdout_one_object(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.set("AUTHCTL_EMAIL_BACKEND", "console");
    sb.signup("alice", "alice@example.com", PW);
    let run = sb
        .cmd(["--json", "reset-request", "--email", "alice@example.com"])
        .run();
    run.expect(0);
    assert_eq!(run.json(), json!({"requested": true}));
    assert!(run.stderr().contains(" reset-confirm "));
}

fn generated_secret_key_signs_and_checks_tokens(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.unset("AUTHCTL_SECRET_KEY");
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    confirm(&sb, &command_in(&mails(&sb)[0]), NEW).expect(0);
    assert!(
        sb.dir
            .path()
            .join("home/config/authctl/secret_key")
            .exists()
    );
}

fn file_backend_without_directory_is_exit_4(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.unset("AUTHCTL_EMAIL_FILE_DIR");
    sb.cmd(["reset-request", "--email", "a@example.com"])
        .run()
        .expect(4)
        .stderr_has("email.file_dir");
}

fn django_site() -> Sandbox {
    let sb = sandbox(Backend::Sqlite);
    sb.django_project("dj", "dj@example.com", PW);
    sb
}

#[test]
fn a_token_made_by_django_resets_with_authctl() {
    let sb = django_site();
    let made = django(
        "db_make_token",
        json!({"database": sb.db, "secret_key": SECRET, "username": "dj"}),
    );
    let (uid, token) = (
        made["uidb64"].as_str().unwrap(),
        made["token"].as_str().unwrap(),
    );
    sb.cmd(["reset-confirm", uid, token, "--password-stdin"])
        .stdin_line(NEW)
        .run()
        .expect(0);
    let login = django(
        "authenticate",
        json!({"database": sb.db, "username": "dj", "password": NEW}),
    );
    assert_eq!(login["authenticated"], true, "{login}");
}

#[test]
fn a_token_from_an_authctl_email_passes_djangos_check() {
    let sb = django_site();
    sb.cmd(["reset-request", "--email", "DJ@example.com"])
        .run()
        .expect(0);
    let command = command_in(&mails(&sb)[0]);
    let check = django(
        "db_check_token",
        json!({"database": sb.db, "secret_key": SECRET, "uidb64": command[1], "token": command[2]}),
    );
    assert_eq!(check["valid"], true);
    let wrong_key = django(
        "db_check_token",
        json!({"database": sb.db, "secret_key": "another", "uidb64": command[1], "token": command[2]}),
    );
    assert_eq!(wrong_key["valid"], false);
}

fn file_backend_messages_are_private(backend: Backend) {
    use std::os::unix::fs::PermissionsExt;
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let dir = sb.path("mail");
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    for entry in std::fs::read_dir(&dir).unwrap() {
        let mode = entry.unwrap().metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

fn configuration_problems_fail_every_request_alike(backend: Backend) {
    let mut sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.set("AUTHCTL_EMAIL_FROM", "not an address");
    for email in ["alice@example.com", "nobody@example.com"] {
        sb.cmd(["reset-request", "--email", email])
            .run()
            .expect(4)
            .stderr_has("email.from");
    }
    sb.unset("AUTHCTL_EMAIL_FROM");
    sb.set("AUTHCTL_RESET_URL", "https://example.com/reset/");
    sb.cmd(["reset-request", "--email", "nobody@example.com"])
        .run()
        .expect(4)
        .stderr_has("{uidb64} and {token}");
}

fn an_address_the_mailer_cannot_take_still_looks_like_any_other(backend: Backend) {
    let sb = sandbox(backend);
    // Django's validator accepts this quoted local part; lettre cannot address mail to it.
    sb.signup("odd", "\"b,ob\"@example.com", PW);
    let odd = sb
        .cmd(["reset-request", "--email", "\"b,ob\"@example.com"])
        .run();
    let nobody = sb
        .cmd(["reset-request", "--email", "nobody@example.com"])
        .run();
    odd.expect(0);
    assert_eq!(
        (odd.stdout(), odd.stderr()),
        (nobody.stdout(), nobody.stderr())
    );
    // Without a background sender, the queued request waits for a flush, which says why. (A
    // database of its own: a sender started above may still be waiting to retry, and would
    // take the request first.)
    let mut sb = sandbox(backend);
    sb.set("AUTHCTL_EMAIL_SENDER", "cron");
    sb.signup("odd", "\"b,ob\"@example.com", PW);
    sb.cmd(["reset-request", "--email", "\"b,ob\"@example.com"])
        .run()
        .expect(0);
    sb.cmd(["-v", "mail", "flush"])
        .run()
        .expect(0)
        .stderr_has("no reset email for one user")
        .stdout_has("Delivered 0, deferred 0, dropped 1.");
    assert!(mails(&sb).is_empty());
}

#[test]
fn one_unreadable_row_does_not_stop_resets_for_others() {
    let sb = sandbox(Backend::Sqlite);
    sb.signup("alice", "alice@example.com", PW);
    sb.signup("broken", "broken@example.com", PW);
    sb.exec("UPDATE auth_user SET last_login = 'garbage' WHERE username = 'broken'");
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    assert_eq!(mails(&sb).len(), 1);
}

fn the_command_in_the_email_works_exactly_as_written(backend: Backend) {
    let sb = sandbox(backend);
    sb.signup("alice", "alice@example.com", PW);
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let mail = &mails(&sb)[0];
    let line = command_line(mail);
    // The database as it was given: the path, or the URL (quoted for the shell).
    let database = match backend {
        Backend::Sqlite => sb.db.display().to_string(),
        Backend::Postgres => shlex::try_quote(&sb.database).unwrap().into_owned(),
    };
    assert!(
        line.starts_with(&format!("authctl --database {database} reset-confirm ")),
        "{line}"
    );
    // Run by a shell with no AUTHCTL_DATABASE: the email's words alone must find the database.
    sb.shell(&format!("{line} --password-stdin"))
        .env_remove("AUTHCTL_DATABASE")
        .stdin_line(NEW)
        .run()
        .expect(0);
    sb.verify("alice", NEW).expect(0);
}
