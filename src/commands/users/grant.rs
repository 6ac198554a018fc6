//! `authctl users grant|revoke USER PERM…`: permissions given to a user directly.

use super::super::groups::report;
use super::super::{Ctx, Status};
use crate::cli::UsersGrantArgs;
use authctl::error::Result;

pub fn run(ctx: &Ctx, args: UsersGrantArgs, grant: bool) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let outcome = accounts.set_user_permissions(&args.username, &args.permissions, grant)?;
    match grant {
        true => report(
            ctx,
            &args.username,
            &outcome,
            ("Granted", "to"),
            "already given to",
        ),
        false => report(
            ctx,
            &args.username,
            &outcome,
            ("Revoked", "from"),
            "not given to",
        ),
    }
    Ok(Status::Success)
}
