//! `authctl users …`: the admin and bulk provisioning.

use crate::on_both;
use crate::support::{Backend, PW, Run, Sandbox, django};
use serde_json::{Value, json};

fn with_users(backend: Backend) -> Sandbox {
    let sb = Sandbox::on(backend);
    let rows = [
        ("alice", "alice@example.com", "Alice", "Liddell"),
        ("bob", "bob@example.org", "Bob", "Builder"),
        ("carol", "carol@example.com", "Carol", "Ärger"),
    ];
    for (u, e, f, l) in rows {
        sb.cmd([
            "signup",
            "--username",
            u,
            "--email",
            e,
            "--first-name",
            f,
            "--last-name",
            l,
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
        .expect(0);
    }
    sb.superuser("root", "root@example.com", Some(PW));
    sb.exec("UPDATE auth_user SET is_active = false WHERE username = 'bob'");
    sb
}

on_both!(
    list_prints_a_table_without_hashes,
    list_json_is_json_lines_and_filters_apply,
    show_tells_hasher_upgrade_and_sessions,
    set_changes_fields_and_validates_like_signup,
    rename_keeps_the_password_and_allows_a_case_change_of_ones_own_name,
    deactivating_or_unusable_password_ends_sessions,
    delete_needs_yes_without_a_terminal_and_is_all_or_nothing,
    deleting_a_user_ends_their_sessions,
    set_password_is_djangos_changepassword,
    csv_import_creates_users_with_hashed_passwords,
    one_bad_row_in_the_middle_writes_nothing,
    every_bad_row_is_reported_with_its_line,
    conflicts_fail_skip_or_update,
    dry_run_says_what_would_happen_and_writes_nothing,
    export_import_export_round_trips_on_a_fresh_database,
    export_leaves_hashes_out_unless_asked_and_writes_private_files,
    hashes_made_by_django_import_and_verify,
    show_prints_the_hash_only_when_asked,
    import_skip_validation_accepts_weak_plain_passwords,
    a_reader_that_goes_away_stops_the_listing_quietly,
    delete_refuses_while_another_apps_rows_point_at_the_user,
    export_to_dash_is_standard_output,
);

fn list_json(sb: &Sandbox, args: &[&str]) -> Vec<Value> {
    sb.cmd(["--json", "users", "list"])
        .args(args)
        .run()
        .expect(0)
        .json_lines()
}

fn names(users: &[Value]) -> Vec<&str> {
    users
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect()
}

fn list_prints_a_table_without_hashes(backend: Backend) {
    let sb = with_users(backend);
    let run = sb.cmd(["users", "list"]).run();
    run.expect(0);
    let out = run.stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("ID  USERNAME  EMAIL"), "{out}");
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[2].contains("bob") && lines[2].contains(" no "),
        "{out}"
    );
    assert!(
        !out.contains("argon2"),
        "hashes shown without --with-hashes: {out}"
    );
}

fn list_json_is_json_lines_and_filters_apply(backend: Backend) {
    let sb = with_users(backend);
    assert_eq!(
        names(&list_json(&sb, &[])),
        ["alice", "bob", "carol", "root"]
    );
    assert_eq!(
        names(&list_json(&sb, &["--active"])),
        ["alice", "carol", "root"]
    );
    assert_eq!(names(&list_json(&sb, &["--inactive"])), ["bob"]);
    assert_eq!(names(&list_json(&sb, &["--staff"])), ["root"]);
    assert_eq!(names(&list_json(&sb, &["--superuser"])), ["root"]);
    assert_eq!(
        names(&list_json(&sb, &["--search", "EXAMPLE.COM"])),
        ["alice", "carol", "root"]
    );
    assert_eq!(names(&list_json(&sb, &["--search", "ärg"])), ["carol"]);
    assert_eq!(
        names(&list_json(&sb, &["--limit", "2", "--offset", "1"])),
        ["bob", "carol"]
    );
    assert_eq!(
        names(&list_json(
            &sb,
            &["--active", "--limit", "1", "--offset", "1"]
        )),
        ["carol"]
    );
    let first = &list_json(&sb, &[])[0];
    assert!(first.get("password").is_none());
    assert_eq!(first["email"], "alice@example.com");
    assert_eq!(first["last_login"], Value::Null);
    let hashed = &list_json(&sb, &["--with-hashes"])[0];
    assert!(hashed["password"].as_str().unwrap().starts_with("argon2$"));
}

fn show_tells_hasher_upgrade_and_sessions(backend: Backend) {
    let mut sb = with_users(backend);
    sb.login("alice", PW).expect(0);
    let run = sb.cmd(["--json", "users", "show", "alice"]).run();
    run.expect(0);
    let json = run.json();
    assert_eq!(json["password_hasher"], "argon2");
    assert_eq!(json["password_usable"], true);
    assert_eq!(json["password_needs_upgrade"], false);
    assert_eq!(json["sessions"], 1);
    assert!(json.get("password").is_none());
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    assert_eq!(
        sb.cmd(["--json", "users", "show", "alice"]).run().json()["password_needs_upgrade"],
        true
    );
    sb.cmd(["users", "show", "root"])
        .run()
        .expect(0)
        .stdout_has("password:       argon2");
    sb.cmd(["users", "show", "ghost"])
        .run()
        .expect(3)
        .stderr_has("no such user: ghost");
}

fn set_changes_fields_and_validates_like_signup(backend: Backend) {
    let sb = with_users(backend);
    let run = sb
        .cmd([
            "--json",
            "users",
            "set",
            "alice",
            "--email",
            "Alice@NEW.example",
            "--first-name",
            "Al",
            "--last-name",
            "L",
            "--staff",
            "--superuser",
        ])
        .run();
    run.expect(0);
    let json = run.json();
    assert_eq!(
        (
            json["email"].as_str(),
            json["first_name"].as_str(),
            json["is_staff"].as_bool(),
            json["is_superuser"].as_bool()
        ),
        (
            Some("Alice@new.example"),
            Some("Al"),
            Some(true),
            Some(true)
        )
    );
    sb.cmd(["users", "set", "alice", "--no-staff", "--no-superuser"])
        .run()
        .expect(0);
    assert_eq!(
        sb.sql("SELECT is_staff, is_superuser FROM auth_user WHERE username = 'alice'"),
        ["0|0"]
    );
    sb.cmd(["users", "set", "alice", "--email", "nope"])
        .run()
        .expect(3)
        .stderr_has("Enter a valid email address.");
    sb.cmd(["users", "set", "alice", "--username", "CAROL"])
        .run()
        .expect(3)
        .stderr_has("A user with that username already exists.");
    sb.cmd(["users", "set", "alice", "--username", "bad name"])
        .run()
        .expect(3)
        .stderr_has("Enter a valid username.");
    sb.cmd(["users", "set", "alice"])
        .run()
        .expect(2)
        .stderr_has("nothing to change");
    sb.cmd(["users", "set", "ghost", "--staff"])
        .run()
        .expect(3)
        .stderr_has("no such user");
}

fn rename_keeps_the_password_and_allows_a_case_change_of_ones_own_name(backend: Backend) {
    let sb = with_users(backend);
    sb.cmd(["users", "set", "alice", "--username", "Alice"])
        .run()
        .expect(0);
    sb.verify("Alice", PW).expect(0);
}

fn deactivating_or_unusable_password_ends_sessions(backend: Backend) {
    let sb = with_users(backend);
    sb.login("alice", PW).expect(0);
    sb.cmd(["users", "set", "alice", "--inactive"])
        .run()
        .expect(0);
    sb.cmd(["users", "set", "alice", "--active"])
        .run()
        .expect(0);
    sb.cmd(["whoami"])
        .run()
        .expect(1)
        .stderr_has("the session has ended");
    sb.login("alice", PW).expect(0);
    sb.cmd(["users", "set", "alice", "--unusable-password"])
        .run()
        .expect(0);
    sb.cmd(["whoami"]).run().expect(1);
    sb.verify("alice", PW).expect(1);
    assert_eq!(
        sb.cmd(["--json", "users", "show", "alice"]).run().json()["password_hasher"],
        "unusable"
    );
}

fn delete_needs_yes_without_a_terminal_and_is_all_or_nothing(backend: Backend) {
    let sb = with_users(backend);
    sb.cmd(["users", "delete", "alice"])
        .run()
        .expect(2)
        .stderr_has("--yes");
    sb.cmd(["users", "delete", "alice", "ghost", "--yes"])
        .run()
        .expect(3)
        .stderr_has("no such user: ghost");
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["4"]);
    let run = sb
        .cmd([
            "--json",
            "users",
            "delete",
            "alice",
            "ghost",
            "--yes",
            "--missing-ok",
        ])
        .run();
    run.expect(0);
    assert_eq!(run.json(), json!({"deleted": ["alice"]}));
    sb.cmd(["users", "delete", "bob", "carol", "-y"])
        .run()
        .expect(0)
        .stdout_is("Deleted bob, carol.\n");
    assert_eq!(sb.sql("SELECT username FROM auth_user"), ["root"]);
}

fn deleting_a_user_ends_their_sessions(backend: Backend) {
    let sb = with_users(backend);
    sb.login("alice", PW).expect(0);
    sb.cmd(["users", "delete", "alice", "--yes"])
        .run()
        .expect(0);
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["0"]);
    sb.cmd(["whoami"]).run().expect(1);
}

#[test]
fn deleting_from_a_django_database_cascades_like_django() {
    let sb = Sandbox::new();
    sb.django_project("dj", "dj@example.com", PW);
    sb.exec(
        "INSERT INTO auth_group (name) VALUES ('editors');
         INSERT INTO auth_user_groups (user_id, group_id) VALUES (1, 1);
         INSERT INTO django_admin_log (action_time, object_id, object_repr, action_flag, change_message, content_type_id, user_id)
             VALUES ('2026-01-01 00:00:00', '1', 'x', 1, '', NULL, 1);",
    );
    sb.cmd(["users", "delete", "dj", "--yes"]).run().expect(0);
    assert_eq!(sb.sql("SELECT (SELECT count(*) FROM auth_user_groups) + (SELECT count(*) FROM django_admin_log)"), ["0"]);
    assert_eq!(
        sb.sql("SELECT count(*) FROM auth_group"),
        ["1"],
        "groups themselves stay"
    );
    sb.exec("PRAGMA foreign_keys = ON");
    assert!(sb.sql("PRAGMA foreign_key_check").is_empty());
}

fn set_password_is_djangos_changepassword(backend: Backend) {
    let sb = with_users(backend);
    sb.login("alice", PW).expect(0);
    sb.cmd(["users", "set-password", "alice", "--password-stdin"])
        .stdin_line("short")
        .run()
        .expect(3)
        .stderr_has("This password is too short.");
    sb.cmd(["users", "set-password", "alice", "--password-stdin"])
        .stdin_line("a new admin-set passphrase")
        .run()
        .expect(0)
        .stdout_is("Password changed successfully for user 'alice'\n");
    sb.cmd(["whoami"]).run().expect(1);
    sb.verify("alice", "a new admin-set passphrase").expect(0);
    sb.cmd([
        "users",
        "set-password",
        "alice",
        "--password-stdin",
        "--skip-validation",
    ])
    .stdin_line("short")
    .run()
    .expect(0);
    sb.cmd(["users", "set-password", "ghost", "--password-stdin"])
        .stdin_line("whatever long enough")
        .run()
        .expect(3);
    sb.cmd(["users", "set-password", "alice"])
        .run()
        .expect(2)
        .stderr_has("--password-stdin");
}

fn import(sb: &Sandbox, args: &[&str], input: &str) -> Run {
    sb.cmd(["users", "import"]).args(args).stdin(input).run()
}

const CSV: &str = "username,email,first_name,last_name,is_active,is_staff,is_superuser,password\n\
    dana,dana@example.com,Dana,Scully,true,false,false,trust no one ever\n\
    fox,fox@example.com,Fox,Mulder,yes,yes,no,i want to believe 1013\n\
    skinner,,Walter,Skinner,0,1,1,\n";

fn csv_import_creates_users_with_hashed_passwords(backend: Backend) {
    let sb = Sandbox::on(backend);
    import(&sb, &["-", "--format", "csv"], CSV)
        .expect(0)
        .stdout_is("Imported 3 rows: 3 created, 0 updated, 0 skipped.\n");
    assert_eq!(
        sb.sql("SELECT username, email, first_name, is_active, is_staff, is_superuser, CASE WHEN password LIKE '!%' THEN 'unusable' ELSE substr(password, 1, 7) END FROM auth_user ORDER BY id"),
        ["dana|dana@example.com|Dana|1|0|0|argon2$", "fox|fox@example.com|Fox|1|1|0|argon2$", "skinner||Walter|0|1|1|unusable"]
    );
    sb.verify("fox", "i want to believe 1013").expect(0);
}

fn one_bad_row_in_the_middle_writes_nothing(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("keep", "", PW);
    let before = sb.sql("SELECT * FROM auth_user");
    let input = "{\"username\": \"one\", \"password\": \"first good passphrase\"}\n\
                 {\"username\": \"two\", \"email\": \"broken\"}\n\
                 {\"username\": \"three\"}\n";
    import(&sb, &["-"], input)
        .expect(3)
        .stderr_has("line 2: email: Enter a valid email address.");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
}

fn every_bad_row_is_reported_with_its_line(backend: Backend) {
    let sb = Sandbox::on(backend);
    let input = "username,email,password\nok,ok@example.com,long enough passphrase\nbad name,x@example.com,\nweak,,123\nok,,\n";
    let run = import(&sb, &["-", "--format", "csv"], input);
    run.expect(3)
        .stderr_has("line 3: username: Enter a valid username.")
        .stderr_has("line 4: password: This password is too short.")
        .stderr_has("line 5: the username repeats line 2.");
}

fn conflicts_fail_skip_or_update(backend: Backend) {
    let sb = Sandbox::on(backend);
    import(&sb, &["-", "--format", "csv"], CSV).expect(0);
    import(&sb, &["-", "--format", "csv"], CSV)
        .expect(3)
        .stderr_has("line 2: the user already exists");
    let changed =
        "username,email,is_staff\nDANA,dana@new.example,true\nnewbie,n@example.com,false\n";
    import(
        &sb,
        &["-", "--format", "csv", "--on-conflict", "skip"],
        changed,
    )
    .expect(0)
    .stdout_is("Imported 2 rows: 1 created, 0 updated, 1 skipped.\n");
    assert_eq!(
        sb.sql("SELECT email, is_staff FROM auth_user WHERE username = 'dana'"),
        ["dana@example.com|0"]
    );
    import(
        &sb,
        &["-", "--format", "csv", "--on-conflict", "update"],
        changed,
    )
    .expect(0)
    .stdout_is("Imported 2 rows: 0 created, 2 updated, 0 skipped.\n");
    assert_eq!(
        sb.sql("SELECT username, email, is_staff FROM auth_user WHERE username = 'dana'"),
        ["dana|dana@new.example|1"]
    );
    sb.verify("dana", "trust no one ever").expect(0);
}

fn dry_run_says_what_would_happen_and_writes_nothing(backend: Backend) {
    let sb = Sandbox::on(backend);
    import(&sb, &["-", "--format", "csv"], "username\ndana\n").expect(0);
    let before = sb.stored_state();
    let run = import(
        &sb,
        &[
            "-",
            "--format",
            "csv",
            "--on-conflict",
            "update",
            "--dry-run",
        ],
        CSV,
    );
    run.expect(0).stdout_is(
        "line 2: would update dana\nline 3: would create fox\nline 4: would create skinner\n\
         Would import 3 rows: 2 created, 1 updated, 0 skipped.\n",
    );
    assert_eq!(sb.stored_state(), before);
    let run = sb
        .cmd([
            "--json",
            "users",
            "import",
            "-",
            "--format",
            "csv",
            "--dry-run",
            "--on-conflict",
            "skip",
        ])
        .stdin(CSV)
        .run();
    run.expect(0);
    let json = run.json();
    assert_eq!(json["dry_run"], true);
    assert_eq!(
        json["rows"][0],
        json!({"line": 2, "username": "dana", "action": "skip"})
    );
}

fn export_import_export_round_trips_on_a_fresh_database(backend: Backend) {
    for format in ["csv", "jsonl"] {
        let first = Sandbox::on(backend);
        import(&first, &["-", "--format", "csv"], CSV).expect(0);
        let exported = first
            .cmd(["users", "export", "--format", format, "--with-hashes"])
            .run();
        exported.expect(0);
        let second = Sandbox::on(backend);
        import(&second, &["-", "--format", format], &exported.stdout()).expect(0);
        let again = second
            .cmd(["users", "export", "--format", format, "--with-hashes"])
            .run();
        assert_eq!(
            again.stdout(),
            exported.stdout(),
            "{format} export differs after a round trip"
        );
        second.verify("dana", "trust no one ever").expect(0);
    }
}

fn export_leaves_hashes_out_unless_asked_and_writes_private_files(backend: Backend) {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::on(backend);
    import(&sb, &["-", "--format", "csv"], CSV).expect(0);
    let plain = sb.cmd(["users", "export"]).run();
    plain.expect(0);
    assert!(!plain.stdout().contains("password"), "{plain:?}");
    let first: Value = serde_json::from_str(plain.stdout().lines().next().unwrap()).unwrap();
    assert_eq!(
        first,
        json!({"username": "dana", "email": "dana@example.com", "first_name": "Dana", "last_name": "Scully", "is_active": true, "is_staff": false, "is_superuser": false, "groups": []})
    );
    let out = sb.path("users.csv");
    sb.cmd([
        "users",
        "export",
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ])
    .run()
    .expect(0)
    .stdout_is("");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(std::fs::read_to_string(&out).unwrap().starts_with(
        "username,email,first_name,last_name,is_active,is_staff,is_superuser,groups\n"
    ));
    import(&Sandbox::on(backend), &[out.to_str().unwrap()], "").expect(0);
}

fn hashes_made_by_django_import_and_verify(backend: Backend) {
    let hashes = django(
        "hash",
        json!({"passwords": ["django made me"], "algorithms": ["pbkdf2_sha256", "argon2", "bcrypt_sha256"]}),
    );
    let sb = Sandbox::on(backend);
    let mut input = String::new();
    for (i, item) in hashes.as_array().unwrap().iter().enumerate() {
        input.push_str(
            &json!({"username": format!("u{i}"), "password_hash": item["encoded"]}).to_string(),
        );
        input.push('\n');
    }
    import(&sb, &["-"], &input).expect(0);
    for i in 0..3 {
        sb.verify(&format!("u{i}"), "django made me").expect(0);
    }
    import(
        &sb,
        &["-"],
        "{\"username\": \"x\", \"password_hash\": \"sha1$nope\"}\n",
    )
    .expect(3)
    .stderr_has("the password hash is not a format authctl verifies");
}

fn show_prints_the_hash_only_when_asked(backend: Backend) {
    let sb = with_users(backend);
    let plain = sb.cmd(["users", "show", "alice"]).run();
    plain.expect(0);
    assert!(!plain.stdout().contains("argon2$"), "{plain:?}");
    sb.cmd(["users", "show", "alice", "--with-hashes"])
        .run()
        .expect(0)
        .stdout_has("password hash:  argon2$argon2id$");
    let json = sb
        .cmd(["--json", "users", "show", "alice", "--with-hashes"])
        .run()
        .json();
    assert!(json["password"].as_str().unwrap().starts_with("argon2$"));
}

fn import_skip_validation_accepts_weak_plain_passwords(backend: Backend) {
    let sb = Sandbox::on(backend);
    let weak = "{\"username\": \"weak\", \"password\": \"123\"}\n";
    import(&sb, &["-"], weak)
        .expect(3)
        .stderr_has("line 1: password: This password is too short.");
    import(&sb, &["-", "--skip-validation"], weak).expect(0);
    sb.verify("weak", "123").expect(0);
}

fn a_reader_that_goes_away_stops_the_listing_quietly(backend: Backend) {
    use std::io::{BufRead, BufReader};
    let sb = Sandbox::on(backend);
    let rows: String = (0..2000)
        .map(|i| format!("{{\"username\": \"u{i}\"}}\n"))
        .collect();
    import(&sb, &["-"], &rows).expect(0);
    let mut child = sb
        .cmd(["--json", "users", "list"])
        .into_command()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"u0\""), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.is_empty(),
        "the listing complained about the closed pipe: {stderr}"
    );
}

fn delete_refuses_while_another_apps_rows_point_at_the_user(backend: Backend) {
    let sb = with_users(backend);
    sb.exec(
        "CREATE TABLE notes_note (id integer PRIMARY KEY, owner_id integer NOT NULL REFERENCES auth_user (id));
         INSERT INTO notes_note (id, owner_id) SELECT 1, id FROM auth_user WHERE username = 'alice';",
    );
    sb.cmd(["users", "delete", "bob", "alice", "--yes"])
        .run()
        .expect(3)
        .stderr_has("user alice is still referenced by 1 row(s) of notes_note.owner_id");
    assert_eq!(
        sb.sql("SELECT count(*) FROM auth_user"),
        ["4"],
        "all or nothing"
    );
    sb.exec("DELETE FROM notes_note");
    sb.cmd(["users", "delete", "bob", "alice", "--yes"])
        .run()
        .expect(0);
}

fn export_to_dash_is_standard_output(backend: Backend) {
    let sb = with_users(backend);
    let run = sb.cmd(["users", "export", "--output", "-"]).run();
    run.expect(0).stdout_has("\"username\":\"alice\"");
    assert!(!std::path::Path::new("-").exists());
}
