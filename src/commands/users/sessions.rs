//! `authctl users sessions USER` and `users logout USER [--session ID]`: the admin's view of a
//! user's sessions. A session is shown by its row id, never by its key.

use super::super::{Ctx, Status};
use crate::cli::{UsersLogoutArgs, UsersSessionsArgs};
use crate::output::{json_time, table};
use authctl::error::Result;
use serde_json::json;

pub fn list(ctx: &Ctx, args: UsersSessionsArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let (user, sessions) = accounts.sessions_of(&args.username)?;
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    if ctx.printer.json {
        for s in &sessions {
            ctx.printer.result(
                "",
                json!({"id": s.id, "username": user.username, "created": json_time(s.created), "expires": json_time(s.expires)}),
            );
        }
        return Ok(Status::Success);
    }
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| vec![s.id.to_string(), when(s.created), when(s.expires)])
        .collect();
    let text = match rows.is_empty() {
        true => format!("{} has no sessions.", user.username),
        false => table(&["ID", "CREATED", "EXPIRES"], &rows),
    };
    ctx.printer.result(&text, serde_json::Value::Null);
    Ok(Status::Success)
}

pub fn logout(ctx: &Ctx, args: UsersLogoutArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let (user, ended) = accounts.end_sessions(&args.username, args.session)?;
    let text = match ended {
        1 => format!("Ended 1 session of {}.", user.username),
        n => format!("Ended {n} sessions of {}.", user.username),
    };
    ctx.printer.result(
        &text,
        json!({"username": user.username, "sessions_ended": ended}),
    );
    Ok(Status::Success)
}
