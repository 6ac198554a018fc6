//! `authctl config from-django`: the project's settings, read once through its own Python,
//! as an authctl config file. It needs no authctl settings itself, so it runs before they are
//! read (an existing config file may be the one being replaced).

use super::Status;
use crate::cli::{ConfigCommand, FromDjangoArgs};
use crate::output::Printer;
use crate::settings::from_django::Project;
use authctl::error::Result;
use authctl::private_file::{self, Existing};
use serde_json::json;
use std::collections::BTreeMap;

pub fn run(
    command: ConfigCommand,
    printer: &Printer,
    vars: &BTreeMap<String, String>,
) -> Result<Status> {
    match command {
        ConfigCommand::FromDjango(args) => from_django(args, printer, vars),
    }
}

fn from_django(
    args: FromDjangoArgs,
    printer: &Printer,
    vars: &BTreeMap<String, String>,
) -> Result<Status> {
    let project = Project::find(args.project, args.python, args.settings, vars)?;
    let site = project.describe()?;
    let (config, warnings) = site.config(&project)?;
    for warning in &warnings {
        printer.warn(warning);
    }
    let summary = format!(
        "Read {} with {} (Django {}).",
        site.settings_module,
        project.python.display(),
        site.django_version
    );
    match &args.write {
        Some(path) => {
            private_file::write(path, config.as_bytes(), Existing::Replace)?;
            printer.result(
                &format!("{summary}\nWrote {}.", path.display()),
                json!({"written": path.display().to_string(), "warnings": warnings}),
            );
        }
        // With --json the config is a string in the result, like every other answer.
        None if printer.json => {
            printer.result("", json!({"config": config, "warnings": warnings}));
        }
        None => {
            printer.detail(&summary);
            crate::output::raw(config.as_bytes());
        }
    }
    Ok(Status::Success)
}
