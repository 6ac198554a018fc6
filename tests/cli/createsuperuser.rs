use crate::support::Sandbox;

const GOOD: &str = "correct horse battery staple\n";

fn create(sb: &Sandbox, extra: &[&str], stdin: &str) -> crate::support::Run {
    let mut args = vec![
        "createsuperuser",
        "--no-input",
        "--username",
        "admin",
        "--email",
        "Admin@Example.COM",
    ];
    args.extend_from_slice(extra);
    sb.run(&args, stdin)
}

#[test]
fn creates_active_staff_superuser_with_normalised_email() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], GOOD)
        .expect(0)
        .stdout_is("Superuser created successfully.\n");
    let rows = sb.sql("SELECT username, email, is_staff, is_superuser, is_active, last_login, first_name FROM auth_user");
    assert_eq!(rows, ["admin|Admin@example.com|1|1|1|NULL|"]);
    let hash = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(
        hash.starts_with("argon2$argon2id$v=19$m=64,t=1,p=1$"),
        "{hash}"
    );
}

#[test]
fn date_joined_is_utc_text_like_django() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], GOOD).expect(0);
    let joined = &sb.sql("SELECT date_joined FROM auth_user")[0];
    let parsed = chrono::NaiveDateTime::parse_from_str(joined, "%Y-%m-%d %H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("{joined}: {e}"));
    let age = chrono::Utc::now().naive_utc() - parsed;
    assert!(
        age.num_seconds().abs() < 60,
        "date_joined {joined} is not now in UTC"
    );
}

#[test]
fn django_environment_variables_supply_everything() {
    let mut sb = Sandbox::new();
    sb.set("DJANGO_SUPERUSER_USERNAME", "envadmin")
        .set("DJANGO_SUPERUSER_EMAIL", "env@example.com")
        .set("DJANGO_SUPERUSER_PASSWORD", "correct horse battery");
    sb.run(&["createsuperuser", "--no-input"], "").expect(0);
    assert_eq!(
        sb.sql("SELECT username, email FROM auth_user"),
        ["envadmin|env@example.com"]
    );
    sb.run(
        &["verify", "--username", "envadmin", "--password-stdin"],
        "correct horse battery\n",
    )
    .expect(0);
}

#[test]
fn flags_win_over_django_environment_variables() {
    let mut sb = Sandbox::new();
    sb.set("DJANGO_SUPERUSER_USERNAME", "fromenv");
    create(&sb, &[], "").expect(0);
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["admin"]);
}

#[test]
fn without_a_password_the_superuser_gets_an_unusable_one() {
    let sb = Sandbox::new();
    create(&sb, &[], "").expect(0);
    let hash = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(hash.starts_with('!') && hash.len() == 41, "{hash}");
    sb.run(&["verify", "--username", "admin", "--password-stdin"], hash)
        .expect(1);
}

#[test]
fn missing_username_without_terminal_names_the_flag() {
    let sb = Sandbox::new();
    sb.run(&["createsuperuser", "--email", "a@example.com"], "")
        .expect(2)
        .stderr_has("no terminal")
        .stderr_has("--username");
    sb.run(
        &["createsuperuser", "--no-input", "--email", "a@example.com"],
        "",
    )
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
    sb.run(
        &["createsuperuser", "--no-input", "--username", "admin"],
        "",
    )
    .expect(2)
    .stderr_has("--email");
}

#[test]
fn existing_username_is_exit_3_and_changes_nothing() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], GOOD).expect(0);
    let before = sb.sql("SELECT * FROM auth_user");
    create(&sb, &["--password-stdin"], "another password entirely\n")
        .expect(3)
        .stderr_has("That username is already taken.");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
}

#[test]
fn if_missing_leaves_an_existing_user_alone() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], GOOD).expect(0);
    let before = sb.sql("SELECT * FROM auth_user");
    let run = create(
        &sb,
        &["--password-stdin", "--if-missing", "--json"],
        "another password entirely\n",
    );
    run.expect(0);
    assert_eq!(run.json()["status"], "unchanged");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
}

#[test]
fn if_missing_creates_when_absent() {
    let sb = Sandbox::new();
    let run = create(&sb, &["--password-stdin", "--if-missing", "--json"], GOOD);
    run.expect(0);
    assert_eq!(run.json()["status"], "created");
    assert_eq!(run.json()["username"], "admin");
}

#[test]
fn update_promotes_and_sets_the_new_password() {
    let sb = Sandbox::new();
    sb.run(&["signup", "--username", "admin", "--password-stdin"], GOOD)
        .expect(0);
    create(
        &sb,
        &["--password-stdin", "--update"],
        "a brand new passphrase\n",
    )
    .expect(0)
    .stdout_is("Superuser admin updated.\n");
    assert_eq!(
        sb.sql("SELECT email, is_staff, is_superuser FROM auth_user"),
        ["Admin@example.com|1|1"]
    );
    sb.run(
        &["verify", "--username", "admin", "--password-stdin"],
        "a brand new passphrase\n",
    )
    .expect(0);
    sb.run(&["verify", "--username", "admin", "--password-stdin"], GOOD)
        .expect(1);
}

#[test]
fn update_without_password_keeps_the_old_one() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], GOOD).expect(0);
    create(&sb, &["--update"], "").expect(0);
    sb.run(&["verify", "--username", "admin", "--password-stdin"], GOOD)
        .expect(0);
}

#[test]
fn weak_password_fails_validation_with_djangos_messages() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin"], "1234\n")
        .expect(3)
        .stderr_has("This password is too short. It must contain at least 8 characters.")
        .stderr_has("This password is too common.")
        .stderr_has("This password is entirely numeric.");
    assert!(sb.sql("SELECT id FROM auth_user").is_empty());
}

#[test]
fn skip_validation_accepts_a_weak_password() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin", "--skip-validation"], "1234\n").expect(0);
    sb.run(
        &["verify", "--username", "admin", "--password-stdin"],
        "1234\n",
    )
    .expect(0);
}

#[test]
fn blank_password_is_refused_even_when_skipping_validation() {
    let sb = Sandbox::new();
    create(&sb, &["--password-stdin", "--skip-validation"], "  \n")
        .expect(3)
        .stderr_has("Blank passwords aren't allowed.");
}

#[test]
fn invalid_username_and_email_are_exit_3() {
    let sb = Sandbox::new();
    sb.run(
        &[
            "createsuperuser",
            "--no-input",
            "--username",
            "bad name",
            "--email",
            "a@example.com",
        ],
        "",
    )
    .expect(3)
    .stderr_has("Enter a valid username.");
    sb.run(
        &[
            "createsuperuser",
            "--no-input",
            "--username",
            "admin",
            "--email",
            "not-an-email",
        ],
        "",
    )
    .expect(3)
    .stderr_has("Enter a valid email address.");
}

#[test]
fn username_is_nfkc_normalised() {
    let sb = Sandbox::new();
    sb.run(
        &[
            "createsuperuser",
            "--no-input",
            "--username",
            "ａｄｍｉｎ",
            "--email",
            "a@example.com",
        ],
        "",
    )
    .expect(0);
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["admin"]);
}

#[test]
fn password_file_is_read_like_stdin() {
    let sb = Sandbox::new();
    let file = sb.path("pw");
    std::fs::write(&file, "correct horse battery\r\n").unwrap();
    create(&sb, &["--password-file", file.to_str().unwrap()], "").expect(0);
    sb.run(
        &["verify", "--username", "admin", "--password-stdin"],
        "correct horse battery",
    )
    .expect(0);
    create(&sb, &["--update", "--password-file", "/nonexistent/pw"], "")
        .expect(4)
        .stderr_has("cannot read password file /nonexistent/pw");
}

#[test]
fn json_result_carries_id_and_status() {
    let sb = Sandbox::new();
    let run = create(&sb, &["--password-stdin", "--json"], GOOD);
    run.expect(0);
    let json = run.json();
    assert_eq!(json["status"], "created");
    assert_eq!(json["id"], 1);
}

#[test]
fn if_missing_refuses_to_call_an_ordinary_user_a_superuser() {
    let sb = Sandbox::new();
    sb.run(&["signup", "--username", "admin", "--password-stdin"], GOOD)
        .expect(0);
    create(&sb, &["--if-missing"], "")
        .expect(3)
        .stderr_has("user admin exists but is not an active staff superuser; use --update");
    create(&sb, &["--update"], "").expect(0);
    create(&sb, &["--if-missing"], "")
        .expect(0)
        .stdout_is("Superuser admin already exists; nothing changed.\n");
}
