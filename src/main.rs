//! The `authctl` binary: parse, settle the settings, run the command, and turn the outcome into
//! one stderr line and an exit code.

// On glibc Linux the program starts at a C `main` of its own rather than Rust's `fn main`.
// Rust's start-up is made for every kind of program: it reads /proc/self/maps to find the main
// thread's stack and sets up a stack-overflow handler on a signal stack of its own, a few dozen
// system calls that were about 4% of a whole `verify` process. Of what it does, authctl needs
// two things, done in `main` below: closed standard streams reopened on /dev/null, and the
// flush of stdout at the end. (A stack overflow still stops the program, by SIGSEGV, without
// Rust's message, and a panic's message names the thread `<unnamed>`.) glibc hands Rust's
// `std::env::args` the arguments itself; elsewhere Rust's start-up is what does, so it stays.
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

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

// (Not in the unit tests' build, whose `main` is the test harness.)
#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    platform::adopt_standard_streams();
    // A panic is reported by the hook as usual, and exits 101, as from Rust's `fn main`.
    let code = std::panic::catch_unwind(run).unwrap_or(101);
    let _ = std::io::Write::flush(&mut std::io::stdout());
    code.into()
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(test))))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(run())
}

/// Everything the program does; its exit status.
fn run() -> u8 {
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
        return Family::Environment.exit_code();
    }
    match result {
        Ok(Status::Success) => 0,
        Ok(Status::Denied) => Family::Denied.exit_code(),
        Ok(Status::Code(code)) => code,
        Err(err) => {
            output::Printer::error(&err.chain());
            if let Some(why) = err.why() {
                printer.detail(why);
            }
            err.family().exit_code()
        }
    }
}

/// A command line clap could not take, said the way every error is: one line,
/// `authctl: error: …`, then the command's usage line (exit 2). Help and version requests are
/// clap's to print, on stdout.
fn usage_error(err: clap::Error) -> u8 {
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
    Family::Usage.exit_code()
}
