//! authctl: Django's user authentication on a SQLite database in Django's own layout.
//!
//! This library never prints or prompts; the `authctl` binary gathers input and shows results.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod accounts;
pub mod admin;
pub mod config;
pub mod error;
pub mod hashers;
pub mod mail;
pub mod private_file;
pub mod secret;
pub mod session;
pub mod store;
pub mod tokens;
mod unicode_tables;
pub mod validators;

pub use error::{Error, Kind};
pub use secret::Secret;
