//! `authctl users export`: every user in the format `users import` reads.

use super::super::{Ctx, Status};
use super::format_for;
use crate::cli::UsersExportArgs;
use crate::progress::{Progress, catch_interrupts};
use authctl::error::{Error, Result};
use authctl::private_file::{self, Existing};
use std::sync::atomic::Ordering;

pub fn run(ctx: &Ctx, args: UsersExportArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let format = format_for(args.format, args.output.as_deref());
    let show = args
        .progress
        .choice()
        .or(ctx.printer.quiet.then_some(false));
    let progress = Progress::new(show, "exporting");
    progress.rows_to_go("exporting", accounts.count_users()?);
    let interrupted = catch_interrupts();
    let written = || {
        if interrupted.load(Ordering::Relaxed) {
            return Err(Error::Interrupted(
                "export interrupted; no file was written".into(),
            ));
        }
        progress.rows_done(1);
        Ok(())
    };
    // `-` is standard output, as `users import -` reads standard input.
    let result = match args.output.as_ref().filter(|path| path.as_os_str() != "-") {
        Some(path) => private_file::write_with(path, Existing::Replace, |out| {
            accounts.export_users(format, args.with_hashes, out, &written)
        })
        .map(|_| ()),
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
            accounts
                .export_users(format, args.with_hashes, &mut out, &written)
                .and_then(|()| {
                    std::io::Write::flush(&mut out)
                        .map_err(|e| Error::Environment(format!("cannot write the export: {e}")))
                })
        }
    };
    progress.finish();
    result.map(|()| Status::Success)
}
