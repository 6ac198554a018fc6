//! `authctl users …`: the admin, one module per subcommand.

mod delete;
mod export;
mod grant;
mod import;
mod list;
mod sessions;
mod set;
mod set_password;
mod show;
mod unlock;

use super::{Ctx, Status};
use crate::cli::{TransferFormat, UsersCommand};
use authctl::accounts::transfer::Format;
use authctl::error::Result;

pub fn run(ctx: &Ctx, command: UsersCommand) -> Result<Status> {
    match command {
        UsersCommand::List(args) => list::run(ctx, args),
        UsersCommand::Show(args) => show::run(ctx, args),
        UsersCommand::Set(args) => set::run(ctx, args),
        UsersCommand::Delete(args) => delete::run(ctx, args),
        UsersCommand::SetPassword(args) => set_password::run(ctx, args),
        UsersCommand::Import(args) => import::run(ctx, args),
        UsersCommand::Export(args) => export::run(ctx, args),
        UsersCommand::Sessions(args) => sessions::list(ctx, args),
        UsersCommand::Logout(args) => sessions::logout(ctx, args),
        UsersCommand::Unlock(args) => unlock::run(ctx, args),
        UsersCommand::Grant(args) => grant::run(ctx, args, true),
        UsersCommand::Revoke(args) => grant::run(ctx, args, false),
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

/// The format asked for, else the file's extension (`.csv`), else JSON Lines — the same rule
/// for import and export, so `export --output x.csv` and `import x.csv` agree.
fn format_for(format: Option<TransferFormat>, file: Option<&std::path::Path>) -> Format {
    match format {
        Some(TransferFormat::Jsonl) => Format::Jsonl,
        Some(TransferFormat::Csv) => Format::Csv,
        None if file
            .and_then(|f| f.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
        {
            Format::Csv
        }
        None => Format::Jsonl,
    }
}
