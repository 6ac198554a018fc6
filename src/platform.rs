//! Facts about the operating system the program runs on: who is logged in, the terminal, and
//! how signals behave.

use std::collections::BTreeMap;
use std::io::IsTerminal;

/// Whether a person can be asked: standard input is a terminal.
pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// The login name as Python's `getpass.getuser()` finds it (the name Django's `createsuperuser`
/// offers): the first of `LOGNAME`, `USER`, `LNAME`, `USERNAME` that is set, else the account's
/// name in the password database (cron, `docker exec`).
pub fn login_name(vars: &BTreeMap<String, String>) -> Option<String> {
    ["LOGNAME", "USER", "LNAME", "USERNAME"]
        .iter()
        .find_map(|var| vars.get(*var).filter(|v| !v.is_empty()).cloned())
        .or_else(|| {
            nix::unistd::User::from_uid(nix::unistd::getuid())
                .ok()
                .flatten()
                .map(|user| user.name)
        })
}

/// Starts this program again with `args` and `vars`, detached: no terminal, its own process
/// group (so a closing terminal's hang-up does not reach it), and nobody waiting for it.
pub fn spawn_detached(args: &[&str], vars: &[(&str, &std::ffi::OsStr)]) -> std::io::Result<()> {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    Command::new(std::env::current_exe()?)
        .args(args)
        .envs(vars.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map(drop)
}

/// Rust ignores SIGPIPE, which turns `authctl users list | head` into a failed write. Like
/// other Unix tools, stop quietly when the reader goes away.
pub fn stop_on_closed_pipe() {
    use nix::sys::signal::{SigHandler, Signal, signal};
    // SAFETY: called first thing in `main`, before any other thread exists; restoring a
    // signal's default action installs no handler code.
    unsafe {
        signal(Signal::SIGPIPE, SigHandler::SigDfl).ok();
    }
}
