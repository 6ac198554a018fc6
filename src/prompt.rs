//! Asking a person: the only user of the terminal. Prompts go to stderr (hidden ones to the
//! terminal itself) so stdout stays clean for results.

use authctl::Secret;
use authctl::error::{Error, IoContext, Result, messages};
use std::io::{BufRead, Write};

/// A visible line; end of input is an error rather than an endless loop.
pub fn line(prompt: &str) -> Result<String> {
    // Nobody should answer a question they cannot see. A closed standard error is reopened on
    // /dev/null when the program starts, and swallows every write without a word.
    if stderr_is_dev_null() {
        return Err(Error::Environment(
            "standard error goes nowhere (closed or /dev/null), so nobody would see the \
             questions; let it reach the terminal, or give the answers as flags"
                .into(),
        ));
    }
    let mut stderr = std::io::stderr();
    stderr
        .write_all(crate::output::terminal(prompt).as_bytes())
        .and_then(|()| stderr.flush())
        .context(|| "cannot show the question on standard error".into())?;
    let mut text = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut text)
        .context(|| "cannot read from the terminal".into())?;
    if read == 0 {
        return Err(Error::Usage(
            "input ended before the question was answered".into(),
        ));
    }
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// Whether standard error is /dev/null (as a closed one becomes when the program starts).
fn stderr_is_dev_null() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let ours = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map(std::fs::File::from)
        .and_then(|file| file.metadata());
    match (ours, std::fs::metadata("/dev/null")) {
        (Ok(ours), Ok(null)) => ours.rdev() == null.rdev(),
        // Not even that can be asked: then it cannot be shown either.
        (Err(_), _) => true,
        _ => false,
    }
}

/// A hidden line, as Django's `getpass`. Echo is off while it waits, so Ctrl-C must put the
/// terminal back before the process ends: see [`interrupt_guard`].
pub fn hidden(prompt: &str) -> Result<Secret> {
    let _guard = interrupt_guard::arm();
    match rpassword::prompt_password(prompt) {
        Ok(text) => Ok(Secret::new(text)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Err(Error::Usage(
            "input ended before the password was typed".into(),
        )),
        Err(e) => Err(Error::io("cannot read a password from the terminal", e)),
    }
}

/// A yes/no question whose default is no.
pub fn confirm(prompt: &str) -> Result<bool> {
    let answer = line(prompt)?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// While a hidden prompt waits, Ctrl-C restores the terminal's settings, says "Operation
/// cancelled." (Django's words) and exits 1, instead of dying with echo still off. Outside a
/// prompt, Ctrl-C does what it always does.
mod interrupt_guard {
    use nix::libc;
    use nix::sys::termios::tcgetattr;
    use signal_hook::consts::SIGINT;
    use std::os::fd::IntoRawFd;
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// The terminal and its settings before the first prompt (they are the same before every
    /// prompt): set once, then only read, so the handler can read them without a lock.
    static TERMINAL: OnceLock<(libc::c_int, libc::termios)> = OnceLock::new();
    static WAITING: AtomicBool = AtomicBool::new(false);

    fn on_interrupt() {
        match (WAITING.load(Ordering::SeqCst), TERMINAL.get()) {
            (true, Some((fd, saved))) => {
                let message = b"\nOperation cancelled.\n";
                // SAFETY: tcsetattr, write and _exit are async-signal-safe; `saved` is a
                // plain C struct that is never written after it was set.
                unsafe {
                    libc::tcsetattr(*fd, libc::TCSANOW, saved);
                    libc::write(2, message.as_ptr().cast(), message.len());
                    libc::_exit(1);
                }
            }
            _ => {
                signal_hook::low_level::emulate_default_handler(SIGINT).ok();
            }
        }
    }

    /// Installs the handler once, for the rest of the process.
    fn install() {
        static INSTALLED: OnceLock<()> = OnceLock::new();
        INSTALLED.get_or_init(|| {
            if let Ok(tty) = std::fs::File::open("/dev/tty")
                && let Ok(saved) = tcgetattr(&tty)
            {
                let _ = TERMINAL.set((tty.into_raw_fd(), saved.into()));
            }
            // SAFETY: the handler makes only async-signal-safe calls (see `on_interrupt`).
            unsafe { signal_hook::low_level::register(SIGINT, on_interrupt) }.ok();
        });
    }

    pub struct Guard;

    pub fn arm() -> Guard {
        install();
        WAITING.store(true, Ordering::SeqCst);
        Guard
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            WAITING.store(false, Ordering::SeqCst);
        }
    }
}

/// A password typed twice: `None` when the two differ, for callers that ask again.
pub fn twice(first: &str, again: &str) -> Result<Option<Secret>> {
    let password = hidden(first)?;
    Ok((password == hidden(again)?).then_some(password))
}

/// A new password typed twice; two different answers are Django's form error (exit 3).
pub fn new_password(first: &str, again: &str) -> Result<Secret> {
    twice(first, again)?.ok_or_else(|| Error::form(messages::PASSWORD_MISMATCH))
}
