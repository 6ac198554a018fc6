//! `authctl log`: the event log, newest first.

use super::{Ctx, Status};
use crate::cli::LogArgs;
use crate::output::{field, json_time, table};
use authctl::error::{Error, Result};
use authctl::store::audit::EventFilter;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

/// A time as given to `--since`/`--until`: RFC 3339, or a UTC date and time.
fn time(flag: &str, text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if let Some(parsed) = authctl::store::parse_datetime_text(text) {
        return Ok(parsed.instant(&Default::default()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            Error::Usage(format!(
                "{flag} takes a time such as 2026-12-01 or 2026-12-01 14:30 (UTC)"
            ))
        })
}

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<Status> {
    let filter = EventFilter {
        username: args.user,
        event: args.event,
        since: args.since.map(|t| time("--since", &t)).transpose()?,
        until: args.until.map(|t| time("--until", &t)).transpose()?,
        limit: args.limit,
    };
    let mut accounts = ctx.accounts()?;
    let events = accounts.events(&filter)?;
    if ctx.printer.json {
        for e in &events {
            let detail: serde_json::Value =
                serde_json::from_str(&e.detail).unwrap_or(json!(e.detail));
            ctx.printer.result(
                "",
                json!({"time": json_time(e.at), "event": e.event, "username": e.username,
                       "user_id": e.user_id, "actor": e.actor, "command": e.command,
                       "detail": detail}),
            );
        }
        return Ok(Status::Success);
    }
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                e.event.clone(),
                field(&e.username).into_owned(),
                field(&e.actor).into_owned(),
                e.command.clone(),
                field(&e.detail).into_owned(),
            ]
        })
        .collect();
    let text = match rows.is_empty() {
        true => "No events.".to_string(),
        false => table(
            &["TIME (UTC)", "EVENT", "USER", "BY", "COMMAND", "DETAIL"],
            &rows,
        ),
    };
    ctx.printer.result(&text, serde_json::Value::Null);
    Ok(Status::Success)
}
