//! `authctl users import`: create or update users from JSON Lines or CSV, all or nothing.

use super::super::{Ctx, Status, read_text};
use super::format_for;
use crate::cli::{OnConflict, UsersImportArgs};
use authctl::accounts::transfer::{self, Action, ImportOptions};
use authctl::error::{IoContext, Result};
use serde_json::json;

pub fn run(ctx: &Ctx, args: UsersImportArgs) -> Result<Status> {
    let text = if args.file.as_os_str() == "-" {
        read_text(std::io::stdin(), "standard input")?
    } else {
        let file = std::fs::File::open(&args.file)
            .context(|| format!("cannot read {}", args.file.display()))?;
        read_text(file, &args.file.display().to_string())?
    };
    let format = format_for(args.format, Some(&args.file));
    let on_conflict = match args.on_conflict {
        OnConflict::Fail => transfer::OnConflict::Fail,
        OnConflict::Skip => transfer::OnConflict::Skip,
        OnConflict::Update => transfer::OnConflict::Update,
    };
    let mut accounts = ctx.accounts_or_new()?;
    let extras: Vec<String> = accounts.model().extras().map(|c| c.name.clone()).collect();
    let records = transfer::parse(format, text.expose(), &extras)?;
    let options = ImportOptions {
        on_conflict,
        skip_validation: args.skip_validation,
        dry_run: args.dry_run,
        create_groups: args.create_groups,
    };
    let outcomes = accounts.import_users(records, options)?;
    warn_once_each(ctx, &outcomes);
    let count = |action: Action| outcomes.iter().filter(|o| o.action == action).count();
    let (created, updated, skipped) = (
        count(Action::Create),
        count(Action::Update),
        count(Action::Skip),
    );
    let mut lines: Vec<String> = Vec::new();
    if args.dry_run {
        lines.extend(
            outcomes
                .iter()
                .map(|o| format!("line {}: would {} {}", o.line, o.action.name(), o.username)),
        );
    }
    let verb = if args.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    let rows = match outcomes.len() {
        1 => "1 row".to_string(),
        n => format!("{n} rows"),
    };
    lines.push(format!(
        "{verb} {rows}: {created} created, {updated} updated, {skipped} skipped."
    ));
    let rows: Vec<_> = outcomes
        .iter()
        .map(|o| json!({"line": o.line, "username": o.username, "action": o.action.name()}))
        .collect();
    ctx.printer.result(
        &lines.join("\n"),
        json!({"dry_run": args.dry_run, "created": created, "updated": updated, "skipped": skipped, "rows": rows}),
    );
    Ok(Status::Success)
}

/// Each distinct warning once, with how many rows it concerns and the first one's line.
fn warn_once_each(ctx: &Ctx, outcomes: &[transfer::Outcome]) {
    let mut seen: Vec<(&str, usize, usize)> = Vec::new();
    for outcome in outcomes {
        for warning in &outcome.warnings {
            match seen.iter_mut().find(|(w, _, _)| *w == warning.as_str()) {
                Some((_, count, _)) => *count += 1,
                None => seen.push((warning, 1, outcome.line)),
            }
        }
    }
    for (warning, count, line) in seen {
        let rows = match count {
            1 => format!("line {line}"),
            n => format!("{n} rows (first: line {line})"),
        };
        ctx.printer.warn(&format!("{rows}: {warning}"));
    }
}
