//! authctl against a real Django 5.2: the same hashes, the same validation, the same database.

use crate::support::{Sandbox, django, sql};
use authctl::hashers::{
    self, Algorithm, Argon2Params, BcryptParams, HashParams, Hashers, Pbkdf2Params, ScryptParams,
};
use authctl::validators::{self, PasswordValidators as ValidatorSettings, UserAttributes};
use serde_json::{Value, json};

const PASSWORDS: [&str; 2] = ["pässwörd ✓ 1", "p"];

/// Costs far below Django's defaults (which both sides must still read and re-encode).
fn cheap() -> HashParams {
    HashParams {
        argon2: Argon2Params::new(256, 1, 2).unwrap(),
        pbkdf2_sha256: Pbkdf2Params::new(1000).unwrap(),
        pbkdf2_sha1: Pbkdf2Params::new(1000).unwrap(),
        bcrypt: BcryptParams::new(4).unwrap(),
        scrypt: ScryptParams::new(1024, 8, 5).unwrap(),
    }
}

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

fn names() -> Vec<&'static str> {
    Algorithm::ALL.iter().map(|a| a.name()).collect()
}

#[test]
fn django_hashes_of_every_algorithm_verify_in_authctl_with_equal_defaults() {
    let hashes = django(
        "hash",
        json!({"passwords": PASSWORDS, "algorithms": names()}),
    );
    for item in hashes.as_array().unwrap() {
        let (password, encoded) = (
            item["password"].as_str().unwrap(),
            item["encoded"].as_str().unwrap(),
        );
        let algorithm = Algorithm::from_name(item["hasher"].as_str().unwrap()).unwrap();
        let config = Hashers::new(algorithm, &HashParams::default());
        let verdict = config.check_password(password, encoded);
        assert!(verdict.matches, "authctl rejects Django's {encoded}");
        assert!(
            !verdict.must_update,
            "Django's defaults differ from authctl's for {encoded}"
        );
        assert!(
            !config
                .check_password(&format!("{password}x"), encoded)
                .matches,
            "{encoded}"
        );
        assert!(config.is_well_formed(encoded), "{encoded}");
    }
}

#[test]
fn authctl_hashes_of_every_algorithm_verify_in_django() {
    let mut items = Vec::new();
    for algorithm in Algorithm::ALL {
        let config = Hashers::new(algorithm, &cheap());
        for password in PASSWORDS {
            let encoded = config.make_password(password);
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

#[test]
fn django_must_update_agrees_for_outdated_hashes() {
    // Hashes Django considers outdated relative to its defaults must be outdated for authctl's
    // defaults too, and the other way round.
    let cheap = cheap();
    let mut items = Vec::new();
    for algorithm in Algorithm::ALL {
        let encoded = Hashers::new(algorithm, &cheap).make_password("pw");
        items.push(json!({"password": "pw", "encoded": encoded}));
    }
    let replies = django("check", json!({"items": items}));
    for (item, answer) in items.iter().zip(answers(&replies, items.len())) {
        let encoded = item["encoded"].as_str().unwrap();
        let algorithm = hashers::identify(encoded).unwrap();
        let config = Hashers::new(algorithm, &HashParams::default());
        let ours = config.check_password("pw", encoded).must_update;
        assert_eq!(
            Value::Bool(ours),
            answer["must_update"],
            "must_update differs for {encoded}"
        );
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
    let settings = ValidatorSettings::default();
    for ((password, username, email, first_name, last_name), answer) in
        cases.iter().zip(answers(&replies, cases.len()))
    {
        let user = UserAttributes {
            username,
            email,
            first_name,
            last_name,
        };
        let ours = validators::password_errors(password, &user, &settings);
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
        assert_eq!(
            validators::username_errors(username),
            theirs,
            "username {username:?}"
        );
    }
    for (email, theirs) in emails.iter().zip(answers(&answer["emails"], emails.len())) {
        let theirs: Vec<String> = serde_json::from_value(theirs.clone()).unwrap();
        assert_eq!(validators::email_errors(email), theirs, "email {email:?}");
    }
    for (email, theirs) in emails
        .iter()
        .zip(answers(&answer["normalized_emails"], emails.len()))
    {
        assert_eq!(
            validators::normalize_email(email),
            theirs.as_str().unwrap(),
            "normalize {email:?}"
        );
    }
}

/// Every table's DDL except authctl's own, to show authctl changed none of Django's.
fn django_schema(db: &std::path::Path) -> Vec<String> {
    sql(
        db,
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'authctl_%' ORDER BY name",
    )
}

fn django_project() -> Sandbox {
    let mut sb = Sandbox::new();
    // Django's own pbkdf2 cost, so its hashes are not "outdated" for authctl.
    sb.set("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "1000000");
    django("migrate", json!({"database": sb.db}));
    django(
        "create_superuser",
        json!({"database": sb.db, "username": "djadmin", "email": "dj@example.com", "password": "django pass 123"}),
    );
    sb
}

#[test]
fn authctl_uses_a_django_project_database_as_is() {
    let sb = django_project();
    let schema = django_schema(&sb.db);
    let before = sb.sql("SELECT password FROM auth_user WHERE username = 'djadmin'");
    sb.run(
        &["verify", "--username", "djadmin", "--password-stdin"],
        "django pass 123\n",
    )
    .expect(0);
    sb.run(
        &["verify", "--username", "djadmin", "--password-stdin"],
        "wrong\n",
    )
    .expect(1);
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
    sb.run(
        &[
            "signup",
            "--username",
            "newbie",
            "--email",
            "n@example.com",
            "--password-stdin",
        ],
        "fresh pass 456\n",
    )
    .expect(0);
    sb.run(
        &[
            "createsuperuser",
            "--no-input",
            "--username",
            "boss",
            "--email",
            "b@example.com",
            "--password-stdin",
        ],
        "boss pass 789\n",
    )
    .expect(0);
    let newbie = django(
        "authenticate",
        json!({"database": sb.db, "username": "newbie", "password": "fresh pass 456"}),
    );
    assert_eq!(newbie["authenticated"], true, "{newbie}");
    assert!(
        newbie["password"]
            .as_str()
            .unwrap()
            .starts_with("pbkdf2_sha256$1000000$"),
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
    ours.run(
        &["signup", "--username", "a", "--password-stdin"],
        "correct horse battery\n",
    )
    .expect(0);
    let theirs = Sandbox::new();
    django("migrate", json!({"database": theirs.db}));
    let query = "SELECT sql FROM sqlite_master WHERE name = 'auth_user'";
    assert_eq!(ours.sql(query), theirs.sql(query));
}

#[test]
fn argon2_users_made_by_authctl_log_in_to_django_with_argon2_cffi() {
    let sb = django_project();
    let mut argon = Sandbox::new();
    argon.db = sb.db.clone();
    argon.set("AUTHCTL_HASHER", "argon2");
    argon
        .run(
            &["signup", "--username", "argonaut", "--password-stdin"],
            "golden fleece 1\n",
        )
        .expect(0);
    let answer = django(
        "authenticate",
        json!({"database": sb.db, "username": "argonaut", "password": "golden fleece 1"}),
    );
    assert_eq!(answer["authenticated"], true, "{answer}");
}
