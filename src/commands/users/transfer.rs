//! `authctl users import` and `authctl users export`.

use super::super::{Ctx, Status};
use crate::cli::{OnConflict, TransferFormat, UsersExportArgs, UsersImportArgs};
use anyhow::Context;
use authctl::admin::transfer::{self, Action, Format};
use authctl::error::Result;
use authctl::private_file::{self, Existing};
use serde_json::json;
use std::io::Read;

fn format_of(format: TransferFormat) -> Format {
    match format {
        TransferFormat::Jsonl => Format::Jsonl,
        TransferFormat::Csv => Format::Csv,
    }
}

pub fn import(ctx: &Ctx, args: UsersImportArgs) -> Result<Status> {
    let stdin = args.file.as_os_str() == "-";
    let mut text = String::new();
    if stdin {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
    } else {
        text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("cannot read {}", args.file.display()))?;
    }
    let format = match args.format {
        Some(format) => format_of(format),
        None if args
            .file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
        {
            Format::Csv
        }
        None => Format::Jsonl,
    };
    let on_conflict = match args.on_conflict {
        OnConflict::Fail => transfer::OnConflict::Fail,
        OnConflict::Skip => transfer::OnConflict::Skip,
        OnConflict::Update => transfer::OnConflict::Update,
    };
    let records = transfer::parse(format, &text)?;
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
    lines.push(format!(
        "{verb} {} rows: {created} created, {updated} updated, {skipped} skipped.",
        outcomes.len()
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
    let format = format_of(args.format);
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
