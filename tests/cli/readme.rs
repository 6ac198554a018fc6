//! The README's `console` blocks, run in order in one sandbox, so that what the README shows is
//! what the program prints.
//!
//! A block's `$ ` lines are commands (a line ending in `\` goes on in the next), run by `sh`
//! with the program on PATH; the lines after a command are its output, stdout and stderr
//! together, blank lines left out. In the expected output a line `…` stands for any number of
//! lines, and `…` within a line for any text; digits are compared as digits, not values (times
//! and counts change), and a reset token's letters only by its shape (see [`shape`]). A
//! command whose output shows prompts (`Password:`, `Email address: ops@example.com`) runs on a
//! pseudo-terminal and is answered as shown: the text after a visible prompt, `$PW` for a
//! password and `$NEW` for a new one. `$PW`, `$ADMIN_PW` and `$NEW` are set, and `$TOKEN` is the
//! token of the last reset email printed. A comment `<!-- readme-test: COMMAND -->` before a
//! block runs COMMAND first, unseen; `<!-- readme-test: project -->` makes the suite's Django
//! project whose users log in by email (`tests/django/projects.py`, with `.venv/bin/python`)
//! and runs the blocks from then on in its directory.

use crate::djproject::{DjangoProject, Kind};
use crate::support::{Backend, Cmd, Sandbox};
use rexpect::session::spawn_command;

const ELLIPSIS: &str = "…";
const PW: &str = "correct horse battery staple";
const NEW: &str = "a whole new passphrase";

struct Step {
    line: usize,
    command: String,
    expected: Vec<String>,
}

struct Block {
    setup: Vec<String>,
    project: bool,
    steps: Vec<Step>,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let (mut setup, mut project) = (Vec::new(), false);
    let mut lines = readme.lines().enumerate().peekable();
    while let Some((_, line)) = lines.next() {
        if let Some(rest) = line.strip_prefix("<!-- readme-test: ") {
            let rest = rest.trim_end_matches("-->").trim();
            match rest {
                "project" => project = true,
                _ => setup.push(rest.to_string()),
            }
            continue;
        }
        if line != "```console" {
            continue;
        }
        let mut steps: Vec<Step> = Vec::new();
        while let Some((n, line)) = lines.next() {
            if line == "```" {
                break;
            }
            if let Some(command) = line.strip_prefix("$ ") {
                let mut command = command.to_string();
                while let Some(head) = command.strip_suffix('\\') {
                    let (_, next) = lines.next().expect("a continued command");
                    command = format!("{} {}", head.trim_end(), next.trim_start());
                }
                steps.push(Step {
                    line: n + 1,
                    command,
                    expected: Vec::new(),
                });
            } else if !line.is_empty() {
                steps
                    .last_mut()
                    .expect("output after a command")
                    .expected
                    .push(line.to_string());
            }
        }
        out.push(Block {
            setup: std::mem::take(&mut setup),
            project: std::mem::take(&mut project),
            steps,
        });
    }
    out
}

/// Digits compared as digits; and a reset token (`base36-hex` after `reset-confirm UIDB64`),
/// which is new every time, as letters and digits.
fn shape(text: &str) -> String {
    let text = match text.split_once(" reset-confirm ") {
        Some((head, args)) => {
            let masked: String = args
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { 'x' } else { c })
                .collect();
            format!("{head} reset-confirm {masked}")
        }
        None => text.to_string(),
    };
    text.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

fn line_matches(expected: &str, actual: &str) -> bool {
    let (expected, actual) = (shape(expected), shape(actual));
    let parts: Vec<&str> = expected.split(ELLIPSIS).collect();
    if parts.len() == 1 {
        return expected == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || !actual[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn lines_match(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == ELLIPSIS => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| line_matches(first, a) && lines_match(rest, more)),
    }
}

/// The prompts a transcript may show, and what a hidden one is answered with.
const PROMPTS: &[(&str, Option<&str>)] = &[
    ("Username (leave blank to use '", None),
    ("Email address:", None),
    ("Full name:", None),
    ("Password:", Some(PW)),
    ("Password (again):", Some(PW)),
    ("Old password:", Some(PW)),
    ("New password:", Some(NEW)),
    ("New password confirmation:", Some(NEW)),
];

fn prompt(line: &str) -> Option<(&str, String)> {
    PROMPTS.iter().find_map(|(start, hidden)| {
        line.starts_with(start).then(|| {
            let end = line.find(": ").map_or(line.len(), |i| i + 1);
            let shown = &line[..end];
            let answer = match hidden {
                Some(secret) => secret.to_string(),
                None => line[end..].trim().to_string(),
            };
            (shown, answer)
        })
    })
}

#[test]
fn every_console_block_in_the_readme_prints_what_it_shows() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let mut sb = Sandbox::new();
    // The default database, as a reader's would be; the name createsuperuser offers.
    sb.use_default_database();
    sb.set("LOGNAME", "ops")
        .set("PW", PW)
        .set("ADMIN_PW", "an admin's passphrase 7")
        .set("NEW", NEW);
    // `~` is the sandbox's home, and ~/.config the config directory, as on a reader's machine.
    let home = sb.path("home");
    sb.set("XDG_CONFIG_HOME", home.join(".config").to_str().unwrap());
    let mut project: Option<DjangoProject> = None;
    let mut ran = 0;
    for block in blocks(&readme) {
        if block.project && project.is_none() {
            let made = DjangoProject::create(Kind::EmailLogin, Backend::Sqlite);
            // The suite's venv as the project's own `.venv` (the whole directory, so that its
            // Python finds its pyvenv.cfg).
            let venv = crate::support::django_python()
                .parent()
                .unwrap()
                .parent()
                .unwrap();
            std::os::unix::fs::symlink(venv, made.root().join(".venv")).unwrap();
            project = Some(made);
        }
        let cwd = project.as_ref().map(|p| p.root().to_path_buf());
        for command in &block.setup {
            shell(&sb, &cwd, &format!("{command} >/dev/null 2>&1")).run();
        }
        for step in block.steps {
            if step.expected.iter().any(|l| prompt(l).is_some()) {
                on_a_terminal(shell(&sb, &cwd, &step.command), &step);
                ran += 1;
                continue;
            }
            let output = shell(&sb, &cwd, &format!("{} 2>&1", step.command))
                .run()
                .stdout();
            // Blank lines are not compared (the README leaves them out between commands).
            let actual: Vec<&str> = output.lines().filter(|l| !l.trim().is_empty()).collect();
            assert!(
                lines_match(&step.expected, &actual),
                "README line {}: `{}` printed\n{output}\nbut the README shows\n{}",
                step.line,
                step.command,
                step.expected.join("\n")
            );
            if let Some(token) = output
                .lines()
                .find_map(|l| l.trim().split(" reset-confirm ").nth(1))
                .and_then(|args| args.split_whitespace().nth(1))
            {
                sb.set("TOKEN", token);
            }
            ran += 1;
        }
    }
    assert!(ran >= 20, "only {ran} README commands ran");
}

/// `sh -c command` in the sandbox, in the project's directory once there is one.
fn shell(sb: &Sandbox, cwd: &Option<std::path::PathBuf>, command: &str) -> Cmd {
    let cmd = sb.shell(command);
    match cwd {
        Some(dir) => cmd.current_dir(dir),
        None => cmd,
    }
}

/// Runs a step on a pseudo-terminal, answering its prompts as the transcript shows and
/// waiting for each other line it shows, in order.
fn on_a_terminal(command: Cmd, step: &Step) {
    let mut session = spawn_command(command.into_command(), Some(20_000)).expect("spawn on a pty");
    for line in &step.expected {
        let (wanted, answer) = match prompt(line) {
            Some((shown, answer)) => (shown.to_string(), Some(answer)),
            None => (line.to_string(), None),
        };
        if let Err(e) = session.exp_string(&wanted) {
            panic!(
                "README line {}: `{}` did not print {wanted:?}: {e}",
                step.line, step.command
            );
        }
        if let Some(answer) = answer {
            session.send_line(&answer).unwrap();
        }
    }
    session.exp_eof().expect("the command ends");
}
