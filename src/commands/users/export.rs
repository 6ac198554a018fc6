//! `authctl users export`: every user in the format `users import` reads.

use super::super::{Ctx, Status};
use super::format_for;
use crate::cli::UsersExportArgs;
use authctl::error::Result;
use authctl::private_file::{self, Existing};

pub fn run(ctx: &Ctx, args: UsersExportArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let format = format_for(args.format, args.output.as_deref());
    // `-` is standard output, as `users import -` reads standard input.
    match args.output.as_ref().filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            let mut buffer = Vec::new();
            accounts.export_users(format, args.with_hashes, &mut buffer)?;
            private_file::write(path, &buffer, Existing::Replace)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            accounts.export_users(format, args.with_hashes, &mut lock)?;
        }
    }
    Ok(Status::Success)
}
