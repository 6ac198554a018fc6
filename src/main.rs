//! The `authctl` binary: parse, settle the settings, run the command, and turn the outcome into
//! one stderr line and an exit code.

mod cli;
mod commands;
mod output;
mod platform;
mod progress;
mod prompt;
mod settings;

use authctl::Family;
use clap::FromArgMatches;
use commands::Status;
use std::process::ExitCode;

fn main() -> ExitCode {
    platform::stop_on_closed_pipe();
    // The parser's tree of every command and its matches live until the process ends: freeing
    // their thousands of small allocations one by one would cost a `verify` more time than
    // its own password check at low costs.
    let command = Box::leak(Box::new(cli::command()));
    let matches = Box::leak(Box::new(command.get_matches_mut()));
    let cli = cli::Cli::from_arg_matches(matches).unwrap_or_else(|err| err.exit());
    let printer = output::Printer {
        json: cli.json,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = commands::run(cli, printer);
    if let Some(failure) = output::stdout_failure() {
        output::Printer::error(&failure);
        return ExitCode::from(Family::Environment.exit_code());
    }
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Denied) => ExitCode::from(Family::Denied.exit_code()),
        Ok(Status::Code(code)) => ExitCode::from(code),
        Err(err) => {
            output::Printer::error(&err.chain());
            if let Some(why) = err.why() {
                printer.detail(why);
            }
            ExitCode::from(err.family().exit_code())
        }
    }
}
