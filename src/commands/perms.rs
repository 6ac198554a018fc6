//! `authctl perms …`: the permissions that exist, a user's and why, and custom ones.

use super::{Ctx, Status};
use crate::cli::PermsCommand;
use crate::output::{field, table};
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, command: PermsCommand) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    match command {
        PermsCommand::List(args) => {
            let app = args.app.as_deref();
            let rows: Vec<(String, String, Option<Vec<String>>)> = match &args.user {
                None => accounts
                    .permissions(app)?
                    .into_iter()
                    .map(|p| (p.key(), p.name, None))
                    .collect(),
                Some(login) => {
                    let user = accounts.user(login)?;
                    let names: std::collections::BTreeMap<String, String> = accounts
                        .permissions(None)?
                        .into_iter()
                        .map(|p| (p.key(), p.name))
                        .collect();
                    accounts
                        .access(&user)?
                        .permissions
                        .into_iter()
                        .filter(|(key, _)| app.is_none_or(|app| key.split('.').next() == Some(app)))
                        .map(|(key, via)| {
                            let name = names.get(&key).cloned().unwrap_or_default();
                            let via = via.iter().map(|s| s.describe()).collect();
                            (key, name, Some(via))
                        })
                        .collect()
                }
            };
            if ctx.printer.json {
                for (key, name, via) in &rows {
                    let mut object = json!({"permission": key, "name": name});
                    if let Some(via) = via {
                        object["via"] = json!(via);
                    }
                    ctx.printer.result("", object);
                }
                return Ok(Status::Success);
            }
            let with_via = args.user.is_some();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|(key, name, via)| {
                    let mut row = vec![field(key).into_owned(), field(name).into_owned()];
                    if let Some(via) = via {
                        row.push(via.join(", "));
                    }
                    row
                })
                .collect();
            let header: &[&str] = match with_via {
                true => &["PERMISSION", "NAME", "VIA"],
                false => &["PERMISSION", "NAME"],
            };
            let text = match cells.is_empty() {
                true => "No permissions.".to_string(),
                false => table(header, &cells),
            };
            ctx.printer.result(&text, serde_json::Value::Null);
        }
        PermsCommand::Create(args) => {
            let created = accounts.create_permission(&args.permission, &args.model, &args.name)?;
            let text = match created {
                true => format!("Permission {} created.", field(&args.permission)),
                false => format!("Permission {} already exists.", field(&args.permission)),
            };
            ctx.printer.result(
                &text,
                json!({"permission": args.permission, "created": created}),
            );
        }
    }
    Ok(Status::Success)
}
