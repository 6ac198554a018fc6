use crate::on_both;
use crate::support::{Backend, PW, Sandbox};

on_both!(
    creates_a_regular_active_user_with_names,
    usernames_differing_only_in_case_are_duplicates,
    every_problem_is_reported_at_once,
    password_similar_to_names_is_refused,
    empty_password_line_is_required_error,
    json_result_has_id_username_email,
    quiet_prints_nothing_on_success,
    concurrent_signups_on_one_database_all_succeed,
    concurrent_signups_for_one_name_create_exactly_one_user,
    null_characters_are_refused_like_djangos_forms,
);

fn creates_a_regular_active_user_with_names(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd([
        "signup",
        "--username",
        "alice",
        "--email",
        "alice@EXAMPLE.org",
        "--first-name",
        "Alice",
        "--last-name",
        "Liddell",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(0)
    .stdout_is("User alice created.\n");
    assert_eq!(
        sb.sql("SELECT username, email, first_name, last_name, is_staff, is_superuser, is_active FROM auth_user"),
        ["alice|alice@example.org|Alice|Liddell|0|0|1"]
    );
}

fn usernames_differing_only_in_case_are_duplicates(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("Zoë", "", PW);
    sb.cmd(["signup", "--username", "ZOË", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(3)
        .stderr_has("A user with that username already exists.");
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["1"]);
}

fn every_problem_is_reported_at_once(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd([
        "signup",
        "--username",
        "x y",
        "--email",
        "nope",
        "--password-stdin",
    ])
    .stdin_line("x y")
    .run()
    .expect(3)
    .stderr_has("Enter a valid username.")
    .stderr_has("Enter a valid email address.")
    .stderr_has("This password is too short.");
}

fn password_similar_to_names_is_refused(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd([
        "signup",
        "--username",
        "bob",
        "--first-name",
        "Bartholomew",
        "--password-stdin",
    ])
    .stdin_line("bartholomew1")
    .run()
    .expect(3)
    .stderr_has("The password is too similar to the first name.");
}

fn empty_password_line_is_required_error(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd(["signup", "--username", "bob", "--password-stdin"])
        .stdin_line("")
        .run()
        .expect(3)
        .stderr_has("This field is required.");
}

#[test]
fn no_password_source_without_terminal_is_usage_error() {
    let sb = Sandbox::new();
    sb.cmd(["signup", "--username", "bob"])
        .run()
        .expect(2)
        .stderr_has("--password-stdin or --password-file");
    sb.cmd(["signup", "--username", "bob", "--password-stdin"])
        .run()
        .expect(2)
        .stderr_has("standard input must hold exactly one line");
}

fn json_result_has_id_username_email(backend: Backend) {
    let sb = Sandbox::on(backend);
    let run = sb
        .cmd([
            "signup",
            "--json",
            "--username",
            "carol",
            "--email",
            "c@example.com",
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run();
    run.expect(0);
    assert_eq!(
        run.json(),
        serde_json::json!({"id": 1, "username": "carol", "email": "c@example.com"})
    );
}

fn quiet_prints_nothing_on_success(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd(["-q", "signup", "--username", "dave", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0)
        .stdout_is("");
}

fn concurrent_signups_on_one_database_all_succeed(backend: Backend) {
    let sb = Sandbox::on(backend);
    // Create the database first so every process sees the same schema; then race the writers.
    sb.signup("first", "", PW);
    let children: Vec<_> = (0..12)
        .map(|i| {
            let name = format!("user{i}");
            let cmd = sb
                .cmd(["signup", "--username", &name, "--password-stdin"])
                .stdin_line(PW);
            std::thread::spawn(move || cmd.run())
        })
        .collect();
    for child in children {
        let run = child.join().unwrap();
        assert!(!run.stderr().contains("locked"), "{run:?}");
        run.expect(0);
    }
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["13"]);
}

fn concurrent_signups_for_one_name_create_exactly_one_user(backend: Backend) {
    let sb = Sandbox::on(backend);
    // A fresh database: the processes also race to create the schema.
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let cmd = sb
                .cmd(["signup", "--username", "racer", "--password-stdin"])
                .stdin_line(PW);
            std::thread::spawn(move || cmd.run())
        })
        .collect();
    let runs: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let winners = runs.iter().filter(|r| r.code() == 0).count();
    assert_eq!(winners, 1, "{runs:?}");
    for run in runs.iter().filter(|r| r.code() != 0) {
        run.expect(3)
            .stderr_has("A user with that username already exists.");
    }
}

#[test]
fn without_cost_settings_new_hashes_use_djangos_argon2_parameters() {
    let mut sb = Sandbox::new();
    sb.production_costs();
    sb.signup("prod", "", PW);
    let hash = &sb.sql("SELECT password FROM auth_user")[0];
    assert!(
        hash.starts_with("argon2$argon2id$v=19$m=102400,t=2,p=8$"),
        "{hash}"
    );
}

fn null_characters_are_refused_like_djangos_forms(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.cmd(["signup", "--username", "nul", "--password-stdin"])
        .stdin_line("correct\0horse battery")
        .run()
        .expect(3)
        .stderr_has("Null characters are not allowed.");
}
