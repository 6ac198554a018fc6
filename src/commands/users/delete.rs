//! `authctl users delete NAME…`: all or nothing, confirmed on a terminal.

use super::super::{Ctx, Status};
use crate::cli::UsersDeleteArgs;
use crate::prompt;
use authctl::error::{Error, Result};
use serde_json::json;

pub fn run(ctx: &Ctx, args: UsersDeleteArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    if !args.yes {
        if !ctx.interactive {
            return Err(ctx.missing("confirmation", "--yes"));
        }
        let question = format!(
            "Delete {} ({})? Their sessions go too. [y/N]: ",
            if args.usernames.len() == 1 {
                "1 user".to_string()
            } else {
                format!("{} users", args.usernames.len())
            },
            args.usernames.join(", ")
        );
        if !prompt::confirm(&question)? {
            return Err(Error::denied("cancelled; nothing was deleted").into());
        }
    }
    let deleted = accounts.delete_users(&args.usernames, args.missing_ok)?;
    let names: Vec<&str> = deleted.iter().map(|u| u.username.as_str()).collect();
    let text = match names.len() {
        0 => "No users deleted.".to_string(),
        _ => format!("Deleted {}.", names.join(", ")),
    };
    ctx.printer.result(&text, json!({"deleted": names}));
    Ok(Status::Success)
}
