//! Regressions for what trying to break authctl found: races, secrets in messages, unbounded
//! hashes, file modes, and input that pretends to be something else.

use crate::on_both;
use crate::support::{Backend, PW, Sandbox};

on_both!(
    concurrent_imports_of_one_name_in_four_cases_create_one_user,
    an_import_racing_a_signup_cannot_make_two_cases_of_one_name,
    names_equal_under_upper_case_are_one_name_like_djangos_iexact_on_postgresql,
    no_password_from_an_import_file_appears_in_any_message,
    empty_or_blank_secret_keys_anywhere_are_configuration_errors,
    a_short_secret_key_works_with_a_warning_that_does_not_show_it,
    a_denied_check_of_an_inactive_user_writes_nothing,
    a_csv_export_cannot_carry_a_spreadsheet_formula_and_still_imports_unchanged,
    human_output_escapes_characters_that_reorder_text,
    delete_refuses_while_another_tables_foreign_key_names_auth_user_in_any_case,
    closed_standard_streams_cannot_capture_the_programs_own_files,
);

/// Runs every command at once, each on its own thread, and returns the runs in order.
fn all_at_once(cmds: Vec<crate::support::Cmd>) -> Vec<crate::support::Run> {
    let handles: Vec<_> = cmds
        .into_iter()
        .map(|cmd| std::thread::spawn(move || cmd.run()))
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

fn concurrent_imports_of_one_name_in_four_cases_create_one_user(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("first", "", PW);
    for round in 0..3 {
        let names = ["Race", "RACE", "race", "rAce"].map(|n| format!("{n}{round}"));
        let cmds = names
            .iter()
            .map(|name| {
                sb.cmd(["users", "import", "-", "--format", "jsonl"])
                    .stdin(format!("{{\"username\": \"{name}\"}}\n"))
            })
            .collect();
        let runs = all_at_once(cmds);
        let created = runs.iter().filter(|r| r.code() == 0).count();
        assert_eq!(created, 1, "round {round}: {runs:?}");
        for run in runs.iter().filter(|r| r.code() != 0) {
            run.expect(3);
            let said = run.stderr();
            assert!(
                said.contains("was created meanwhile") || said.contains("already exists"),
                "{run:?}"
            );
        }
        let rows = sb.sql(&format!(
            "SELECT count(*) FROM auth_user WHERE upper(username) = 'RACE{round}'"
        ));
        assert_eq!(rows, ["1"], "round {round}");
    }
}

fn an_import_racing_a_signup_cannot_make_two_cases_of_one_name(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("first", "", PW);
    for i in 0..4 {
        let (upper, lower) = (format!("USER{i:05}"), format!("user{i:05}"));
        let runs = all_at_once(vec![
            sb.cmd(["users", "import", "-", "--format", "jsonl"])
                .stdin(format!("{{\"username\": \"{upper}\"}}\n")),
            sb.cmd(["signup", "--username", &lower, "--password-stdin"])
                .stdin_line(PW),
        ]);
        assert_eq!(runs.iter().filter(|r| r.code() == 0).count(), 1, "{runs:?}");
        let rows = sb.sql(&format!(
            "SELECT count(*) FROM auth_user WHERE upper(username) = '{upper}'"
        ));
        assert_eq!(rows, ["1"]);
    }
}

fn names_equal_under_upper_case_are_one_name_like_djangos_iexact_on_postgresql(backend: Backend) {
    let sb = Sandbox::on(backend);
    for (first, second) in [
        ("ΟΔΟΣ", "οδοσ"),
        ("ΟΔΟΣ2", "οδος2"),
        ("Istanbul", "ıstanbul"),
    ] {
        sb.signup(first, "", PW);
        sb.cmd(["signup", "--username", second, "--password-stdin"])
            .stdin_line(PW)
            .run()
            .expect(3)
            .stderr_has("A user with that username already exists.");
        sb.cmd([
            "createsuperuser",
            "--no-input",
            "--username",
            second,
            "--email",
            "x@example.com",
            "--skip-validation",
        ])
        .run()
        .expect(3)
        .stderr_has("A user with that username already exists.");
    }
    // `ß` has no single upper-case letter, so it stays distinct from "SS", as in PostgreSQL.
    sb.signup("strasse", "", PW);
    sb.signup("straße", "", PW);
}

fn no_password_from_an_import_file_appears_in_any_message(backend: Backend) {
    let sb = Sandbox::on(backend);
    let secret = "Hunter2-Very-Secret";
    let cases = [
        // No header row: the first row is taken as the header.
        (
            "noheader.csv",
            format!("alice,alice@example.com,{secret}\nbob,bob@example.com,x\n"),
        ),
        // A JSON Lines file read as CSV.
        (
            "users.csv",
            format!("{{\"username\": \"alice\", \"password\": \"{secret}\"}}\n"),
        ),
        // Shifted columns: the password lands in a flag.
        (
            "shifted.csv",
            format!("username,email,is_staff,password\nalice,{secret},true\n"),
        ),
        (
            "shifted2.csv",
            format!("username,email,is_staff,password\nalice,a@example.com,{secret},x\n"),
        ),
        // A JSON flag holding a password, and a password as an unknown key.
        (
            "users.jsonl",
            format!("{{\"username\": \"a\", \"is_staff\": \"{secret}\"}}\n"),
        ),
        (
            "keys.jsonl",
            format!("{{\"username\": \"a\", \"{secret}\": 1}}\n"),
        ),
    ];
    for (name, text) in cases {
        let file = sb.path(name);
        std::fs::write(&file, text).unwrap();
        let run = sb.cmd(["users", "import"]).arg(&file).run();
        run.expect(3);
        assert!(
            !run.stderr().contains("Hunter2") && !run.stdout().contains("Hunter2"),
            "{name}: {run:?}"
        );
        assert!(
            run.stderr().contains("line"),
            "{name} names a line: {run:?}"
        );
    }
}

#[test]
fn a_misspelt_column_is_still_named_and_a_long_header_is_cut_short() {
    let sb = Sandbox::new();
    let file = sb.path("typo.csv");
    std::fs::write(&file, "username,emial\nalice,a@example.com\n").unwrap();
    sb.cmd(["users", "import"])
        .arg(&file)
        .run()
        .expect(3)
        .stderr_has("unknown column `emial`");
    let many: Vec<String> = (0..200).map(|i| format!("extra{i}")).collect();
    std::fs::write(&file, format!("username,{}\nalice\n", many.join(","))).unwrap();
    let run = sb.cmd(["users", "import"]).arg(&file).run();
    run.expect(3).stderr_has("and 195 more");
    assert!(run.stderr().len() < 2000, "{run:?}");
}

fn empty_or_blank_secret_keys_anywhere_are_configuration_errors(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.signup("alice", "alice@example.com", PW);
    let config = sb.path("config.toml");
    for text in [
        "secret_key_fallbacks = [\"\"]\n",
        "secret_key_fallbacks = [\"an old key that is long enough to pass\", \"  \"]\n",
        "secret_key = \"   \"\n",
    ] {
        std::fs::write(&config, text).unwrap();
        sb.cmd([
            "--config",
            config.to_str().unwrap(),
            "login",
            "--username",
            "alice",
        ])
        .arg("--password-stdin")
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("config file");
    }
    sb.set("AUTHCTL_SECRET_KEY", " \t ");
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(4)
        .stderr_has("AUTHCTL_SECRET_KEY");
    sb.unset("AUTHCTL_SECRET_KEY");
    let key_file = sb.path("home/config/authctl/secret_key");
    std::fs::create_dir_all(key_file.parent().unwrap()).unwrap();
    std::fs::write(&key_file, "  \n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(4)
        .stderr_has("is empty");
}

fn a_short_secret_key_works_with_a_warning_that_does_not_show_it(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    sb.set("AUTHCTL_SECRET_KEY", "tiny-key");
    let run = sb.login("alice", PW);
    run.expect(0).stderr_has(
        "warning: `secret_key` from environment variable AUTHCTL_SECRET_KEY is shorter than 32",
    );
    assert!(!run.stderr().contains("tiny-key"), "{run:?}");
    sb.set("AUTHCTL_SECRET_KEY", &"k".repeat(50));
    let run = sb.login("alice", PW);
    run.expect(0);
    assert!(!run.stderr().contains("warning"), "{run:?}");
}

/// Argon2 at 1 GiB, 64 passes, 64 lanes: about 80 s and 1 GiB for one check if it were run.
const COSTLY_ARGON2: &str =
    "argon2$argon2id$v=19$m=1048576,t=64,p=64$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

#[test]
fn a_hash_over_the_work_bound_is_refused_on_import_and_never_checked() {
    let sb = Sandbox::new();
    sb.cmd(["users", "import", "-", "--format", "jsonl"])
        .stdin(format!(
            "{{\"username\": \"ok\"}}\n{{\"username\": \"heavy\", \"password_hash\": \"{COSTLY_ARGON2}\"}}\n"
        ))
        .run()
        .expect(3)
        .stderr_has("line 2: the password hash asks for more work than authctl allows");
    assert!(!sb.db.exists(), "a refused import created the database");
    // Written behind authctl's back: the check is refused, not run, and -v says why.
    sb.signup("heavy", "", PW);
    sb.exec(&format!(
        "UPDATE auth_user SET password = '{COSTLY_ARGON2}' WHERE username = 'heavy'"
    ));
    let started = std::time::Instant::now();
    sb.cmd(["verify", "--username", "heavy", "--password-stdin", "-v"])
        .stdin_line(PW)
        .run()
        .expect(1)
        .stderr_has("asks for more work than authctl allows");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "the costly hash was computed"
    );
    sb.verify("heavy", PW).expect(1).stdout_is("");
}

fn a_denied_check_of_an_inactive_user_writes_nothing(backend: Backend) {
    let mut sb = Sandbox::on(backend);
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("sleepy", "", PW);
    sb.exec("UPDATE auth_user SET is_active = false");
    // An outdated hash would be re-encoded by a successful check.
    sb.set("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "200");
    let hash_before = sb.sql("SELECT password, last_login FROM auth_user");
    sb.verify("sleepy", PW).expect(1);
    sb.login("sleepy", PW).expect(1);
    assert_eq!(
        sb.sql("SELECT password, last_login FROM auth_user"),
        hash_before
    );
    // Only the failures themselves are recorded (for the event log and the lockout).
    assert_eq!(sb.sql("SELECT count(*) FROM authctl_session"), ["0"]);
    assert_eq!(
        sb.sql("SELECT event FROM authctl_event ORDER BY id"),
        ["user_created", "login_failed", "login_failed"]
    );
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_database_is_its_owners_alone_and_an_existing_ones_mode_is_kept() {
    let mut sb = Sandbox::new();
    let db = sb.path("private/deeper/users.sqlite3");
    sb.set("AUTHCTL_DATABASE", db.to_str().unwrap());
    sb.signup("alice", "", PW);
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    assert_eq!(mode(&sb.path("private")), 0o700);
    // Writers leave no journal or WAL file readable by others.
    sb.login("alice", PW).expect(0);
    for entry in std::fs::read_dir(db.parent().unwrap()).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    // An existing database keeps the mode its owner gave it.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o640)).unwrap();
    sb.signup("bob", "", PW);
    assert_eq!(mode(&db), 0o640);
}

#[test]
fn a_database_in_memory_is_refused_as_usage() {
    let sb = Sandbox::new();
    for location in [
        ":memory:",
        "file::memory:",
        "file:users?mode=memory&cache=shared",
    ] {
        sb.cmd([
            "--database",
            location,
            "signup",
            "--username",
            "a",
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
        .expect(2)
        .stderr_has("kept in memory");
    }
}

#[test]
fn a_device_or_directory_is_not_a_database_and_gets_no_journal() {
    let sb = Sandbox::new();
    for location in ["/dev/null", sb.dir.path().to_str().unwrap()] {
        sb.cmd([
            "--database",
            location,
            "signup",
            "--username",
            "a",
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("is not a regular file");
    }
    assert!(!std::path::Path::new("/dev/null-journal").exists());
    assert!(!std::path::Path::new("/dev/null-wal").exists());
}

#[test]
fn a_dry_run_or_a_refused_signup_or_import_creates_no_database() {
    let mut sb = Sandbox::new();
    let db = sb.path("new/dir/users.sqlite3");
    sb.set("AUTHCTL_DATABASE", db.to_str().unwrap());
    sb.cmd(["users", "import", "-", "--format", "jsonl", "--dry-run"])
        .stdin("{\"username\": \"alice\"}\n")
        .run()
        .expect(0)
        .stdout_has("would create alice");
    sb.cmd(["signup", "--username", "bob", "--password-stdin"])
        .stdin_line("1234")
        .run()
        .expect(3);
    sb.cmd(["users", "import", "-", "--format", "jsonl"])
        .stdin("{\"username\": \"bad name\"}\n")
        .run()
        .expect(3);
    assert!(!sb.path("new").exists(), "a directory or file was created");
}

fn a_csv_export_cannot_carry_a_spreadsheet_formula_and_still_imports_unchanged(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    let formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    sb.cmd([
        "users",
        "set",
        "alice",
        "--first-name",
        formula,
        "--last-name",
        "@SUM(1)",
    ])
    .run()
    .expect(0);
    let export = sb.path("users.csv");
    sb.cmd(["users", "export", "--with-hashes", "--output"])
        .arg(&export)
        .run()
        .expect(0);
    let text = std::fs::read_to_string(&export).unwrap();
    for line in text.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {line}"
            );
        }
    }
    let fresh = Sandbox::on(backend);
    fresh.cmd(["users", "import"]).arg(&export).run().expect(0);
    assert_eq!(
        fresh.sql("SELECT first_name, last_name FROM auth_user"),
        [format!("{formula}|@SUM(1)")]
    );
}

fn human_output_escapes_characters_that_reorder_text(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    sb.cmd(["users", "set", "alice", "--first-name", "Ali\u{202e}ecila"])
        .run()
        .expect(0);
    let run = sb.cmd(["users", "show", "alice"]).run();
    run.expect(0).stdout_has("Ali\\u{202e}ecila");
    assert!(!run.stdout().contains('\u{202e}'), "{run:?}");
    sb.cmd(["users", "list"]).run().expect(0);
}

fn delete_refuses_while_another_tables_foreign_key_names_auth_user_in_any_case(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    // Unquoted: SQLite keeps the name as written (its foreign-key list says `AUTH_USER`, as it
    // does for the quoted name), PostgreSQL folds it to auth_user.
    sb.exec(
        "CREATE TABLE notes (owner INTEGER REFERENCES AUTH_USER (id)); \
         INSERT INTO notes SELECT id FROM auth_user;",
    );
    sb.cmd(["users", "delete", "alice", "--yes"])
        .run()
        .expect(3)
        .stderr_has("still referenced by 1 row(s) of notes.owner");
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["1"]);
}

#[test]
fn an_address_whose_account_row_is_unreadable_answers_like_any_other() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_SECRET_KEY", &"s".repeat(50));
    sb.signup("broken", "broken@example.com", PW);
    sb.exec("UPDATE auth_user SET date_joined = 'not a date' WHERE username = 'broken'");
    // The console backend looks the address up before it answers; the row is skipped.
    let broken = sb
        .cmd(["reset-request", "--email", "broken@example.com"])
        .run();
    let nobody = sb
        .cmd(["reset-request", "--email", "nobody@example.com"])
        .run();
    broken.expect(0);
    assert_eq!(
        (broken.stdout(), broken.stderr()),
        (nobody.stdout(), nobody.stderr())
    );
    sb.cmd(["-v", "reset-request", "--email", "broken@example.com"])
        .run()
        .expect(0)
        .stderr_has("skipped user 1");
}

#[test]
fn import_messages_name_rows_by_line_even_when_the_header_mislabels_passwords() {
    let sb = Sandbox::new();
    let secret = "Winter2024-Change";
    // The "username" column holds passwords: it must not be repeated back.
    let csv = format!(
        "password,username,email\nalice,{secret},a@example.com\nbob,{secret},b@example.com\n"
    );
    let run = sb
        .cmd(["users", "import", "-", "--format", "csv"])
        .stdin(csv)
        .run();
    run.expect(3)
        .stderr_has("line 3: the username repeats line 2.");
    assert!(!run.stderr().contains(secret), "{run:?}");
}

#[test]
fn a_file_uri_gets_the_same_checks_as_a_path() {
    let sb = Sandbox::new();
    let signup = |database: &str| {
        sb.cmd([
            "--database",
            database,
            "signup",
            "--username",
            "alice",
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
    };
    for memory in [
        "file:x?mode=memory#f",
        "file:x2?mode=%6demory",
        "file:/m1?vfs=memdb",
        "file:",
        "file:?mode=rwc",
        "file::memory:?cache=shared",
    ] {
        signup(memory).expect(2).stderr_has("kept in memory");
    }
    signup("file:/dev/null")
        .expect(4)
        .stderr_has("is not a regular file");
    let db = sb.path("uri/dir/users.sqlite3");
    let uri = format!("file:{}?mode=rwc", db.display());
    sb.cmd([
        "--database",
        &uri,
        "signup",
        "--username",
        "bad name",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(3);
    assert!(!sb.path("uri").exists(), "a refused signup created files");
    signup(&uri).expect(0);
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
}

#[test]
fn devices_pipes_and_links_are_never_replaced_or_removed_as_session_or_export_files() {
    let sb = Sandbox::new();
    sb.signup("alice", "", PW);
    let fifo = sb.path("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let target = sb.path("notes.txt");
    std::fs::write(&target, "mine\n").unwrap();
    let link = sb.path("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for path in ["/dev/null", fifo.to_str().unwrap(), link.to_str().unwrap()] {
        sb.cmd(["--session-file", path, "logout"]).run().expect(0);
        sb.cmd(["--session-file", path, "whoami"]).run().expect(1);
        sb.cmd([
            "--session-file",
            path,
            "login",
            "--username",
            "alice",
            "--password-stdin",
        ])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("not a regular file");
        sb.cmd(["users", "export", "--output", path])
            .run()
            .expect(4)
            .stderr_has("not a regular file");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine\n");
}

#[test]
fn a_leading_apostrophe_survives_export_and_import_and_passwords_are_never_changed() {
    let sb = Sandbox::new();
    // A password that starts like a defused cell is taken exactly as written.
    sb.cmd(["users", "import", "-", "--format", "csv"])
        .stdin("username,email,password\ndave,'-dave@example.com,'-Secret-Horse-9\n")
        .run()
        .expect(0);
    sb.verify("dave", "'-Secret-Horse-9").expect(0);
    sb.cmd(["users", "set", "dave", "--email", "'-dave@example.com"])
        .run()
        .expect(0);
    let export = sb.path("users.csv");
    sb.cmd(["users", "export", "--with-hashes", "--output"])
        .arg(&export)
        .run()
        .expect(0);
    let fresh = Sandbox::new();
    fresh.cmd(["users", "import"]).arg(&export).run().expect(0);
    assert_eq!(
        fresh.sql("SELECT email FROM auth_user"),
        ["'-dave@example.com"]
    );
    fresh.verify("dave", "'-Secret-Horse-9").expect(0);
}

#[test]
fn delete_refuses_while_a_foreign_key_points_at_the_username() {
    let sb = Sandbox::new();
    sb.signup("alice", "", PW);
    sb.exec(
        "CREATE TABLE notes (owner varchar(150) REFERENCES auth_user (username) \
         DEFERRABLE INITIALLY DEFERRED); INSERT INTO notes VALUES ('alice');",
    );
    sb.cmd(["users", "delete", "alice", "--yes"])
        .run()
        .expect(3)
        .stderr_has("still referenced by 1 row(s) of notes.owner");
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["1"]);
}

#[test]
fn an_empty_import_creates_no_database() {
    let sb = Sandbox::new();
    sb.cmd(["users", "import", "/dev/null", "--format", "jsonl"])
        .run()
        .expect(0)
        .stdout_has("Imported 0 rows");
    assert!(!sb.db.exists());
}

/// A caller that closed standard output and error does not make the program's own files
/// descriptors 1 and 2: `login` writes the session file, then says so on stdout, and the
/// session is still a session. (SQLite guards its own files; on PostgreSQL nothing else would.)
fn closed_standard_streams_cannot_capture_the_programs_own_files(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "", PW);
    sb.shell(&format!(
        "printf '%s\\n' '{PW}' | authctl login --username alice --password-stdin >&- 2>&-"
    ))
    .run()
    .expect(0);
    sb.cmd(["whoami"]).run().expect(0).stdout_has("alice");
}
