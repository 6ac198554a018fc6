//! `authctl users …`: the admin, one module per subcommand.

mod delete;
mod list;
mod set;
mod set_password;
mod show;
mod transfer;

use super::{Ctx, Status};
use crate::cli::UsersCommand;
use authctl::error::Result;

pub fn run(ctx: &Ctx, command: UsersCommand) -> Result<Status> {
    match command {
        UsersCommand::List(args) => list::run(ctx, args),
        UsersCommand::Show(args) => show::run(ctx, args),
        UsersCommand::Set(args) => set::run(ctx, args),
        UsersCommand::Delete(args) => delete::run(ctx, args),
        UsersCommand::SetPassword(args) => set_password::run(ctx, args),
        UsersCommand::Import(args) => transfer::import(ctx, args),
        UsersCommand::Export(args) => transfer::export(ctx, args),
    }
}

/// A yes/no flag pair (`--staff` / `--no-staff`) as "set to", or "leave alone".
fn flag_pair(yes: bool, no: bool) -> Option<bool> {
    match (yes, no) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}
