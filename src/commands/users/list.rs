//! `authctl users list`: a table for people, JSON Lines for scripts (streamed).

use super::super::{Ctx, Status};
use super::flag_pair;
use crate::cli::UsersListArgs;
use crate::output::{field, table, user_json};
use authctl::accounts::admin::Filter;
use authctl::error::Result;
use authctl::store::User;

pub fn run(ctx: &Ctx, args: UsersListArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let only = match (&args.group, &args.perm) {
        (None, None) => None,
        (group, perm) => Some(accounts.user_ids_with(group.as_deref(), perm.as_deref())?),
    };
    let filter = Filter {
        only,
        active: flag_pair(args.active, args.inactive),
        staff: args.staff,
        superuser: args.superuser,
        search: args.search,
        limit: args.limit,
        offset: args.offset,
    };
    if ctx.printer.json {
        let model = accounts.model().clone();
        return accounts
            .list_users(&filter, |user| {
                ctx.printer
                    .result("", user_json(user, &model, args.with_hashes));
                Ok(())
            })
            .map(|()| Status::Success);
    }
    let mut rows = Vec::new();
    accounts.list_users(&filter, |user| {
        rows.push(row(user, args.with_hashes));
        Ok(())
    })?;
    let mut header = vec![
        "ID",
        "USERNAME",
        "EMAIL",
        "ACTIVE",
        "STAFF",
        "SUPERUSER",
        "JOINED",
        "LAST LOGIN",
    ];
    if args.with_hashes {
        header.push("PASSWORD");
    }
    ctx.printer
        .result(&table(&header, &rows), serde_json::Value::Null);
    Ok(Status::Success)
}

fn row(user: &User, with_hash: bool) -> Vec<String> {
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    let mut row = vec![
        user.id.to_string(),
        field(&user.username).into_owned(),
        field(&user.email).into_owned(),
        yes_no(user.is_active),
        yes_no(user.is_staff),
        yes_no(user.is_superuser),
        user.date_joined.map(when).unwrap_or_else(|| "-".into()),
        user.last_login.map(when).unwrap_or_else(|| "never".into()),
    ];
    if with_hash {
        row.push(field(&user.password).into_owned());
    }
    row
}
