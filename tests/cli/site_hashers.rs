//! A Django site shares the database: authctl never leaves a hash the site cannot read, and
//! never re-encodes back and forth with it (issue 12). The site's `PASSWORD_HASHERS` order is
//! the `hashers` setting; without it, on a Django project's database, each hash keeps its
//! algorithm.

use crate::on_both;
use crate::support::{Backend, PW, Sandbox, django, make_hash, make_hash_with_costs};
use serde_json::json;

/// A Django project's database, with `admin` made by Django itself.
fn site(backend: Backend) -> Sandbox {
    let sb = Sandbox::on(backend);
    sb.django_project("admin", "admin@example.com", PW);
    sb
}

fn stored_hash(sb: &Sandbox, username: &str) -> String {
    sb.sql(&format!(
        "SELECT password FROM auth_user WHERE username = '{username}'"
    ))
    .remove(0)
}

fn import_hash(sb: &Sandbox, username: &str, hash: &str) -> crate::support::Run {
    sb.cmd(["users", "import", "-", "--format", "jsonl"])
        .stdin(format!(
            "{}\n",
            json!({"username": username, "password_hash": hash})
        ))
        .run()
}

/// Django's own hash of `password` with `algorithm`, at the suite's cheap costs.
fn django_hash(algorithm: &str, password: &str) -> String {
    let made = django(
        "hash",
        json!({"passwords": [password], "algorithms": [algorithm]}),
    );
    made[0]["encoded"].as_str().unwrap().to_string()
}

fn without_a_list_each_hash_keeps_its_algorithm_and_only_md5_is_converted(backend: Backend) {
    let sb = site(backend);
    let argon2 = django_hash("argon2", PW);
    import_hash(&sb, "argon", &argon2).expect(0).stderr_has(
        "argon2 hashes can be read by a Django site only with the `argon2-cffi` package",
    );
    for _ in 0..2 {
        sb.verify("argon", PW).expect(0);
        assert_eq!(
            stored_hash(&sb, "argon"),
            argon2,
            "authctl re-encoded the site's hash"
        );
    }
    // Django's own pbkdf2_sha256 hash stays as Django made it, too, and so does one at other
    // costs than authctl's (a site on another Django version): the site's costs are unknown.
    let admin = stored_hash(&sb, "admin");
    sb.verify("admin", PW).expect(0);
    assert_eq!(stored_hash(&sb, "admin"), admin);
    let other_costs = make_hash_with_costs(
        "pbkdf2_sha256",
        PW,
        &[("AUTHCTL_PBKDF2_SHA256_ITERATIONS", "250")],
    );
    import_hash(&sb, "older", &other_costs).expect(0);
    sb.verify("older", PW).expect(0);
    assert_eq!(stored_hash(&sb, "older"), other_costs);
    // MD5 is converted to the hasher every Django site reads.
    import_hash(&sb, "old", &make_hash("md5", PW))
        .expect(0)
        .stderr_lacks("warning");
    sb.cmd(["-v", "verify", "--username", "old", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(0);
    assert!(stored_hash(&sb, "old").starts_with("pbkdf2_sha256$"));
    let checked = django(
        "check",
        json!({"items": [{"password": PW, "encoded": stored_hash(&sb, "old")}]}),
    );
    assert_eq!(checked[0]["matches"], true);
}

fn the_sites_list_decides_what_is_read_and_what_hashes_become(backend: Backend) {
    let mut sb = site(backend);
    let argon2 = django_hash("argon2", PW);
    import_hash(&sb, "argon", &argon2).expect(0);
    // A site without argon2 in PASSWORD_HASHERS: authctl refuses such hashes and never
    // checks one.
    sb.set("AUTHCTL_HASHERS", "pbkdf2_sha256,md5");
    import_hash(&sb, "argon_two", &argon2)
        .expect(3)
        .stderr_has("line 1: the password hash is argon2, which is not in the `hashers` setting");
    sb.cmd([
        "users",
        "set-password",
        "admin",
        "--hash",
        "--password-stdin",
    ])
    .stdin_line(&argon2)
    .run()
    .expect(3)
    .stderr_has("the password hash is argon2, which is not in the `hashers` setting");
    sb.cmd(["-v", "verify", "--username", "argon", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(1)
        .stderr_has("the stored hash is argon2, which is not in the `hashers` setting");
    // Argon2 first, as Django's documentation recommends: pbkdf2 hashes move to argon2 on a
    // successful check, as Django's own check_password would move them, and stay there.
    sb.set("AUTHCTL_HASHERS", "argon2,pbkdf2_sha256,md5");
    sb.verify("admin", PW).expect(0);
    let upgraded = stored_hash(&sb, "admin");
    assert!(upgraded.starts_with("argon2$"), "{upgraded}");
    sb.verify("admin", PW).expect(0);
    assert_eq!(stored_hash(&sb, "admin"), upgraded);
    let checked = django(
        "check",
        json!({"items": [{"password": PW, "encoded": upgraded}]}),
    );
    assert_eq!(checked[0]["matches"], true, "Django cannot read {upgraded}");
}

fn set_password_hash_stores_a_checked_hash_as_it_is(backend: Backend) {
    let sb = site(backend);
    let hash = django_hash("pbkdf2_sha256", "from elsewhere 42");
    sb.cmd([
        "users",
        "set-password",
        "admin",
        "--hash",
        "--password-stdin",
    ])
    .stdin_line(&hash)
    .run()
    .expect(0)
    .stdout_has("Password changed successfully for user 'admin'");
    assert_eq!(stored_hash(&sb, "admin"), hash);
    sb.verify("admin", "from elsewhere 42").expect(0);
    for bad in ["sha1$salt$abc", "not a hash", ""] {
        sb.cmd([
            "users",
            "set-password",
            "admin",
            "--hash",
            "--password-stdin",
        ])
        .stdin_line(bad)
        .run()
        .expect(3)
        .stderr_has("the password hash is not a format authctl verifies");
    }
    assert_eq!(
        stored_hash(&sb, "admin"),
        hash,
        "a refused hash changed the row"
    );
    sb.cmd([
        "users",
        "set-password",
        "admin",
        "--hash",
        "--skip-validation",
    ])
    .run()
    .expect(2);
}

on_both!(
    without_a_list_each_hash_keeps_its_algorithm_and_only_md5_is_converted,
    the_sites_list_decides_what_is_read_and_what_hashes_become,
    set_password_hash_stores_a_checked_hash_as_it_is,
);

#[test]
fn a_hashers_list_with_unknown_names_or_without_the_hasher_is_refused() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_HASHERS", "argon2,sha1");
    sb.verify("nobody", PW)
        .expect(4)
        .stderr_has("`hashers` from environment variable AUTHCTL_HASHERS names `sha1`");
    sb.set("AUTHCTL_HASHERS", "pbkdf2_sha256");
    sb.set("AUTHCTL_HASHER", "argon2");
    sb.verify("nobody", PW)
        .expect(4)
        .stderr_has("`hasher` is argon2 but the first of `hashers`");
    // Listed but not first: the site would re-encode every hash authctl made.
    sb.set("AUTHCTL_HASHERS", "pbkdf2_sha256,argon2");
    sb.verify("nobody", PW)
        .expect(4)
        .stderr_has("the site re-encodes every password with the first");
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    sb.signup("alice", "", PW);
    sb.verify("alice", PW).expect(0);
}

#[test]
fn reset_links_to_a_django_site_need_its_secret_key() {
    let mut sb = site(Backend::Sqlite);
    let request = |sb: &Sandbox| {
        sb.cmd(["reset-request", "--email", "admin@example.com"])
            .run()
    };
    // Without a link the emailed command still works with authctl's own key: a warning.
    request(&sb)
        .expect(0)
        .stderr_has("warning: no `secret_key` is configured on a Django project's database");
    sb.set(
        "AUTHCTL_RESET_URL",
        "https://site.example/reset/{uidb64}/{token}/",
    );
    request(&sb)
        .expect(4)
        .stderr_has("set `secret_key` to the site's SECRET_KEY");
    sb.set(
        "AUTHCTL_SECRET_KEY",
        "the-sites-own-secret-key-which-is-long-enough",
    );
    request(&sb).expect(0).stderr_lacks("secret_key");
    // authctl's own database has no site to disagree with.
    let own = Sandbox::new();
    own.signup("alice", "alice@example.com", PW);
    own.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0)
        .stderr_lacks("secret_key");
}
