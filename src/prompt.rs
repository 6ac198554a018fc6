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

/// A hidden line, as Django's `getpass`.
pub fn hidden(prompt: &str) -> Result<Secret> {
    let text =
        rpassword::prompt_password(prompt).context("cannot read a password from the terminal")?;
    Ok(Secret::new(text))
}

/// A yes/no question whose default is no.
pub fn confirm(prompt: &str) -> Result<bool> {
    Ok(line(prompt)?.trim().eq_ignore_ascii_case("y"))
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
