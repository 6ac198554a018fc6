//! `authctl verify`: is this username/password pair valid? Exit 0 or 1, silent by default.

use super::{Ctx, Status, report_upgrade, requirements};
use crate::cli::VerifyArgs;
use authctl::accounts::auth::Purpose;
use authctl::error::{Family, Result};
use serde_json::json;

pub fn run(ctx: &Ctx, args: VerifyArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let requirements = requirements(&mut accounts, &args.requirements)?;
    let (username, password) = ctx.credentials(&accounts, args.username, &args.password)?;
    let result = accounts.authenticate_with(&username, &password, &requirements, Purpose::Check);
    let printer = &ctx.printer;
    match result {
        Ok(auth) => {
            report_upgrade(ctx, &auth.upgrade);
            printer.detail(&format!("{}: valid", auth.user.username));
            // No text: verify speaks only through its exit status, unless asked for JSON.
            printer.result("", json!({"valid": true, "username": auth.user.username}));
            Ok(Status::Success)
        }
        Err(err) if err.family() == Family::Denied => {
            printer.detail(&format!("denied: {}", err.chain()));
            if let Some(why) = err.why() {
                printer.detail(why);
            }
            printer.result("", json!({"valid": false, "username": username}));
            Ok(Status::Denied)
        }
        Err(err) => Err(err),
    }
}
