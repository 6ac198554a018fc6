//! The `authctl` binary: parse, run, and turn the outcome into one stderr line and an exit code.

mod cli;
mod commands;
mod output;
mod prompt;

use clap::FromArgMatches;
use commands::Status;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, which turns `authctl users list | head` into a failed write (and
    // `println!` into a panic). Like other Unix tools, stop quietly when the reader goes away.
    // SAFETY: called before any other thread exists; restores the signal's default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli =
        cli::Cli::from_arg_matches(&cli::command().get_matches()).unwrap_or_else(|err| err.exit());
    let printer = output::Printer {
        json: cli.json,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = commands::run(cli, printer);
    if let Some(failure) = output::stdout_failure() {
        output::Printer::error(&failure);
        return ExitCode::from(authctl::Kind::Environment.exit_code());
    }
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Denied) => ExitCode::from(authctl::Kind::Denied.exit_code()),
        Err(err) => {
            output::Printer::error(&format!("{err:#}"));
            ExitCode::from(authctl::error::kind_of(&err).exit_code())
        }
    }
}
