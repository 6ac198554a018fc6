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

/// Opens `/dev/null` on any of standard input, output and error that the caller left closed,
/// so that the next file opened (the database, the session file) cannot become fd 1 and take
/// the program's output. Rust's own start-up does this for `fn main`; `main.rs` starts without it.
#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
pub fn adopt_standard_streams() {
    use nix::libc;
    for fd in 0..3 {
        // SAFETY: F_GETFD only asks whether the descriptor is open, and open() only adds one.
        unsafe {
            if libc::fcntl(fd, libc::F_GETFD) == -1
                && nix::errno::Errno::last() == nix::errno::Errno::EBADF
                // The lowest free descriptor: this one, kept for the life of the process.
                && libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) != fd
            {
                // As Rust's own start-up does: go no further with a standard stream that the
                // next file opened would become.
                libc::abort();
            }
        }
    }
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
