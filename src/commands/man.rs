//! `authctl man`: man pages generated from the command line, with the sections `--help` leaves
//! to the long help (exit status, environment, files, examples) rendered as real man sections.

use super::Status;
use crate::cli::{self, ManArgs};
use authctl::error::IoContext;
use authctl::error::Result;
use clap_mangen::Man;
use roff::{Roff, bold, roman};
use std::io::Write;

/// One page: clap_mangen's standard sections, then ours.
fn render(cmd: &clap::Command, top: bool) -> std::io::Result<Vec<u8>> {
    // Every page's footer names the program, not the last word of its command.
    let man = Man::new(cmd.clone()).source(format!("authctl {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out)?;
    }
    let mut roff = Roff::default();
    if top {
        let codes = cli::exit_status();
        let codes: Vec<(&str, &str)> = codes.iter().map(|(c, m)| (c.as_str(), *m)).collect();
        list(&mut roff, "EXIT STATUS", &codes);
        list(&mut roff, "ENVIRONMENT", cli::ENVIRONMENT);
        list(&mut roff, "FILES", cli::FILES);
        roff.control("SH", ["EXAMPLES"]);
        for (what, example) in cli::EXAMPLES {
            roff.control("PP", []).text([roman(*what)]);
            example_block(&mut roff, example);
        }
    } else {
        if let Some(after) = cmd.get_after_help() {
            roff.control("SH", ["EXAMPLES"]);
            // One block per example; a line ending in `\` goes on in the next.
            let mut example = String::new();
            for line in after.to_string().lines().skip(1) {
                example.push_str(line.trim());
                if line.ends_with('\\') {
                    example.push_str("\n    ");
                    continue;
                }
                example_block(&mut roff, &example);
                example.clear();
            }
        }
        roff.control("SH", ["SEE ALSO"]);
        roff.text([bold("authctl"), roman("(1)")]);
    }
    out.write_all(roff.render().as_bytes())?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

fn list(roff: &mut Roff, title: &str, items: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (term, text) in items {
        roff.control("TP", [])
            .text([bold(*term)])
            .text([roman(*text)]);
    }
}

fn example_block(roff: &mut Roff, line: &str) {
    roff.control("PP", [])
        .control("RS", ["4"])
        .control("nf", []);
    roff.text([roman(line)]);
    roff.control("fi", []).control("RE", []);
}

/// Every page: the command and each subcommand, nested ones as `authctl-users-list.1`.
fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(
        cmd: &clap::Command,
        top: bool,
        out: &mut Vec<(String, Vec<u8>)>,
    ) -> std::io::Result<()> {
        let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_string();
        out.push((format!("{name}.1"), render(cmd, top)?));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, false, out)?;
        }
        Ok(())
    }
    let mut cmd = cli::full_command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, true, &mut out)?;
    Ok(out)
}

pub fn run(args: ManArgs) -> Result<Status> {
    let pages = pages().context(|| "cannot render the man pages".into())?;
    match &args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).context(|| format!("cannot create {}", dir.display()))?;
            for (name, page) in &pages {
                let path = dir.join(name);
                std::fs::write(&path, page)
                    .context(|| format!("cannot write {}", path.display()))?;
            }
        }
        None => crate::output::raw(&pages[0].1),
    }
    Ok(Status::Success)
}
