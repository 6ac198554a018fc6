//! The checked-in completions/ and man/ match the program, render cleanly, and work.

use crate::support::authctl;
use std::path::{Path, PathBuf};
use std::process::Command;

const REGENERATE: &str =
    "cargo run -q -- completions --out-dir completions && cargo run -q -- man --out-dir man";

fn repo(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Regenerates into a scratch directory and compares with the checked-in copy.
fn assert_fresh(what: &str) {
    let scratch = tempfile::tempdir().unwrap();
    authctl([what, "--out-dir"])
        .arg(scratch.path())
        .run()
        .expect(0);
    let dir = if what == "man" { "man" } else { "completions" };
    let fresh = files(scratch.path());
    let checked_in = files(&repo(dir));
    let names =
        |list: &[(String, Vec<u8>)]| list.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&checked_in),
        names(&fresh),
        "{dir}/ has missing or extra files; run `{REGENERATE}`"
    );
    for ((name, ours), (_, theirs)) in checked_in.iter().zip(&fresh) {
        assert!(ours == theirs, "{dir}/{name} is stale; run `{REGENERATE}`");
    }
}

#[test]
fn checked_in_completions_are_fresh() {
    assert_fresh("completions");
}

#[test]
fn checked_in_man_pages_are_fresh() {
    assert_fresh("man");
}

#[test]
fn completions_for_one_shell_go_to_stdout() {
    for (shell, file) in [
        ("bash", "authctl.bash"),
        ("zsh", "_authctl"),
        ("fish", "authctl.fish"),
        ("elvish", "authctl.elv"),
        ("powershell", "_authctl.ps1"),
    ] {
        let run = authctl(["completions", shell]).run();
        run.expect(0);
        assert_eq!(
            run.0.stdout,
            std::fs::read(repo("completions").join(file)).unwrap(),
            "{shell}"
        );
    }
}

#[test]
fn man_pages_render_without_warnings() {
    let groff = Command::new("groff").arg("--version").output();
    assert!(
        groff.is_ok(),
        "groff is needed to check the man pages (Debian: apt-get install groff-base)"
    );
    let pages = files(&repo("man"));
    assert!(
        pages.len() > 10,
        "expected a page per subcommand, found {}",
        pages.len()
    );
    for (name, _) in pages {
        let out = Command::new("groff")
            .args(["-ww", "-z", "-man"])
            .arg(repo("man").join(&name))
            .output()
            .unwrap();
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && warnings.is_empty(),
            "man/{name}: {warnings}"
        );
    }
}

#[test]
fn man_page_documents_exit_status_environment_files_and_examples() {
    let page = std::fs::read_to_string(repo("man/authctl.1")).unwrap();
    for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
        assert!(
            page.contains(&format!(".SH \"{section}\""))
                || page.contains(&format!(".SH {section}")),
            "missing {section}"
        );
    }
    assert!(page.contains("AUTHCTL_DATABASE") && page.contains("secret_key"));
    let sub = std::fs::read_to_string(repo("man/authctl-users-list.1")).unwrap();
    assert!(sub.contains("EXAMPLES") && sub.contains("authctl users list \\-\\-staff"));
}

#[test]
fn bash_completion_completes_the_reset_commands() {
    let script = format!(
        "source {}; COMP_WORDS=(authctl res); COMP_CWORD=1; COMP_LINE='authctl res'; COMP_POINT=11; \
         _authctl authctl res authctl; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        repo("completions/authctl.bash").display()
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .output()
        .expect("bash");
    let words = String::from_utf8_lossy(&out.stdout);
    let mut words: Vec<&str> = words.lines().collect();
    words.sort();
    assert_eq!(
        words,
        ["reset-confirm", "reset-request"],
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn long_help_lists_exit_codes_and_short_help_stays_short() {
    authctl(["--help"])
        .run()
        .expect(0)
        .stdout_has("Exit status:")
        .stdout_has("AUTHCTL_<KEY>");
    authctl(["-h"]).run().stdout_lacks("Exit status:");
}
