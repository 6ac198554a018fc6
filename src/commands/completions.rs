//! `authctl completions SHELL`: the shell's completion script. The script asks `authctl`
//! itself at each Tab (clap_complete's dynamic completion), so subcommands and flags always
//! match the program, and usernames come from the configured database.

use super::Status;
use crate::cli::{CompletionsArgs, Shell};
use authctl::error::IoContext;
use authctl::error::Result;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

/// The variable through which the scripts ask for completions: a name of authctl's own, which
/// nobody's environment sets for anything else (clap's default, `COMPLETE`, might be).
pub const VAR: &str = "_AUTHCTL_COMPLETE";

/// The shell's completer, and the file name its completion directory expects.
fn target(shell: Shell) -> (&'static dyn EnvCompleter, &'static str) {
    match shell {
        Shell::Bash => (&Bash, "authctl.bash"),
        Shell::Zsh => (&Zsh, "_authctl"),
        Shell::Fish => (&Fish, "authctl.fish"),
        Shell::Elvish => (&Elvish, "authctl.elv"),
        Shell::Powershell => (&Powershell, "_authctl.ps1"),
    }
}

fn script(shell: Shell) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    // `authctl` as found on PATH when Tab is pressed, as the script is meant to be installed.
    target(shell)
        .0
        .write_registration(VAR, "authctl", "authctl", "authctl", &mut out)?;
    Ok(out)
}

pub fn run(args: CompletionsArgs) -> Result<Status> {
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
                let path = dir.join(target(shell).1);
                script(shell)
                    .and_then(|text| std::fs::write(&path, text))
                    .context(|| format!("cannot write {}", path.display()))?;
            }
        }
        (Some(shell), None) => {
            let text = script(shell).context(|| "cannot write the script".to_string())?;
            crate::output::raw(&text);
        }
        (None, None) => unreachable!("clap requires a shell or --out-dir"),
    }
    Ok(Status::Success)
}
