//! `authctl users import` and `authctl users export`.

use super::super::{Ctx, Status, read_text};
use crate::cli::{OnConflict, TransferFormat, UsersExportArgs, UsersImportArgs};
use anyhow::Context;
use authctl::admin::transfer::{self, Action, Format};
use authctl::error::Result;
use authctl::private_file::{self, Existing};
use serde_json::json;

/// The format asked for, else the file's extension (`.csv`), else JSON Lines — the same rule
/// for import and export, so `export --output x.csv` and `import x.csv` agree.
fn format_for(format: Option<TransferFormat>, file: Option<&std::path::Path>) -> Format {
    match format {
        Some(TransferFormat::Jsonl) => Format::Jsonl,
        Some(TransferFormat::Csv) => Format::Csv,
        None if file
            .and_then(|f| f.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
        {
            Format::Csv
        }
        None => Format::Jsonl,
    }
}

pub fn import(ctx: &Ctx, args: UsersImportArgs) -> Result<Status> {
    let text = if args.file.as_os_str() == "-" {
        read_text(std::io::stdin(), "standard input")?
    } else {
        let file = std::fs::File::open(&args.file)
            .with_context(|| format!("cannot read {}", args.file.display()))?;
        read_text(file, &args.file.display().to_string())?
    };
    let format = format_for(args.format, Some(&args.file));
    let on_conflict = match args.on_conflict {
        OnConflict::Fail => transfer::OnConflict::Fail,
        OnConflict::Skip => transfer::OnConflict::Skip,
        OnConflict::Update => transfer::OnConflict::Update,
    };
    let records = transfer::parse(format, text.expose())?;
    let mut accounts = ctx.accounts_or_new()?;
    let outcomes =
        accounts.import_users(records, on_conflict, args.skip_validation, args.dry_run)?;
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

pub fn export(ctx: &Ctx, args: UsersExportArgs) -> Result<Status> {
    let accounts = ctx.accounts()?;
    let format = format_for(args.format, args.output.as_deref());
    match &args.output {
        Some(path) => {
            let mut buffer = Vec::new();
            accounts.export_users(format, args.with_hashes, &mut buffer)?;
            private_file::write(path, &buffer, Existing::Replace)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            accounts.export_users(format, args.with_hashes, &mut lock)?;
        }
    }
    Ok(Status::Success)
}
