//! `authctl users import`: create or update users from JSON Lines or CSV, all or nothing,
//! streamed: a file of any length is read in the memory of a few thousand rows.

use super::super::{Ctx, Status};
use super::format_for;
use crate::cli::{OnConflict, UsersImportArgs};
use crate::output::terminal;
use crate::progress::{Counted, Progress, catch_interrupts};
use authctl::accounts::transfer::{self, ImportOptions, ImportSummary, ImportWatch, Outcome};
use authctl::error::{IoContext, Result};
use serde_json::json;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub fn run(ctx: &Ctx, args: UsersImportArgs) -> Result<Status> {
    let read = Arc::new(AtomicU64::new(0));
    let (input, size): (Box<dyn Read>, Option<u64>) = if args.file.as_os_str() == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let file = std::fs::File::open(&args.file)
            .context(|| format!("cannot read {}", args.file.display()))?;
        let size = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        (Box::new(file), size)
    };
    let format = format_for(args.format, Some(&args.file));
    let on_conflict = match args.on_conflict {
        OnConflict::Fail => transfer::OnConflict::Fail,
        OnConflict::Skip => transfer::OnConflict::Skip,
        OnConflict::Update => transfer::OnConflict::Update,
    };
    let mut accounts = ctx.accounts_or_new()?;
    let extras: Vec<String> = accounts.model().extras().map(|c| c.name.clone()).collect();
    let input = Counted {
        inner: input,
        read: read.clone(),
    };
    let rows = transfer::Rows::new(format, input, &extras)?;
    let options = ImportOptions {
        on_conflict,
        skip_validation: args.skip_validation,
        dry_run: args.dry_run,
        create_groups: args.create_groups,
    };
    let show = args
        .progress
        .choice()
        .or(ctx.printer.quiet.then_some(false));
    let view = View {
        progress: Progress::new(show, "checking").reading(read, size),
        interrupted: catch_interrupts(),
        plan: (args.dry_run && !ctx.printer.quiet).then(|| Mutex::new(Plan::new(ctx.printer.json))),
    };
    let result = accounts.import_users(rows, options, &view);
    view.progress.finish();
    let summary = result?;
    for (warning, count, line) in &summary.warnings {
        let rows = match count {
            1 => format!("line {line}"),
            n => format!("{n} rows (first: line {line})"),
        };
        ctx.printer.warn(&format!("{rows}: {warning}"));
    }
    match view.plan {
        Some(plan) => plan
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .end(&summary),
        None => ctx.printer.result(
            &closing_line(args.dry_run, &summary),
            json!({"dry_run": args.dry_run, "created": summary.created,
                   "updated": summary.updated, "skipped": summary.skipped}),
        ),
    }
    Ok(Status::Success)
}

/// `Imported 3 rows: 2 created, 1 updated, 0 skipped.`
fn closing_line(dry_run: bool, summary: &ImportSummary) -> String {
    let verb = if dry_run { "Would import" } else { "Imported" };
    let rows = match summary.rows {
        1 => "1 row".to_string(),
        n => format!("{n} rows"),
    };
    format!(
        "{verb} {rows}: {} created, {} updated, {} skipped.",
        summary.created, summary.updated, summary.skipped
    )
}

/// What the terminal sees of an import: the bar, Ctrl-C, and a dry run's plan.
struct View {
    progress: Progress,
    interrupted: Arc<AtomicBool>,
    plan: Option<Mutex<Plan>>,
}

impl ImportWatch for View {
    fn checked(&self, n: usize) {
        self.progress.rows_read(n);
    }

    fn writing(&self, rows: usize) {
        self.progress.rows_to_go("writing", rows as u64);
    }

    fn written(&self, n: usize) {
        self.progress.rows_done(n as u64);
    }

    fn outcome(&self, outcome: &Outcome) {
        if let Some(plan) = &self.plan {
            let mut plan = plan.lock().unwrap_or_else(|e| e.into_inner());
            self.progress.suspend(|| plan.row(outcome));
        }
    }

    fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::Relaxed)
    }
}

/// A dry run's plan, printed row by row as the second pass reads it: text lines, or one JSON
/// object whose `rows` list is streamed.
struct Plan {
    json: bool,
    rows: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Plan {
    fn new(json: bool) -> Plan {
        Plan {
            json,
            rows: 0,
            out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()),
        }
    }

    fn row(&mut self, o: &Outcome) {
        let text = match self.json {
            true => {
                let row =
                    json!({"line": o.line, "username": o.username, "action": o.action.name()});
                let start = if self.rows == 0 {
                    "{\"dry_run\":true,\"rows\":["
                } else {
                    ","
                };
                format!("{start}{row}")
            }
            false => format!(
                "{}\n",
                terminal(&format!(
                    "line {}: would {} {}",
                    o.line,
                    o.action.name(),
                    o.username
                ))
            ),
        };
        self.rows += 1;
        self.write(&text);
    }

    fn end(mut self, summary: &ImportSummary) {
        let text = match self.json {
            true => format!(
                "{}],\"created\":{},\"updated\":{},\"skipped\":{}}}\n",
                if self.rows == 0 {
                    "{\"dry_run\":true,\"rows\":["
                } else {
                    ""
                },
                summary.created,
                summary.updated,
                summary.skipped
            ),
            false => format!("{}\n", closing_line(true, summary)),
        };
        self.write(&text);
        if let Err(e) = self.out.flush() {
            crate::output::note_stdout_failure(&e);
        }
    }

    fn write(&mut self, text: &str) {
        if let Err(e) = self.out.write_all(text.as_bytes()) {
            crate::output::note_stdout_failure(&e);
        }
    }
}
