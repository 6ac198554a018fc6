//! `authctl logout`: ends the session; logging out twice is not an error.

use super::{Ctx, Status};
use crate::cli::LogoutArgs;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: LogoutArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let ended = accounts.logout(&ctx.settings.session_file, args.all)?;
    let text = match ended {
        0 => "Not logged in.".to_string(),
        1 => "Logged out.".to_string(),
        n => format!("Logged out of {n} sessions."),
    };
    ctx.printer.result(&text, json!({"sessions_ended": ended}));
    Ok(Status::Success)
}
