//! `authctl groups …`: Django's groups, their members and the permissions they give.

use super::{Ctx, Status};
use crate::cli::{GroupsCommand, GroupsDeleteArgs};
use crate::output::{field, table};
use crate::prompt;
use authctl::accounts::perms::Changed;
use authctl::error::{Error, Result};
use serde_json::json;

pub fn run(ctx: &Ctx, command: GroupsCommand) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    match command {
        GroupsCommand::List => {
            let groups = accounts.list_groups()?;
            if ctx.printer.json {
                for g in &groups {
                    ctx.printer.result(
                        "",
                        json!({"name": g.name, "members": g.members, "permissions": g.permissions}),
                    );
                }
                return Ok(Status::Success);
            }
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    vec![
                        field(&g.name).into_owned(),
                        g.members.to_string(),
                        g.permissions.to_string(),
                    ]
                })
                .collect();
            let text = match rows.is_empty() {
                true => "No groups.".to_string(),
                false => table(&["GROUP", "MEMBERS", "PERMISSIONS"], &rows),
            };
            ctx.printer.result(&text, serde_json::Value::Null);
        }
        GroupsCommand::Show(args) => {
            let group = accounts.show_group(&args.name)?;
            let list = |items: &[String]| match items.is_empty() {
                true => "(none)".to_string(),
                false => items
                    .iter()
                    .map(|i| field(i).into_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let text = format!(
                "group:        {}\nmembers:      {}\npermissions:  {}",
                field(&group.name),
                list(&group.members),
                list(&group.permissions)
            );
            ctx.printer.result(
                &text,
                json!({"name": group.name, "members": group.members, "permissions": group.permissions}),
            );
        }
        GroupsCommand::Create(args) => {
            accounts.create_group(&args.name)?;
            ctx.printer.result(
                &format!("Group {} created.", field(args.name.trim())),
                json!({"created": args.name.trim()}),
            );
        }
        GroupsCommand::Rename(args) => {
            accounts.rename_group(&args.old, &args.new)?;
            ctx.printer.result(
                &format!(
                    "Group {} renamed {}.",
                    field(&args.old),
                    field(args.new.trim())
                ),
                json!({"renamed": {"from": args.old, "to": args.new.trim()}}),
            );
        }
        GroupsCommand::Delete(args) => return delete(ctx, &mut accounts, args),
        GroupsCommand::Add(args) => {
            let outcome = accounts.set_members(&args.name, &args.users, true)?;
            report(ctx, &args.name, &outcome, ("Added", "to"), "already in");
        }
        GroupsCommand::Remove(args) => {
            let outcome = accounts.set_members(&args.name, &args.users, false)?;
            report(ctx, &args.name, &outcome, ("Removed", "from"), "not in");
        }
        GroupsCommand::Grant(args) => {
            let outcome = accounts.set_group_permissions(&args.name, &args.permissions, true)?;
            report(
                ctx,
                &args.name,
                &outcome,
                ("Granted", "to"),
                "already given to",
            );
        }
        GroupsCommand::Revoke(args) => {
            let outcome = accounts.set_group_permissions(&args.name, &args.permissions, false)?;
            report(
                ctx,
                &args.name,
                &outcome,
                ("Revoked", "from"),
                "not given to",
            );
        }
    }
    Ok(Status::Success)
}

/// What an idempotent change did: the result names what changed; `-v` names what was already
/// so.
pub fn report(
    ctx: &Ctx,
    target: &str,
    outcome: &Changed,
    (verb, preposition): (&str, &str),
    already: &str,
) {
    for name in &outcome.unchanged {
        ctx.printer
            .detail(&format!("{name}: {already} {target}; nothing to do"));
    }
    let text = match outcome.changed.is_empty() {
        true => "Nothing changed.".to_string(),
        false => format!(
            "{verb} {} {preposition} {target}.",
            outcome.changed.join(", ")
        ),
    };
    ctx.printer.result(
        &text,
        json!({"target": target, "changed": outcome.changed, "unchanged": outcome.unchanged}),
    );
}

fn delete(
    ctx: &Ctx,
    accounts: &mut authctl::accounts::Accounts,
    args: GroupsDeleteArgs,
) -> Result<Status> {
    // Every name is checked before anyone is asked.
    for name in &args.names {
        accounts.show_group(name)?;
    }
    if !args.yes {
        if !ctx.interactive {
            return Err(ctx.missing("confirmation", "--yes"));
        }
        let question = format!(
            "Delete {} ({})? Their memberships and permissions go too. [y/N]: ",
            match args.names.len() {
                1 => "1 group".to_string(),
                n => format!("{n} groups"),
            },
            args.names.join(", ")
        );
        if !prompt::confirm(&question)? {
            return Err(Error::Cancelled("cancelled; nothing was deleted".into()));
        }
    }
    accounts.delete_groups(&args.names)?;
    ctx.printer.result(
        &format!("Deleted {}.", args.names.join(", ")),
        json!({"deleted": args.names}),
    );
    Ok(Status::Success)
}
