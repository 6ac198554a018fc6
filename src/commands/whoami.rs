//! `authctl whoami`: who the session file says is logged in, if that session is still valid.

use super::{Ctx, Status};
use crate::output::json_time;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let current = accounts.current(&ctx.settings.session_file)?;
    let user = &current.user;
    ctx.printer.result(
        &user.username,
        json!({
            "id": user.id,
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "is_superuser": user.is_superuser,
            "last_login": user.last_login.map(json_time),
            "date_joined": json_time(user.date_joined),
            "session_expires": json_time(current.session.expires),
        }),
    );
    Ok(Status::Success)
}
