//! `authctl completions SHELL`: shell completion scripts generated from the command line itself.

use super::Status;
use crate::cli::{self, CompletionsArgs, Shell};
use authctl::error::IoContext;
use authctl::error::Result;
use clap_complete::Shell as Target;

fn target(shell: Shell) -> Target {
    match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Elvish => Target::Elvish,
        Shell::Powershell => Target::PowerShell,
    }
}

pub fn run(args: CompletionsArgs) -> Result<Status> {
    let mut cmd = cli::command();
    match (args.shell, &args.out_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir).context(|| format!("cannot create {}", dir.display()))?;
            for shell in [
                Shell::Bash,
                Shell::Zsh,
                Shell::Fish,
                Shell::Elvish,
                Shell::Powershell,
            ] {
                clap_complete::generate_to(target(shell), &mut cmd, "authctl", dir)
                    .context(|| format!("cannot write completions into {}", dir.display()))?;
            }
        }
        (Some(shell), None) => {
            let mut script = Vec::new();
            clap_complete::generate(target(shell), &mut cmd, "authctl", &mut script);
            crate::output::raw(&script);
        }
        (None, None) => unreachable!("clap requires a shell or --out-dir"),
    }
    Ok(Status::Success)
}
