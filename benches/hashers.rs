//! Side-by-side timing of authctl and the reference implementation (Django 5.2 with argon2-cffi,
//! bcrypt and hashlib) at Django's default costs, reported as ratios.
//!
//! Run with `cargo bench --bench hashers`. It also compares `authctl verify` for an unknown user
//! with a wrong password for a known one: Django's timing mitigation says they should cost the
//! same, so that ratio should be close to 1.

#[allow(dead_code)]
#[path = "../tests/cli/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "../tests/cli/pg.rs"]
mod pg;

use authctl::hashers::{Algorithm, HashParams, Hashers, Pbkdf2Params};
use serde_json::json;
use std::time::{Duration, Instant};

/// Rounds per algorithm: enough for a stable mean at Django's costs, few enough to finish fast.
fn rounds(algorithm: Algorithm) -> u32 {
    match algorithm {
        Algorithm::Md5 => 20_000,
        Algorithm::Scrypt => 20,
        _ => 5,
    }
}

fn ours(algorithm: Algorithm) -> Duration {
    let hashers = Hashers::new(algorithm, &HashParams::default());
    hashers.make_password("warm up");
    let n = rounds(algorithm);
    let start = Instant::now();
    for i in 0..n {
        std::hint::black_box(hashers.make_password(&format!("benchmark {i}")));
    }
    start.elapsed() / n
}

const DJANGO_TIMER: &str = r#"
import json, sys, time
import django
from django.conf import settings
settings.configure(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
])
django.setup()
from django.contrib.auth.hashers import make_password
out = {}
for name, n in json.load(sys.stdin).items():
    make_password("warm up", hasher=name)
    start = time.perf_counter()
    for i in range(n):
        make_password("benchmark %d" % i, hasher=name)
    out[name] = (time.perf_counter() - start) / n
json.dump(out, sys.stdout)
"#;

fn django() -> serde_json::Value {
    let request: serde_json::Map<String, serde_json::Value> = Algorithm::ALL
        .iter()
        .map(|a| (a.name().to_string(), json!(rounds(*a))))
        .collect();
    let mut cmd = std::process::Command::new(support::django_python());
    cmd.args(["-c", DJANGO_TIMER]);
    let run = support::run_command(cmd, &serde_json::Value::Object(request).to_string());
    assert_eq!(run.code(), 0, "Django timer failed: {run:?}");
    serde_json::from_str(&run.stdout()).expect("timer printed JSON")
}

/// Mean wall time of `authctl verify` over `n` runs.
fn verify_time(sb: &support::Sandbox, username: &str, password: &str, n: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        sb.run(
            &["verify", "--username", username, "--password-stdin"],
            password,
        )
        .expect(1);
    }
    start.elapsed() / n
}

fn main() {
    let reference = django();
    println!("hash one password at Django 5.2's default costs (mean per hash)");
    println!(
        "{:<15} {:>12} {:>12} {:>8}",
        "hasher", "authctl", "django", "ratio"
    );
    for algorithm in Algorithm::ALL {
        let ours = ours(algorithm).as_secs_f64();
        let theirs = reference[algorithm.name()].as_f64().expect("timing");
        println!(
            "{:<15} {:>10.3}ms {:>10.3}ms {:>7.2}x",
            algorithm.name(),
            ours * 1e3,
            theirs * 1e3,
            ours / theirs
        );
    }

    // Whole-process checks at the production costs: the sandbox's cheap costs are lifted.
    let mut sb = support::Sandbox::new();
    for (key, _) in support::CHEAP {
        sb.unset(key);
    }
    sb.run(
        &["signup", "--username", "bench", "--password-stdin"],
        "correct horse battery staple\n",
    )
    .expect(0);
    let n = 10;
    let wrong = verify_time(&sb, "bench", "not the password\n", n);
    let unknown = verify_time(&sb, "nobody", "not the password\n", n);
    println!();
    println!("authctl verify, whole process, Django's argon2 costs (mean of {n})");
    println!("wrong password   {:>8.1}ms", wrong.as_secs_f64() * 1e3);
    println!(
        "unknown user     {:>8.1}ms   ratio {:.2} (1.00 = no timing difference)",
        unknown.as_secs_f64() * 1e3,
        unknown.as_secs_f64() / wrong.as_secs_f64()
    );

    // Django's harden_runtime: an account whose hash has fewer iterations than configured must
    // not fail faster than an unknown user (whose dummy hash uses the configured count).
    let old = HashParams {
        pbkdf2_sha256: Pbkdf2Params::new(100_000).expect("a valid iteration count"),
        ..HashParams::default()
    };
    let old = Hashers::new(Algorithm::Pbkdf2Sha256, &old);
    let row = json!({"username": "old", "password_hash": old.make_password("old password")});
    sb.run(&["users", "import", "-"], &format!("{row}\n"))
        .expect(0);
    sb.set("AUTHCTL_HASHER", "pbkdf2_sha256");
    let old_user = verify_time(&sb, "old", "not the password\n", n);
    let unknown = verify_time(&sb, "nobody", "not the password\n", n);
    println!();
    println!("authctl verify with pbkdf2_sha256 preferred (1,000,000 iterations), mean of {n}");
    println!(
        "user hashed at 100,000   {:>8.1}ms",
        old_user.as_secs_f64() * 1e3
    );
    println!(
        "unknown user             {:>8.1}ms   ratio {:.2} (1.00 = no timing difference)",
        unknown.as_secs_f64() * 1e3,
        unknown.as_secs_f64() / old_user.as_secs_f64()
    );
}
