//! authctl against a real Django 5.2: the same hashes, the same validation, the same database.
//!
//! Both sides hash at the suite's one cheap-cost setting (`support::CHEAP`); that the production
//! defaults agree is checked once, by comparing the parameters themselves.

use crate::support::{
    CHEAP, PW, Sandbox, cheap, check_hash, django, email_errors, hash_algorithms,
    hash_defaults_as_json, hash_is_well_formed, make_hash, make_hash_with_costs, normalize_email,
    password_errors, sql, username_errors,
};
use serde_json::{Value, json};

const PASSWORDS: [&str; 2] = ["pässwörd ✓ 1", "p"];

/// Django's answers, one per question asked, or the test stops: zipping a short answer list
/// would silently check nothing.
fn answers(value: &Value, asked: usize) -> &Vec<Value> {
    let list = value.as_array().expect("Django answered with a list");
    assert_eq!(
        list.len(),
        asked,
        "Django answered {} of {asked} questions",
        list.len()
    );
    list
}

#[test]
fn django_and_authctl_have_the_same_default_hasher_parameters() {
    // Read from Django's hasher classes: nothing is hashed at these (slow) costs.
    let theirs = django("hasher_defaults", json!({}));
    assert_eq!(
        hash_defaults_as_json(),
        theirs,
        "authctl's default costs (left) differ from Django's (right)"
    );
}

#[test]
fn django_hashes_of_every_algorithm_verify_in_authctl_with_equal_costs() {
    let algorithms = hash_algorithms();
    let hashes = django(
        "hash",
        json!({"passwords": PASSWORDS, "algorithms": algorithms}),
    );
    for item in answers(&hashes, PASSWORDS.len() * algorithms.len()) {
        let (password, encoded) = (
            item["password"].as_str().unwrap(),
            item["encoded"].as_str().unwrap(),
        );
        let hasher = item["hasher"].as_str().unwrap();
        assert!(encoded.starts_with(&format!("{hasher}$")), "{encoded}");
        let verdict = check_hash(password, encoded);
        assert!(verdict.matches, "authctl rejects Django's {encoded}");
        assert!(
            !verdict.must_update,
            "Django's costs differ from authctl's for {encoded}"
        );
        assert!(
            !check_hash(&format!("{password}x"), encoded).matches,
            "{encoded}"
        );
        assert!(hash_is_well_formed(encoded), "{encoded}");
    }
}

#[test]
fn authctl_hashes_of_every_algorithm_verify_in_django() {
    let mut items = Vec::new();
    for algorithm in hash_algorithms() {
        for password in PASSWORDS {
            let encoded = make_hash(algorithm, password);
            items.push(json!({"password": password, "encoded": encoded, "expect": true}));
            items.push(
                json!({"password": format!("{password}!"), "encoded": encoded, "expect": false}),
            );
        }
    }
    let replies = django("check", json!({"items": items}));
    for (item, answer) in items.iter().zip(answers(&replies, items.len())) {
        assert_eq!(
            answer["matches"], item["expect"],
            "Django disagrees on {item}"
        );
    }
}

/// One cost at a time moved off the shared cheap setting, for each algorithm that has it.
const OUTDATED: &[(&str, &str, &str)] = &[
    ("argon2", "AUTHCTL_ARGON2_MEMORY_COST", "128"),
    ("argon2", "AUTHCTL_ARGON2_TIME_COST", "2"),
    ("argon2", "AUTHCTL_ARGON2_PARALLELISM", "2"),
    ("pbkdf2_sha256", "AUTHCTL_PBKDF2_SHA256_ITERATIONS", "200"),
    ("pbkdf2_sha1", "AUTHCTL_PBKDF2_SHA1_ITERATIONS", "200"),
    ("bcrypt_sha256", "AUTHCTL_BCRYPT_ROUNDS", "5"),
    ("bcrypt", "AUTHCTL_BCRYPT_ROUNDS", "5"),
    ("scrypt", "AUTHCTL_SCRYPT_WORK_FACTOR", "32"),
    ("scrypt", "AUTHCTL_SCRYPT_BLOCK_SIZE", "4"),
    ("scrypt", "AUTHCTL_SCRYPT_PARALLELISM", "2"),
];

#[test]
fn django_must_update_agrees_for_outdated_hashes() {
    // Hashes at the shared costs are current for both; with any one cost changed they must be
    // outdated for both, each side judging by its own reading of the hash.
    let mut items = Vec::new();
    for algorithm in hash_algorithms() {
        items.push((make_hash(algorithm, "pw"), false));
    }
    for (algorithm, var, value) in OUTDATED {
        if let Some((_, cheap_value)) = CHEAP.iter().find(|(k, _)| k == var) {
            assert_ne!(cheap_value, value, "{var} must move off the cheap cost");
        }
        let encoded = make_hash_with_costs(algorithm, "pw", &[(var, value)]);
        items.push((encoded, true));
    }
    let request: Vec<Value> = items
        .iter()
        .map(|(encoded, _)| json!({"password": "pw", "encoded": encoded}))
        .collect();
    let replies = django("check", json!({"items": request}));
    for ((encoded, outdated), answer) in items.iter().zip(answers(&replies, items.len())) {
        let ours = check_hash("pw", encoded);
        assert!(ours.matches, "{encoded}");
        assert_eq!(answer["matches"], true, "{encoded}");
        assert_eq!(
            Value::Bool(ours.must_update),
            answer["must_update"],
            "must_update differs for {encoded}"
        );
        assert_eq!(ours.must_update, *outdated, "must_update for {encoded}");
    }
}

#[test]
fn password_validators_give_djangos_messages() {
    let cases = [
        ("1234", "alice", "", "", ""),
        ("alice123", "alice", "", "", ""),
        ("password", "", "", "", ""),
        ("  PassWord  ", "", "", "", ""),
        (
            "correct horse battery staple",
            "alice",
            "alice@example.com",
            "Alice",
            "Liddell",
        ),
        ("abc", "", "", "", ""),
        ("", "bob", "", "", ""),
        ("١٢٣٤٥٦٧٨٩", "", "", "", ""),
        ("²³⁴⁵⁶⁷⁸⁹", "", "", "", ""),
        ("½½½½½½½½", "", "", "", ""),
        ("john.smith@ex", "jsmith", "john.smith@example.com", "", ""),
        ("smithjohn1", "jj", "", "John", "Smith"),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "x", "", "", ""),
        ("Übermensch!", "übermensch", "", "", ""),
        ("qwertyuiop", "", "", "", ""),
        ("9876543210", "", "", "", ""),
        ("ΣΊΣΥΦΟΣ-lives", "σίσυφος", "", "", ""),
    ];
    let items: Vec<Value> = cases
        .iter()
        .map(|(p, u, e, f, l)| json!({"password": p, "username": u, "email": e, "first_name": f, "last_name": l}))
        .collect();
    let replies = django("validate", json!({"items": items}));
    for ((password, username, email, first_name, last_name), answer) in
        cases.iter().zip(answers(&replies, cases.len()))
    {
        let ours = password_errors(password, username, email, first_name, last_name);
        let theirs: Vec<String> = serde_json::from_value(answer.clone()).unwrap();
        assert_eq!(ours, theirs, "messages differ for password {password:?}");
    }
}

#[test]
fn username_and_email_validation_match_django() {
    let usernames = [
        "alice",
        "a b",
        "a@b.c+-_",
        "Zoë",
        "東京",
        "émile",
        "user!",
        "a/b",
        "tab\t",
        "a\n",
        "",
        &"x".repeat(150),
        &"x".repeat(151),
        "١٢٣",
        "a‿b",
        "हिंदी",
        "é\u{301}",
        "ǅungla",
        "Ⅻ",
    ];
    let long_local = format!("{}@example.com", "a".repeat(250));
    let emails = [
        "a@b.co",
        "a@b",
        "x@localhost",
        "\"quoted name\"@example.com",
        "u@[127.0.0.1]",
        "u@[::1]",
        "u@[1.2.3]",
        "a..b@c.de",
        ".a@c.de",
        "a@-b.co",
        "a@b-.co",
        "a@b.co.",
        "a@b.c0m",
        "a@b.c",
        "Bob@Example.COM",
        "ü@example.com",
        "u@bücher.de",
        "a@xn--p1ai",
        "a@b.co@c.de",
        "@b.co",
        "a@xn--.com",
        "a@b.xn--p1ai",
        "a@123.com",
        "a@b.c-m",
        &long_local,
        "a@b..co",
        "a b@c.de",
        "a\\@b@c.de",
        "\"a\\\"b\"@c.de",
        "a@[IPv6:::1]",
    ];
    let answer = django("fields", json!({"usernames": usernames, "emails": emails}));
    for (username, theirs) in usernames
        .iter()
        .zip(answers(&answer["usernames"], usernames.len()))
    {
        let theirs: Vec<String> = serde_json::from_value(theirs.clone()).unwrap();
        assert_eq!(username_errors(username), theirs, "username {username:?}");
    }
    for (email, theirs) in emails.iter().zip(answers(&answer["emails"], emails.len())) {
        let theirs: Vec<String> = serde_json::from_value(theirs.clone()).unwrap();
        assert_eq!(email_errors(email), theirs, "email {email:?}");
    }
    for (email, theirs) in emails
        .iter()
        .zip(answers(&answer["normalized_emails"], emails.len()))
    {
        assert_eq!(
            normalize_email(email),
            theirs.as_str().unwrap(),
            "normalize {email:?}"
        );
    }
}

/// Every table's DDL except authctl's own tables, its case-insensitive lookup indexes and its
/// session trigger, to show authctl changed nothing else of Django's.
fn django_schema(db: &std::path::Path) -> Vec<String> {
    sql(
        db,
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master \
         WHERE tbl_name NOT LIKE 'authctl_%' AND name NOT LIKE 'authctl_ci_%' \
         AND name NOT LIKE 'authctl_sessions_of_%' ORDER BY name",
    )
}

/// A Django project's database whose superuser `djadmin` Django made. Both sides hash at the
/// same costs, so Django's hashes are not "outdated" for authctl.
fn django_project() -> Sandbox {
    let sb = Sandbox::new();
    sb.django_project("djadmin", "dj@example.com", "django pass 123");
    sb
}

#[test]
fn authctl_uses_a_django_project_database_as_is() {
    let sb = django_project();
    let schema = django_schema(&sb.db);
    let before = sb.sql("SELECT password FROM auth_user WHERE username = 'djadmin'");
    sb.verify("djadmin", "django pass 123").expect(0);
    sb.verify("djadmin", "wrong").expect(1);
    assert_eq!(
        sb.sql("SELECT password FROM auth_user WHERE username = 'djadmin'"),
        before,
        "a current pbkdf2 hash must stay"
    );
    assert_eq!(
        django_schema(&sb.db),
        schema,
        "authctl changed Django's schema"
    );
}

#[test]
fn users_authctl_creates_log_in_to_django() {
    let sb = django_project();
    let schema = django_schema(&sb.db);
    sb.cmd([
        "signup",
        "--username",
        "newbie",
        "--email",
        "n@example.com",
        "--password-stdin",
    ])
    .stdin_line("fresh pass 456")
    .run()
    .expect(0);
    sb.superuser("boss", "b@example.com", Some("boss pass 789"));
    let newbie = django(
        "authenticate",
        json!({"database": sb.db, "username": "newbie", "password": "fresh pass 456"}),
    );
    assert_eq!(newbie["authenticated"], true, "{newbie}");
    // On a Django project's database authctl hashes with Django's default hasher, at the
    // configured cost.
    let pbkdf2 = format!(
        "pbkdf2_sha256${}$",
        cheap("AUTHCTL_PBKDF2_SHA256_ITERATIONS")
    );
    assert!(
        newbie["password"].as_str().unwrap().starts_with(&pbkdf2),
        "{newbie}"
    );
    let boss = django(
        "authenticate",
        json!({"database": sb.db, "username": "boss", "password": "boss pass 789"}),
    );
    assert_eq!(
        (
            boss["authenticated"].clone(),
            boss["is_superuser"].clone(),
            boss["is_staff"].clone()
        ),
        (json!(true), json!(true), json!(true))
    );
    let wrong = django(
        "authenticate",
        json!({"database": sb.db, "username": "newbie", "password": "nope"}),
    );
    assert_eq!(wrong["authenticated"], false);
    assert_eq!(
        django_schema(&sb.db),
        schema,
        "authctl changed Django's schema"
    );
}

#[test]
fn new_authctl_database_has_djangos_exact_auth_user_ddl() {
    let ours = Sandbox::new();
    ours.signup("a", "", PW);
    let theirs = Sandbox::new();
    django("migrate", json!({"database": theirs.db}));
    let query = "SELECT sql FROM sqlite_master WHERE name = 'auth_user'";
    assert_eq!(ours.sql(query), theirs.sql(query));
}

#[test]
fn argon2_users_made_by_authctl_log_in_to_django_with_argon2_cffi() {
    let sb = django_project();
    sb.cmd(["signup", "--username", "argonaut", "--password-stdin"])
        .env("AUTHCTL_HASHER", "argon2")
        .stdin_line("golden fleece 1")
        .run()
        .expect(0);
    let stored = &sb.sql("SELECT password FROM auth_user WHERE username = 'argonaut'")[0];
    assert!(stored.starts_with("argon2$argon2id$"), "{stored}");
    let answer = django(
        "authenticate",
        json!({"database": sb.db, "username": "argonaut", "password": "golden fleece 1"}),
    );
    assert_eq!(answer["authenticated"], true, "{answer}");
}
