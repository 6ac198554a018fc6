//! `authctl login`: Django's `LoginView` for a terminal session.

use super::{Ctx, Status, report_upgrade};
use crate::cli::LoginArgs;
use crate::output::json_time;
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: LoginArgs) -> Result<Status> {
    ctx.warn_about_keys();
    let (mut accounts, requirements) = ctx.accounts_requiring(&args.requirements)?;
    let (username, password) = ctx.credentials(&accounts, args.username, &args.password)?;
    // Django's login form strips the username; `verify`, like `authenticate()`, does not.
    let login = accounts.login(
        username.trim(),
        &password,
        &requirements,
        &ctx.settings.session_file,
    )?;
    report_upgrade(ctx, &login.upgrade);
    ctx.printer.result(
        &format!("Logged in as {}.", login.user.username),
        json!({
            "id": login.user.id,
            "username": login.user.username,
            "session_expires": json_time(login.session.expires),
            "session_file": ctx.settings.session_file,
        }),
    );
    Ok(Status::Success)
}
