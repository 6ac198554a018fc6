//! `authctl users unlock USER… | --all`: forget failed logins and lift locks.

use super::super::{Ctx, Status};
use crate::cli::UsersUnlockArgs;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: UsersUnlockArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let cleared = match args.all {
        true => accounts.unlock_all()?,
        false => accounts.unlock(&args.usernames)?,
    };
    for name in args.usernames.iter().filter(|n| !cleared.contains(n)) {
        ctx.printer
            .detail(&format!("{name}: no failed logins or lock; nothing to do"));
    }
    let text = match cleared.is_empty() {
        true => "Nothing to unlock.".to_string(),
        false => format!("Unlocked {}.", cleared.join(", ")),
    };
    ctx.printer.result(&text, json!({"unlocked": cleared}));
    Ok(Status::Success)
}
