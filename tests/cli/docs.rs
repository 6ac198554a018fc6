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

/// What the checked-in bash script offers for the words typed (the last one being completed),
/// asking the program under test as an installed script asks `authctl` on PATH.
fn bash_completes(sb: &crate::support::Sandbox, words: &[&str]) -> Vec<String> {
    let line = words.join(" ");
    let script = format!(
        "source {}; COMP_WORDS=({line}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT={}; \
         COMP_TYPE=9; _clap_complete_authctl authctl '{}' '{}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        repo("completions/authctl.bash").display(),
        words.len() - 1,
        line.len(),
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let run = sb
        .shell(&format!("exec bash -c {}", shell_quote(&script)))
        .run();
    let mut words: Vec<String> = run
        .stdout()
        .lines()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[test]
fn bash_completion_completes_the_reset_commands() {
    let sb = crate::support::Sandbox::new();
    assert_eq!(
        bash_completes(&sb, &["authctl", "res"]),
        ["reset-confirm", "reset-request"]
    );
}

/// A command's own arguments are built only when it runs (for start-up time); completion still
/// sees all of them, under `help` too.
#[test]
fn completion_sees_every_commands_arguments_and_the_help_tree() {
    let sb = crate::support::Sandbox::new();
    assert_eq!(
        bash_completes(&sb, &["authctl", "help", "users", "se"]),
        ["sessions", "set", "set-password"]
    );
    assert_eq!(
        bash_completes(&sb, &["authctl", "users", "set", "--ina"]),
        ["--inactive"]
    );
    assert_eq!(
        bash_completes(&sb, &["authctl", "checkpassword", "--ho"]),
        ["--home"]
    );
}

/// Tab after a command that takes a username offers the database's usernames with that
/// prefix (case and all), and nothing, silently, when there is no database.
#[test]
fn usernames_complete_from_the_database() {
    let sb = crate::support::Sandbox::new();
    assert!(bash_completes(&sb, &["authctl", "users", "show", "al"]).is_empty());
    for name in ["alice", "albert", "Alan", "bob"] {
        sb.signup(
            name,
            &format!("{}@example.com", name.to_lowercase()),
            crate::support::PW,
        );
    }
    assert_eq!(
        bash_completes(&sb, &["authctl", "users", "show", "al"]),
        ["albert", "alice"]
    );
    assert_eq!(
        bash_completes(&sb, &["authctl", "verify", "--username", "b"]),
        ["bob"]
    );
    assert_eq!(
        bash_completes(&sb, &["authctl", "groups", "add", "staff", "A"]),
        ["Alan"]
    );
    // Fish asks the same way.
    let fish = sb
        .cmd(["--", "authctl", "log", "--user", "al"])
        .env("_AUTHCTL_COMPLETE", "fish")
        .run();
    let stdout = fish.stdout();
    let mut offered: Vec<&str> = stdout.lines().collect();
    offered.sort();
    assert_eq!(offered, ["albert", "alice"], "{fish:?}");
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

/// The subcommands with pages of their own, as `authctl help` names them (`users list`).
fn subcommands() -> Vec<Vec<String>> {
    fn walk(prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut args: Vec<&str> = prefix.iter().map(String::as_str).collect();
        args.push("--help");
        let help = authctl(args).run().stdout();
        let Some(list) = help.split("\nCommands:\n").nth(1) else {
            return;
        };
        for line in list.lines().take_while(|l| l.starts_with("  ")) {
            // A wrapped summary goes on in deeper-indented lines.
            if line.starts_with("   ") {
                continue;
            }
            let name = line.split_whitespace().next().unwrap_or_default();
            if name != "help" && !name.is_empty() {
                let mut path = prefix.to_vec();
                path.push(name.to_string());
                out.push(path.clone());
                walk(&path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&[], &mut out);
    out
}

/// In every subcommand's help the command's own options come first and the options every
/// command takes follow under their own heading; the man pages keep that order, and every
/// page's footer names the program.
#[test]
fn own_options_come_first_and_the_global_ones_under_their_heading() {
    let commands = subcommands();
    assert!(commands.len() > 30, "{commands:?}");
    for path in commands {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = authctl(args).run().stdout();
        let (own, global) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("{path:?}: no Global options heading\n{help}"));
        // The command's own options: its Options section (summaries above may name flags).
        let own = own.split_once("\nOptions:\n").map_or("", |(_, o)| o);
        for flag in ["--database", "--config", "--json", "--quiet", "--verbose"] {
            assert!(!own.contains(flag), "{path:?}: {flag} before the heading");
            assert!(global.contains(flag), "{path:?}: {flag} not under it");
        }
        let page =
            std::fs::read_to_string(repo("man").join(format!("authctl-{}.1", path.join("-"))))
                .unwrap();
        let options = page.find(".SH OPTIONS");
        let globals = page
            .find(".SH \"GLOBAL OPTIONS\"")
            .expect("a GLOBAL OPTIONS section");
        assert!(
            options.is_none_or(|o| o < globals),
            "{path:?}: man page order"
        );
        assert!(page.contains("\"authctl 0.1.0\""), "{path:?}: footer");
    }
}

/// `users import --help` and its page say what a file holds.
#[test]
fn the_import_help_lists_the_fields_and_formats() {
    let help = authctl(["users", "import", "--help"]).run().stdout();
    let page = std::fs::read_to_string(repo("man").join("authctl-users-import.1")).unwrap();
    for field in [
        "username",
        "email",
        "first_name",
        "is_superuser",
        "groups",
        "password_hash",
        "JSON Lines",
        "CSV",
    ] {
        assert!(help.contains(field), "--help lacks {field}");
        assert!(
            page.contains(&field.replace('_', "\\_")) || page.contains(field),
            "page lacks {field}"
        );
    }
}

/// A command line that cannot be read is said like every other error: one line
/// `authctl: error: …`, then the usage line, exit 2 (as the README shows).
#[test]
fn usage_errors_are_one_line_and_a_usage_line() {
    for (args, usage) in [
        (
            vec!["verify", "--usernme", "alice"],
            "Usage: authctl verify",
        ),
        (vec!["checkpassword"], "Usage: authctl checkpassword"),
        (vec!["nope"], "Usage: authctl [OPTIONS] <COMMAND>"),
        (
            vec!["verify", "--serve=bad"],
            "For more information, try '--help'.",
        ),
    ] {
        let run = authctl(args.clone()).run();
        run.expect(2).stdout_is("");
        let lines: Vec<String> = run.stderr().lines().map(String::from).collect();
        assert_eq!(lines.len(), 2, "{args:?}: {lines:?}");
        assert!(
            lines[0].starts_with("authctl: error: "),
            "{args:?}: {lines:?}"
        );
        assert!(lines[1].starts_with(usage), "{args:?}: {lines:?}");
    }
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let shown = authctl(["verify", "--usernme", "alice"]).run().stderr();
    assert!(
        readme.contains(&shown),
        "the README shows another message:\n{shown}"
    );
}

/// The same completion on PostgreSQL (its own query: `LIKE`, with `_` taken as itself, not
/// as a wildcard).
#[test]
fn usernames_complete_from_a_postgresql_database() {
    let sb = crate::support::Sandbox::postgres();
    for name in ["al_ice", "alxice", "al.bert", "bob"] {
        sb.signup(name, "", crate::support::PW);
    }
    let offered = |prefix: &str| {
        let run = sb
            .cmd(["--", "authctl", "users", "show", prefix])
            .env("_AUTHCTL_COMPLETE", "fish")
            .run();
        let mut names: Vec<String> = run.stdout().lines().map(String::from).collect();
        names.sort();
        names
    };
    assert_eq!(offered("al"), ["al.bert", "al_ice", "alxice"]);
    assert_eq!(offered("al_"), ["al_ice"]);
    assert_eq!(offered("b"), ["bob"]);
}
