//! Asking a person: the only user of the terminal. Prompts go to stderr (hidden ones to the
//! terminal itself) so stdout stays clean for results.
#![allow(clippy::print_stderr)]

use anyhow::Context;
use authctl::Secret;
use authctl::error::{Error, Result};
use std::io::{BufRead, IsTerminal, Write};

pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// A visible line; end of input is an error rather than an endless loop.
pub fn line(prompt: &str) -> Result<String> {
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let mut text = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut text)
        .context("cannot read from the terminal")?;
    if read == 0 {
        return Err(Error::usage("input ended before the question was answered").into());
    }
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// A hidden line, as Django's `getpass`. Echo is off while it waits, so Ctrl-C must put the
/// terminal back before the process ends: see [`interrupt_guard`].
pub fn hidden(prompt: &str) -> Result<Secret> {
    let _guard = interrupt_guard::arm();
    match rpassword::prompt_password(prompt) {
        Ok(text) => Ok(Secret::new(text)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(Error::usage("input ended before the password was typed").into())
        }
        Err(e) => Err(anyhow::Error::from(e).context("cannot read a password from the terminal")),
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
/// cancelled." (Django's words) and exits 1, instead of dying with echo still off.
mod interrupt_guard {
    use std::mem::MaybeUninit;
    use std::os::fd::AsRawFd;
    use std::sync::atomic::{AtomicI32, Ordering};

    static TTY: AtomicI32 = AtomicI32::new(-1);
    static mut SAVED: MaybeUninit<libc::termios> = MaybeUninit::uninit();

    extern "C" fn on_interrupt(_: libc::c_int) {
        // Only async-signal-safe calls here: tcsetattr, write and _exit are.
        let fd = TTY.load(Ordering::SeqCst);
        unsafe {
            if fd >= 0 {
                libc::tcsetattr(fd, libc::TCSANOW, (&raw const SAVED).cast());
            }
            let message = b"\nOperation cancelled.\n";
            libc::write(2, message.as_ptr().cast(), message.len());
            libc::_exit(1);
        }
    }

    pub struct Guard {
        _tty: Option<std::fs::File>,
        previous: libc::sighandler_t,
    }

    pub fn arm() -> Guard {
        let tty = std::fs::File::open("/dev/tty").ok();
        if let Some(tty) = &tty {
            let fd = tty.as_raw_fd();
            // SAFETY: SAVED is written here, before the handler that reads it is installed,
            // and only ever by this single-threaded prompt.
            if unsafe { libc::tcgetattr(fd, (&raw mut SAVED).cast()) } == 0 {
                TTY.store(fd, Ordering::SeqCst);
            }
        }
        let handler = on_interrupt as extern "C" fn(libc::c_int);
        // SAFETY: installs a handler that only makes async-signal-safe calls.
        let previous = unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
        Guard {
            _tty: tty,
            previous,
        }
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            // SAFETY: puts back whatever was there before `arm`.
            unsafe { libc::signal(libc::SIGINT, self.previous) };
            TTY.store(-1, Ordering::SeqCst);
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
    twice(first, again)?.ok_or_else(|| Error::invalid(authctl::accounts::PASSWORD_MISMATCH).into())
}
