use crate::on_both;
use crate::support::{Backend, Cmd, PW, Sandbox, cheap};

on_both!(
    creates_active_staff_superuser_with_normalised_email,
    date_joined_is_utc_text_like_django,
    django_environment_variables_supply_everything,
    flags_win_over_django_environment_variables,
    without_a_password_the_superuser_gets_an_unusable_one,
    existing_username_is_exit_3_and_changes_nothing,
    if_missing_leaves_an_existing_user_alone,
    if_missing_creates_when_absent,
    update_promotes_and_sets_the_new_password,
    update_without_password_keeps_the_old_one,
    skip_validation_accepts_a_weak_password,
    blank_password_is_refused_even_when_skipping_validation,
    invalid_username_and_email_are_exit_3,
    username_is_nfkc_normalised,
    password_file_is_read_like_stdin,
    json_result_carries_id_and_status,
    if_missing_refuses_to_call_an_ordinary_user_a_superuser,
);

/// `createsuperuser --no-input` for `admin` with a mixed-case address; add to it and run.
fn create(sb: &Sandbox) -> Cmd {
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--username",
        "admin",
        "--email",
        "Admin@Example.COM",
    ])
}

fn creates_active_staff_superuser_with_normalised_email(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0)
        .stdout_is("Superuser created successfully.\n");
    let rows = sb.sql("SELECT username, email, is_staff, is_superuser, is_active, last_login, first_name FROM auth_user");
    assert_eq!(rows, ["admin|Admin@example.com|1|1|1|NULL|"]);
    let hash = &sb.sql("SELECT password FROM auth_user")[0];
    let costs = format!(
        "m={},t={},p={}",
        cheap("AUTHCTL_ARGON2_MEMORY_COST"),
        cheap("AUTHCTL_ARGON2_TIME_COST"),
        cheap("AUTHCTL_ARGON2_PARALLELISM")
    );
    assert!(
        hash.starts_with(&format!("argon2$argon2id$v=19${costs}$")),
        "{hash}"
    );
}

fn date_joined_is_utc_text_like_django(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0);
    let joined = &sb.sql("SELECT date_joined FROM auth_user")[0];
    let parsed = chrono::NaiveDateTime::parse_from_str(joined, "%Y-%m-%d %H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("{joined}: {e}"));
    let age = chrono::Utc::now().naive_utc() - parsed;
    assert!(
        age.num_seconds().abs() < 60,
        "date_joined {joined} is not now in UTC"
    );
}

fn django_environment_variables_supply_everything(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("DJANGO_SUPERUSER_USERNAME", "envadmin")
        .set("DJANGO_SUPERUSER_EMAIL", "env@example.com")
        .set("DJANGO_SUPERUSER_PASSWORD", "correct horse battery");
    sb.cmd(["createsuperuser", "--no-input"]).run().expect(0);
    assert_eq!(
        sb.sql("SELECT username, email FROM auth_user"),
        ["envadmin|env@example.com"]
    );
    sb.verify("envadmin", "correct horse battery").expect(0);
}

fn flags_win_over_django_environment_variables(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("DJANGO_SUPERUSER_USERNAME", "fromenv");
    create(&sb).run().expect(0);
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["admin"]);
}

fn without_a_password_the_superuser_gets_an_unusable_one(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb).run().expect(0);
    let hash = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(hash.starts_with('!') && hash.len() == 41, "{hash}");
    sb.cmd(["verify", "--username", "admin", "--password-stdin"])
        .stdin(hash)
        .run()
        .expect(1);
}

#[test]
fn missing_username_without_terminal_names_the_flag() {
    let sb = Sandbox::new();
    sb.cmd(["createsuperuser", "--email", "a@example.com"])
        .run()
        .expect(2)
        .stderr_has("no terminal")
        .stderr_has("--username");
    sb.cmd(["createsuperuser", "--no-input", "--email", "a@example.com"])
        .run()
        .expect(2)
        .stderr_has("--no-input was given")
        .stderr_has("DJANGO_SUPERUSER_USERNAME");
    assert!(
        !sb.db.exists(),
        "missing input must not even create the database"
    );
}

#[test]
fn missing_email_for_a_new_superuser_is_a_usage_error() {
    let sb = Sandbox::new();
    sb.cmd(["createsuperuser", "--no-input", "--username", "admin"])
        .run()
        .expect(2)
        .stderr_has("--email");
}

fn existing_username_is_exit_3_and_changes_nothing(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0);
    let before = sb.sql("SELECT * FROM auth_user");
    create(&sb)
        .arg("--password-stdin")
        .stdin_line("another password entirely")
        .run()
        .expect(3)
        .stderr_has("That username is already taken.");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
}

fn if_missing_leaves_an_existing_user_alone(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0);
    let before = sb.sql("SELECT * FROM auth_user");
    let run = create(&sb)
        .args(["--password-stdin", "--if-missing", "--json"])
        .stdin_line("another password entirely")
        .run();
    run.expect(0);
    assert_eq!(run.json()["status"], "unchanged");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
}

fn if_missing_creates_when_absent(backend: Backend) {
    let sb = Sandbox::on(backend);
    let run = create(&sb)
        .args(["--password-stdin", "--if-missing", "--json"])
        .stdin_line(PW)
        .run();
    run.expect(0);
    assert_eq!(run.json()["status"], "created");
    assert_eq!(run.json()["username"], "admin");
}

fn update_promotes_and_sets_the_new_password(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("admin", "", PW);
    create(&sb)
        .args(["--password-stdin", "--update"])
        .stdin_line("a brand new passphrase")
        .run()
        .expect(0)
        .stdout_is("Superuser admin updated.\n");
    assert_eq!(
        sb.sql("SELECT email, is_staff, is_superuser FROM auth_user"),
        ["Admin@example.com|1|1"]
    );
    sb.verify("admin", "a brand new passphrase").expect(0);
    sb.verify("admin", PW).expect(1);
}

fn update_without_password_keeps_the_old_one(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(0);
    create(&sb).arg("--update").run().expect(0);
    sb.verify("admin", PW).expect(0);
}

#[test]
fn weak_password_fails_validation_with_djangos_messages() {
    let sb = Sandbox::new();
    create(&sb)
        .arg("--password-stdin")
        .stdin_line("1234")
        .run()
        .expect(3)
        .stderr_has("This password is too short. It must contain at least 8 characters.")
        .stderr_has("This password is too common.")
        .stderr_has("This password is entirely numeric.");
    // Nothing was written: not even the database file was created.
    assert!(!sb.db.exists());
}

fn skip_validation_accepts_a_weak_password(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .args(["--password-stdin", "--skip-validation"])
        .stdin_line("1234")
        .run()
        .expect(0);
    sb.verify("admin", "1234").expect(0);
}

fn blank_password_is_refused_even_when_skipping_validation(backend: Backend) {
    let sb = Sandbox::on(backend);
    create(&sb)
        .args(["--password-stdin", "--skip-validation"])
        .stdin_line("  ")
        .run()
        .expect(3)
        .stderr_has("Blank passwords aren't allowed.");
}

fn invalid_username_and_email_are_exit_3(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--username",
        "bad name",
        "--email",
        "a@example.com",
    ])
    .run()
    .expect(3)
    .stderr_has("Enter a valid username.");
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--username",
        "admin",
        "--email",
        "not-an-email",
    ])
    .run()
    .expect(3)
    .stderr_has("Enter a valid email address.");
}

fn username_is_nfkc_normalised(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd([
        "createsuperuser",
        "--no-input",
        "--username",
        "ａｄｍｉｎ",
        "--email",
        "a@example.com",
    ])
    .run()
    .expect(0);
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["admin"]);
}

fn password_file_is_read_like_stdin(backend: Backend) {
    let sb = Sandbox::on(backend);
    let file = sb.path("pw");
    std::fs::write(&file, "correct horse battery\r\n").unwrap();
    create(&sb)
        .args(["--password-file", file.to_str().unwrap()])
        .run()
        .expect(0);
    sb.cmd(["verify", "--username", "admin", "--password-stdin"])
        .stdin("correct horse battery")
        .run()
        .expect(0);
    create(&sb)
        .args(["--update", "--password-file", "/nonexistent/pw"])
        .run()
        .expect(4)
        .stderr_has("cannot read password file /nonexistent/pw");
}

fn json_result_carries_id_and_status(backend: Backend) {
    let sb = Sandbox::on(backend);
    let run = create(&sb)
        .args(["--password-stdin", "--json"])
        .stdin_line(PW)
        .run();
    run.expect(0);
    let json = run.json();
    assert_eq!(json["status"], "created");
    assert_eq!(json["id"], 1);
}

fn if_missing_refuses_to_call_an_ordinary_user_a_superuser(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("admin", "", PW);
    create(&sb)
        .arg("--if-missing")
        .run()
        .expect(3)
        .stderr_has("user admin exists but is not an active staff superuser; use --update");
    create(&sb).arg("--update").run().expect(0);
    create(&sb)
        .arg("--if-missing")
        .run()
        .expect(0)
        .stdout_is("Superuser admin already exists; nothing changed.\n");
}
