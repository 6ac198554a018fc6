//! Completion of what people type most, usernames, from the configured database: the
//! shells' completion scripts (`authctl completions`) ask the program itself at each Tab
//! (clap_complete's protocol, through `_AUTHCTL_COMPLETE=<shell> authctl -- …`).

use crate::settings::{Dirs, Overrides, Settings};
use authctl::accounts::Accounts;
use clap_complete::engine::CompletionCandidate;
use std::ffi::OsStr;

/// The most names offered at once.
const MOST: usize = 200;

/// The usernames that start with what is typed so far. Silent on any error (no database, a
/// bad config): a shell's completion has nowhere to say it.
pub fn usernames(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else {
        return Vec::new();
    };
    logins(prefix)
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// The database the settings name (the environment and the config file; flags typed on the
/// line being completed are not read).
fn logins(prefix: &str) -> authctl::error::Result<Vec<String>> {
    let vars = crate::commands::environment();
    let settings = Settings::load(&Overrides::default(), &vars, &Dirs::from_platform()?)?;
    let now = chrono::Utc::now();
    let mut accounts = Accounts::open(&settings.database, false, settings.accounts, now)?;
    accounts.logins_starting_with(prefix, MOST)
}
