//! `authctl mail`: the outbox of reset emails — list what waits, send what is due.

use super::{Ctx, Status};
use crate::cli::{MailCommand, MailFlushArgs};
use crate::output::{json_time, table};
use authctl::error::Result;
use chrono::Utc;
use serde_json::json;

pub fn run(ctx: &Ctx, command: MailCommand) -> Result<Status> {
    match command {
        MailCommand::List => list(ctx),
        MailCommand::Flush(args) => flush(ctx, args),
    }
}

fn list(ctx: &Ctx) -> Result<Status> {
    let rows = ctx.accounts()?.mail_queue()?;
    if ctx.printer.json {
        for row in &rows {
            let json = json!({
                "id": row.id,
                "email": row.email,
                "user_id": row.user_id,
                "created": json_time(row.created),
                "attempts": row.attempts,
                "next_attempt": json_time(row.next_attempt),
                "last_error": row.last_error,
            });
            ctx.printer.result("", json);
        }
        return Ok(Status::Success);
    }
    let when = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%d %H:%M:%S").to_string();
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.id.to_string(),
                crate::output::field(&row.email).into_owned(),
                row.user_id.map_or("(request)".into(), |id| id.to_string()),
                when(row.created),
                row.attempts.to_string(),
                when(row.next_attempt),
                crate::output::field(row.last_error.as_deref().unwrap_or("")).into_owned(),
            ]
        })
        .collect();
    let header = [
        "ID",
        "ADDRESS",
        "USER",
        "QUEUED",
        "ATTEMPTS",
        "NEXT ATTEMPT",
        "LAST ERROR",
    ];
    let text = match rows.is_empty() {
        true => "The outbox is empty.".to_string(),
        false => table(&header, &lines),
    };
    ctx.printer.result(&text, serde_json::Value::Null);
    Ok(Status::Success)
}

/// One pass, or — as the background sender — passes until nothing deferred is due within
/// `email.retry_for` seconds of the start. Only one background sender stays to retry: the others
/// leave after their pass.
fn flush(ctx: &Ctx, args: MailFlushArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let site = ctx.settings.reset_site();
    let mail = &ctx.settings.mail;
    let deadline = Utc::now() + chrono::Duration::seconds(mail.retry_for as i64);
    let owner = authctl::crypto::random_string(16);
    let mut retrier = false;
    let (mut delivered, mut dropped) = (0, 0);
    let last = loop {
        let mut accounts = ctx.accounts()?;
        let pass = accounts.deliver_mail(mail, &site, args.all, &Utc::now)?;
        for note in &pass.notes {
            ctx.printer.detail(note);
        }
        delivered += pass.delivered;
        dropped += pass.dropped;
        match pass.next_attempt {
            Some(next)
                if args.background
                    && next <= deadline
                    && (retrier || accounts.take_retry_lease(&owner, deadline)?) =>
            {
                retrier = true;
                let wait = (next - Utc::now()).to_std().unwrap_or_default();
                std::thread::sleep(wait);
            }
            _ => break pass,
        }
    };
    if retrier {
        ctx.accounts()?.release_retry_lease(&owner)?;
    }
    let deferred = last.deferred;
    ctx.printer.result(
        &format!("Delivered {delivered}, deferred {deferred}, dropped {dropped}."),
        json!({"delivered": delivered, "deferred": deferred, "dropped": dropped}),
    );
    match last.unreachable {
        Some(reason) => Err(authctl::Error::Mail {
            server: "the mail relay".into(),
            reason: format!("{reason} (the messages wait in the outbox)"),
        }),
        None => Ok(Status::Success),
    }
}
