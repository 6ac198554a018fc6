//! `authctl users delete NAME…`: all or nothing, confirmed on a terminal.

use super::super::{Ctx, Status};
use crate::cli::UsersDeleteArgs;
use crate::prompt;
use authctl::error::{Error, Result};
use serde_json::json;

pub fn run(ctx: &Ctx, args: UsersDeleteArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    // Who is meant is settled first, so nobody is asked to confirm a name that does not exist.
    let found = accounts.users_to_delete(&args.usernames, args.missing_ok)?;
    let names: Vec<&str> = found.iter().map(|u| u.username.as_str()).collect();
    if !args.yes && !found.is_empty() {
        if !ctx.interactive {
            return Err(ctx.missing("confirmation", "--yes"));
        }
        let question = format!(
            "Delete {} ({})? Their sessions go too. [y/N]: ",
            if names.len() == 1 {
                "1 user".to_string()
            } else {
                format!("{} users", names.len())
            },
            names.join(", ")
        );
        if !prompt::confirm(&question)? {
            return Err(Error::Cancelled("cancelled; nothing was deleted".into()));
        }
    }
    accounts.delete_users(&found)?;
    let text = match names.len() {
        0 => "No users deleted.".to_string(),
        _ => format!("Deleted {}.", names.join(", ")),
    };
    ctx.printer.result(&text, json!({"deleted": names}));
    Ok(Status::Success)
}
