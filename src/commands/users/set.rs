//! `authctl users set NAME …`: change fields and flags.

use super::super::{Ctx, Status};
use super::flag_pair;
use crate::cli::UsersSetArgs;
use crate::output::user_json;
use authctl::accounts::admin::Changes;
use authctl::error::{Error, Result};

pub fn run(ctx: &Ctx, args: UsersSetArgs) -> Result<Status> {
    let changes = Changes {
        username: args.new_username,
        email: args.email,
        first_name: args.first_name,
        last_name: args.last_name,
        active: flag_pair(args.active, args.inactive),
        staff: flag_pair(args.staff, args.no_staff),
        superuser: flag_pair(args.superuser, args.no_superuser),
        unusable_password: args.unusable_password,
        fields: args.fields,
    };
    if changes.is_empty() {
        return Err(Error::Usage(
            "nothing to change; give --email, --first-name, --last-name, --username, \
             --active/--inactive, --staff/--no-staff, --superuser/--no-superuser, --unusable-password or --field"
                .into(),
        ));
    }
    let mut accounts = ctx.accounts()?;
    let user = accounts.update_user(&args.username, &changes)?;
    ctx.printer.result(
        &format!("User {} updated.", user.username),
        user_json(&user, accounts.model(), false),
    );
    Ok(Status::Success)
}
