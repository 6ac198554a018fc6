//! The `authctl` binary: parse, settle the settings, run the command, and turn the outcome into
//! one stderr line and an exit code.

mod cli;
mod commands;
mod completion;
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
    // A shell asking for completions (the scripts set the variable) is answered here, and
    // nothing else runs; otherwise this reads one variable.
    clap_complete::CompleteEnv::with_factory(cli::full_command)
        .var(commands::COMPLETION_VAR)
        .complete();
    platform::stop_on_closed_pipe();
    // The parser's tree (every command's name, and the arguments of the one that runs) and its
    // matches live until the process ends: freeing their many small allocations one by one
    // would cost a `verify` more time than its own password check at low costs.
    let command = Box::leak(Box::new(cli::command()));
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| cli::Cli::from_arg_matches(Box::leak(Box::new(matches))));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
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

/// A command line clap could not take, said the way every error is: one line,
/// `authctl: error: …`, then the command's usage line (exit 2). Help and version requests are
/// clap's to print, on stdout.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        err.exit()
    }
    let text = err.render().to_string();
    let (message, rest) = text.split_once("\n\nUsage:").unwrap_or((&text, ""));
    // The message's own lines (a list of missing arguments, a tip) joined into one.
    const MORE: &str = "For more information, try";
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with(MORE))
        .collect();
    let message = lines.join(" ");
    output::Printer::error(message.strip_prefix("error: ").unwrap_or(&message));
    match rest.lines().next().filter(|u| !u.trim().is_empty()) {
        Some(usage) => output::Printer::usage(&format!("Usage:{usage}")),
        None => output::Printer::usage(&format!("{MORE} '--help'.")),
    }
    ExitCode::from(Family::Usage.exit_code())
}
