//! `authctl whoami`: who the session file says is logged in, if that session is still valid.

use super::{Ctx, Status};
use crate::output::{json_time, user_json};
use authctl::error::Result;

pub fn run(ctx: &Ctx) -> Result<Status> {
    ctx.warn_about_keys();
    let mut accounts = ctx.accounts()?;
    let current = accounts.current(&ctx.settings.session_file)?;
    let user = &current.user;
    let mut json = user_json(user, accounts.model(), false);
    json["session_expires"] = json_time(current.session.expires);
    if let Some(access) = accounts.access_if_any(user)? {
        json["groups"] = serde_json::json!(access.groups);
        json["permissions"] = serde_json::json!(access.permissions.keys().collect::<Vec<_>>());
    }
    ctx.printer.result(&user.username, json);
    Ok(Status::Success)
}
