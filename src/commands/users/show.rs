//! `authctl users show NAME`: every field, how the password is stored, and active sessions.

use super::super::{Ctx, Status};
use crate::cli::UsersShowArgs;
use crate::output::{field, user_json};
use authctl::error::Result;
use serde_json::json;

pub fn run(ctx: &Ctx, args: UsersShowArgs) -> Result<Status> {
    let mut accounts = ctx.accounts()?;
    let user = accounts.user(&args.username)?;
    let info = accounts.password_info(&user);
    let sessions = accounts.session_count(&user)?;
    let mut json = user_json(&user, accounts.model(), args.with_hashes);
    json["password_hasher"] = json!(info.hasher);
    json["password_usable"] = json!(info.usable);
    json["password_needs_upgrade"] = json!(info.needs_upgrade);
    json["sessions"] = json!(sessions);
    let lock = accounts.lock_state(&user.username)?;
    let now = chrono::Utc::now();
    let locked_until = lock
        .as_ref()
        .and_then(|l| authctl::accounts::audit::locked_until(l, now));
    let failures = lock.as_ref().map_or(0, |l| l.failures);
    json["failed_logins"] = json!(failures);
    json["locked_until"] = json!(locked_until.map(crate::output::json_time));
    let access = accounts.access_if_any(&user)?;
    if let Some(access) = &access {
        json["groups"] = json!(access.groups);
        json["permissions"] = json!(access.permissions.keys().collect::<Vec<_>>());
    }
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    let model = accounts.model();
    // The fields of Django's AbstractUser the model has, in the admin's order.
    let optional: [(&str, String); 7] = [
        ("email", format!("email:          {}", field(&user.email))),
        (
            "first_name",
            format!("first name:     {}", field(&user.first_name)),
        ),
        (
            "last_name",
            format!("last name:      {}", field(&user.last_name)),
        ),
        ("is_active", format!("active:         {}", user.is_active)),
        ("is_staff", format!("staff:          {}", user.is_staff)),
        (
            "is_superuser",
            format!("superuser:      {}", user.is_superuser),
        ),
        (
            "date_joined",
            format!(
                "date joined:    {}",
                user.date_joined.map(when).unwrap_or_else(|| "-".into())
            ),
        ),
    ];
    let mut lines = vec![
        format!("id:             {}", user.id),
        format!("username:       {}", field(&user.username)),
    ];
    lines.extend(
        optional
            .into_iter()
            .filter(|(column, _)| {
                model.has(column) && !(*column == "email" && model.login_is_email())
            })
            .map(|(_, line)| line),
    );
    lines.extend([
        format!(
            "last login:     {}",
            user.last_login.map(when).unwrap_or_else(|| "never".into())
        ),
        format!(
            "password:       {}{}{}",
            info.hasher,
            if info.usable {
                ""
            } else {
                " (cannot log in with a password)"
            },
            if info.needs_upgrade {
                " (re-encoded at next login)"
            } else {
                ""
            }
        ),
        format!("sessions:       {sessions}"),
        format!("failed logins:  {failures}"),
    ]);
    if let Some(until) = locked_until {
        lines.push(format!("locked until:   {}", when(until)));
    }
    if let Some(access) = &access {
        let list = |items: Vec<&String>| match items.is_empty() {
            true => "(none)".to_string(),
            false => items
                .iter()
                .map(|i| field(i).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
        };
        lines.push(format!(
            "groups:         {}",
            list(access.groups.iter().collect())
        ));
        let permissions = match user.is_active && user.is_superuser {
            true => "all (superuser)".to_string(),
            false => list(access.permissions.keys().collect()),
        };
        lines.push(format!("permissions:    {permissions}"));
    }
    for (name, value) in &user.extra {
        let label = format!("{}:", name.replace('_', " "));
        let value = value.as_deref().map_or("(null)".into(), field);
        lines.push(format!("{label:<15} {value}"));
    }
    if args.with_hashes {
        lines.push(format!("password hash:  {}", field(&user.password)));
    }
    ctx.printer.result(&lines.join("\n"), json);
    Ok(Status::Success)
}
