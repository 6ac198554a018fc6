use crate::on_both;
use crate::support::{Backend, PW, Sandbox, django};
use serde_json::json;

#[test]
fn file_that_is_not_sqlite_is_exit_4_and_untouched() {
    let sb = Sandbox::new();
    let junk = "just some text, definitely not SQLite\n".repeat(50);
    std::fs::write(&sb.db, &junk).unwrap();
    sb.verify("a", "x")
        .expect(4)
        .stderr_has("is not a SQLite database");
    assert_eq!(std::fs::read_to_string(&sb.db).unwrap(), junk);
}

#[test]
fn sqlite_without_auth_user_is_exit_4_and_untouched() {
    let sb = Sandbox::new();
    sb.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');");
    let before = std::fs::read(&sb.db).unwrap();
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("has no user table: neither auth_user nor a table with Django's password and last_login columns");
    assert_eq!(std::fs::read(&sb.db).unwrap(), before);
}

#[test]
fn auth_user_missing_columns_is_exit_4() {
    let sb = Sandbox::new();
    sb.exec("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT);");
    sb.verify("a", "x")
        .expect(4)
        .stderr_has("the user table `auth_user` in");
}

#[test]
fn empty_file_becomes_a_new_database() {
    let sb = Sandbox::new();
    std::fs::write(&sb.db, "").unwrap();
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
}

#[test]
fn missing_parent_directories_are_created() {
    let sb = Sandbox::new();
    let nested = sb.path("a/b/c/users.sqlite3");
    sb.cmd([
        "--database",
        nested.to_str().unwrap(),
        "signup",
        "--username",
        "a",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(0);
    assert!(nested.exists());
}

#[test]
fn unreadable_datetime_is_an_error_not_a_panic() {
    let sb = Sandbox::new();
    sb.signup("a", "", PW);
    sb.exec("UPDATE auth_user SET last_login = 'not a date'");
    sb.verify("a", PW)
        .expect(4)
        .stderr_has("unreadable datetime");
}

#[test]
fn database_that_is_a_directory_is_exit_4() {
    let sb = Sandbox::new();
    std::fs::create_dir(&sb.db).unwrap();
    sb.verify("a", "x").expect(4).stderr_has("authctl: error:");
}

#[test]
fn reading_commands_do_not_create_a_missing_database() {
    let sb = Sandbox::new();
    let typo = sb.path("no/such/dir/users.sqlite3");
    for args in [
        vec!["verify", "--username", "a", "--password-stdin"],
        vec!["users", "list"],
        vec!["whoami"],
    ] {
        sb.cmd(["--database", typo.to_str().unwrap()])
            .args(args)
            .stdin_line("x")
            .run()
            .expect(4)
            .stderr_has("does not exist");
    }
    assert!(
        !sb.path("no").exists(),
        "a reading command created directories"
    );
}

#[test]
fn an_empty_database_path_is_refused() {
    let mut sb = Sandbox::new();
    sb.cmd([
        "--database",
        "",
        "signup",
        "--username",
        "a",
        "--password-stdin",
    ])
    .stdin_line(PW)
    .run()
    .expect(4)
    .stderr_has("invalid value for `database` from flag --database");
    sb.set("AUTHCTL_DATABASE", "");
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(4)
        .stderr_has("AUTHCTL_DATABASE");
}

#[test]
fn an_empty_file_is_not_set_up_by_a_reading_command() {
    let sb = Sandbox::new();
    std::fs::write(&sb.db, "").unwrap();
    sb.cmd(["users", "list"])
        .run()
        .expect(4)
        .stderr_has("is an empty database");
    assert_eq!(
        std::fs::metadata(&sb.db).unwrap().len(),
        0,
        "the file was written to"
    );
}

/// The schema Django 5.2's own `migrate` of `auth` and `contenttypes` leaves on SQLite.
#[test]
fn a_new_sqlite_database_gets_djangos_tables_exactly_as_djangos_migrate_makes_them() {
    let ours = Sandbox::new();
    ours.signup("alice", "", PW);
    let theirs = Sandbox::new();
    django(
        "migrate_apps",
        json!({"database": theirs.db, "apps": ["auth", "contenttypes"]}),
    );
    let schema = |sb: &Sandbox| {
        let mut sql = sb.sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL \
             AND (name LIKE 'auth%' OR name LIKE 'django%') AND name NOT LIKE 'authctl%'",
        );
        sql.sort();
        sql
    };
    assert_eq!(schema(&ours), schema(&theirs));
    // The same migrations recorded, and the same content types and permissions.
    for query in [
        "SELECT app || '.' || name FROM django_migrations ORDER BY 1",
        "SELECT app_label || '.' || model FROM django_content_type ORDER BY 1",
        "SELECT codename || ':' || name FROM auth_permission ORDER BY 1",
    ] {
        assert_eq!(ours.sql(query), theirs.sql(query), "{query}");
    }
}

/// A Django project pointed at a database authctl created takes it over: `migrate` adds its
/// own apps, and the users log in to the site.
fn a_django_project_adopts_a_database_authctl_created(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.signup("alice", "alice@example.com", PW);
    django("migrate", json!({"database": sb.database}));
    let answer = django(
        "authenticate",
        json!({"database": sb.database, "username": "alice", "password": PW}),
    );
    assert_eq!(answer["authenticated"], true, "{answer}");
    // Now a Django project's database: new hashes are the ones every Django site reads.
    sb.signup("bob", "", PW);
    assert!(
        sb.sql("SELECT password FROM auth_user WHERE username = 'bob'")[0]
            .starts_with("pbkdf2_sha256$")
    );
}

on_both!(a_django_project_adopts_a_database_authctl_created);

/// A database an earlier authctl made holds `auth_user` alone; it gets the rest of Django's
/// tables the next time it is opened.
#[test]
fn an_older_authctl_database_gets_the_rest_of_djangos_tables() {
    let sb = Sandbox::new();
    crate::support::exec(
        &sb.db,
        &format!(
            "{};",
            r#"CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)"#
        ),
    );
    sb.signup("alice", "", PW);
    assert_eq!(
        sb.sql("SELECT count(*) FROM django_migrations"),
        ["14"],
        "the migrations of auth and contenttypes"
    );
    sb.verify("alice", PW).expect(0);
}
