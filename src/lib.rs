//! authctl: Django's user authentication on a database in Django's own layout.
//!
//! This library never prints, prompts, or reads the clock; the `authctl` binary gathers input,
//! settles the settings and shows results. Modules lower in this list use only those above
//! them... the other way round: `accounts` uses everything, `crypto`, `values` and `error` use
//! nothing of authctl's.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod accounts;
pub mod crypto;
pub mod error;
pub mod hashers;
pub mod mail;
pub mod private_file;
pub mod secret;
pub mod session;
pub mod store;
pub mod timezone;
pub mod tokens;
pub mod validators;
pub mod values;

pub use error::{Error, Family, Result};
pub use secret::Secret;
