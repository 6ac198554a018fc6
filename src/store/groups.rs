//! Django's groups and permissions, read and written as Django's tables hold them: `auth_group`,
//! `auth_permission` (with its `django_content_type`), `auth_group_permissions`, and the user
//! model's two link tables (see [`Links`]). The SQL is the same on both databases
//! ([`Portable`]).

use super::{Links, Portable, SqlValue, Tx, UserModel, quote};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: i64,
    pub name: String,
}

/// A permission as Django names it: `app_label.codename`, and its model and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permission {
    pub id: i64,
    pub app_label: String,
    pub model: String,
    pub codename: String,
    pub name: String,
}

impl Permission {
    /// `app_label.codename`, as `user.has_perm()` takes it.
    pub fn key(&self) -> String {
        format!("{}.{}", self.app_label, self.codename)
    }
}

/// The model's link tables, or why there are none (exit 3).
pub fn links(model: &UserModel) -> Result<&Links> {
    model.links.as_ref().ok_or_else(|| {
        if let Some(note) = &model.links_note {
            return Error::Environment(note.clone());
        }
        Error::Invalid(format!(
            "the user model's table {} has no groups or permissions (Django's PermissionsMixin \
             and its {0}_groups and {0}_user_permissions tables)",
            model.table
        ))
    })
}

fn int(n: i64) -> SqlValue {
    SqlValue::Int(n)
}

fn text(s: &str) -> SqlValue {
    SqlValue::Text(s.to_string())
}

fn group_of(row: &[SqlValue]) -> Group {
    Group {
        id: row[0].int(),
        name: row[1].text(),
    }
}

pub fn all_groups(sql: &mut dyn Portable) -> Result<Vec<Group>> {
    let rows = sql.rows(
        "SELECT CAST(id AS bigint), name FROM auth_group ORDER BY name",
        &[],
    )?;
    Ok(rows.iter().map(|r| group_of(r)).collect())
}

pub fn group_by_name(sql: &mut dyn Portable, name: &str) -> Result<Option<Group>> {
    let rows = sql.rows(
        "SELECT CAST(id AS bigint), name FROM auth_group WHERE name = ?1",
        &[text(name)],
    )?;
    Ok(rows.first().map(|r| group_of(r)))
}

pub fn create_group(sql: &mut dyn Portable, name: &str) -> Result<i64> {
    let rows = sql.rows(
        "INSERT INTO auth_group (name) VALUES (?1) RETURNING CAST(id AS bigint)",
        &[text(name)],
    )?;
    Ok(rows.first().map_or(0, |r| r[0].int()))
}

pub fn rename_group(sql: &mut dyn Portable, id: i64, name: &str) -> Result<()> {
    sql.run(
        "UPDATE auth_group SET name = ?1 WHERE id = CAST(?2 AS bigint)",
        &[text(name), int(id)],
    )?;
    Ok(())
}

/// Deletes a group with its permission and membership rows (of every user model's link
/// table), as Django's cascade does. Rows of any other table that point at the group make it
/// refuse (exit 3), so nothing is left dangling.
pub fn delete_group(tx: &mut dyn Tx, group: &Group) -> Result<()> {
    for (table, column, to) in tx.references("auth_group")? {
        // Django's many-to-many tables: auth_group_permissions and `<user table>_groups`.
        let cascade = table == "auth_group_permissions"
            || (table.ends_with("_groups") && column == "group_id");
        let matching = format!(
            "{} = (SELECT {} FROM auth_group WHERE id = CAST(?1 AS bigint))",
            quote(&column),
            quote(&to)
        );
        if cascade {
            tx.sql().run(
                &format!("DELETE FROM {} WHERE {matching}", quote(&table)),
                &[int(group.id)],
            )?;
            continue;
        }
        let rows = tx.sql().rows(
            &format!("SELECT count(*) FROM {} WHERE {matching}", quote(&table)),
            &[int(group.id)],
        )?;
        let count = rows.first().map_or(0, |r| r[0].int());
        if count > 0 {
            return Err(Error::Invalid(format!(
                "group {} is still referenced by {count} row(s) of {table}.{column}; remove \
                 those first (nothing was deleted)",
                group.name
            )));
        }
    }
    tx.sql().run(
        "DELETE FROM auth_group WHERE id = CAST(?1 AS bigint)",
        &[int(group.id)],
    )?;
    Ok(())
}

/// The ids of a group's members, in id order (link rows of users that are gone left out).
pub fn member_ids(sql: &mut dyn Portable, links: &Links, group: i64) -> Result<Vec<i64>> {
    let rows = sql.rows(
        &format!(
            "SELECT DISTINCT CAST(m.{} AS bigint) FROM {} m JOIN {} u ON u.id = m.{} \
             WHERE m.group_id = CAST(?1 AS bigint) ORDER BY 1",
            quote(&links.groups_user),
            quote(&links.groups),
            quote(&links.users),
            quote(&links.groups_user)
        ),
        &[int(group)],
    )?;
    Ok(rows.iter().map(|r| r[0].int()).collect())
}

/// A user's groups, by name.
pub fn groups_of(sql: &mut dyn Portable, links: &Links, user: i64) -> Result<Vec<Group>> {
    let rows = sql.rows(
        &format!(
            "SELECT CAST(g.id AS bigint), g.name FROM auth_group g \
             JOIN {} m ON m.group_id = g.id WHERE m.{} = CAST(?1 AS bigint) ORDER BY g.name",
            quote(&links.groups),
            quote(&links.groups_user)
        ),
        &[int(user)],
    )?;
    Ok(rows.iter().map(|r| group_of(r)).collect())
}

/// Adds a link row unless it is there; whether it was added.
fn link(
    sql: &mut dyn Portable,
    table: &str,
    (left, left_id): (&str, i64),
    (right, right_id): (&str, i64),
) -> Result<bool> {
    let (table, left, right) = (quote(table), quote(left), quote(right));
    let exists = sql.rows(
        &format!(
            "SELECT 1 FROM {table} WHERE {left} = CAST(?1 AS bigint) \
             AND {right} = CAST(?2 AS bigint)"
        ),
        &[int(left_id), int(right_id)],
    )?;
    if !exists.is_empty() {
        return Ok(false);
    }
    sql.run(
        &format!(
            "INSERT INTO {table} ({left}, {right}) VALUES (CAST(?1 AS bigint), CAST(?2 AS bigint))"
        ),
        &[int(left_id), int(right_id)],
    )?;
    Ok(true)
}

/// Removes a link row; whether there was one.
fn unlink(
    sql: &mut dyn Portable,
    table: &str,
    (left, left_id): (&str, i64),
    (right, right_id): (&str, i64),
) -> Result<bool> {
    let removed = sql.run(
        &format!(
            "DELETE FROM {} WHERE {} = CAST(?1 AS bigint) AND {} = CAST(?2 AS bigint)",
            quote(table),
            quote(left),
            quote(right)
        ),
        &[int(left_id), int(right_id)],
    )?;
    Ok(removed > 0)
}

pub fn add_member(sql: &mut dyn Portable, links: &Links, user: i64, group: i64) -> Result<bool> {
    link(
        sql,
        &links.groups,
        (&links.groups_user, user),
        ("group_id", group),
    )
}

pub fn remove_member(sql: &mut dyn Portable, links: &Links, user: i64, group: i64) -> Result<bool> {
    unlink(
        sql,
        &links.groups,
        (&links.groups_user, user),
        ("group_id", group),
    )
}

/// Every permission that exists, by app and codename.
pub fn all_permissions(sql: &mut dyn Portable) -> Result<Vec<Permission>> {
    let rows = sql.rows(
        "SELECT CAST(p.id AS bigint), c.app_label, c.model, p.codename, p.name \
         FROM auth_permission p JOIN django_content_type c ON c.id = p.content_type_id \
         ORDER BY c.app_label, p.codename, c.model",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| Permission {
            id: r[0].int(),
            app_label: r[1].text(),
            model: r[2].text(),
            codename: r[3].text(),
            name: r[4].text(),
        })
        .collect())
}

/// The ids of the permissions a group has.
pub fn group_permission_ids(sql: &mut dyn Portable, group: i64) -> Result<Vec<i64>> {
    let rows = sql.rows(
        "SELECT CAST(permission_id AS bigint) FROM auth_group_permissions \
         WHERE group_id = CAST(?1 AS bigint)",
        &[int(group)],
    )?;
    Ok(rows.iter().map(|r| r[0].int()).collect())
}

/// The ids of the permissions given to a user directly.
pub fn user_permission_ids(sql: &mut dyn Portable, links: &Links, user: i64) -> Result<Vec<i64>> {
    let rows = sql.rows(
        &format!(
            "SELECT CAST(permission_id AS bigint) FROM {} WHERE {} = CAST(?1 AS bigint)",
            quote(&links.permissions),
            quote(&links.permissions_user)
        ),
        &[int(user)],
    )?;
    Ok(rows.iter().map(|r| r[0].int()).collect())
}

/// The ids of the users given a permission directly.
pub fn users_with_permission(
    sql: &mut dyn Portable,
    links: &Links,
    permission: i64,
) -> Result<Vec<i64>> {
    let rows = sql.rows(
        &format!(
            "SELECT CAST({} AS bigint) FROM {} WHERE permission_id = CAST(?1 AS bigint)",
            quote(&links.permissions_user),
            quote(&links.permissions)
        ),
        &[int(permission)],
    )?;
    Ok(rows.iter().map(|r| r[0].int()).collect())
}

/// The ids of the groups that have a permission.
pub fn groups_with_permission(sql: &mut dyn Portable, permission: i64) -> Result<Vec<i64>> {
    let rows = sql.rows(
        "SELECT CAST(group_id AS bigint) FROM auth_group_permissions \
         WHERE permission_id = CAST(?1 AS bigint)",
        &[int(permission)],
    )?;
    Ok(rows.iter().map(|r| r[0].int()).collect())
}

pub fn grant_group(sql: &mut dyn Portable, group: i64, permission: i64) -> Result<bool> {
    link(
        sql,
        "auth_group_permissions",
        ("group_id", group),
        ("permission_id", permission),
    )
}

pub fn revoke_group(sql: &mut dyn Portable, group: i64, permission: i64) -> Result<bool> {
    unlink(
        sql,
        "auth_group_permissions",
        ("group_id", group),
        ("permission_id", permission),
    )
}

pub fn grant_user(
    sql: &mut dyn Portable,
    links: &Links,
    user: i64,
    permission: i64,
) -> Result<bool> {
    link(
        sql,
        &links.permissions,
        (&links.permissions_user, user),
        ("permission_id", permission),
    )
}

pub fn revoke_user(
    sql: &mut dyn Portable,
    links: &Links,
    user: i64,
    permission: i64,
) -> Result<bool> {
    unlink(
        sql,
        &links.permissions,
        (&links.permissions_user, user),
        ("permission_id", permission),
    )
}

/// A content type's id, created if it is not there (`ContentType.objects.get_or_create`).
pub fn content_type(sql: &mut dyn Portable, app_label: &str, model: &str) -> Result<i64> {
    let found = sql.rows(
        "SELECT CAST(id AS bigint) FROM django_content_type WHERE app_label = ?1 AND model = ?2",
        &[text(app_label), text(model)],
    )?;
    if let Some(row) = found.first() {
        return Ok(row[0].int());
    }
    let rows = sql.rows(
        "INSERT INTO django_content_type (app_label, model) VALUES (?1, ?2) \
         RETURNING CAST(id AS bigint)",
        &[text(app_label), text(model)],
    )?;
    Ok(rows.first().map_or(0, |r| r[0].int()))
}

/// Creates a permission unless its content type already has that codename; whether it did.
pub fn create_permission(
    sql: &mut dyn Portable,
    content_type: i64,
    codename: &str,
    name: &str,
) -> Result<bool> {
    let found = sql.rows(
        "SELECT 1 FROM auth_permission WHERE content_type_id = CAST(?1 AS bigint) \
         AND codename = ?2",
        &[int(content_type), text(codename)],
    )?;
    if !found.is_empty() {
        return Ok(false);
    }
    sql.run(
        "INSERT INTO auth_permission (name, content_type_id, codename) \
         VALUES (?1, CAST(?2 AS bigint), ?3)",
        &[text(name), int(content_type), text(codename)],
    )?;
    Ok(true)
}

/// Every `(user id, group name)` membership, for an export.
pub fn memberships(sql: &mut dyn Portable, links: &Links) -> Result<Vec<(i64, String)>> {
    let rows = sql.rows(
        &format!(
            "SELECT CAST(m.{} AS bigint), g.name FROM {} m JOIN auth_group g ON g.id = m.group_id \
             ORDER BY g.name",
            quote(&links.groups_user),
            quote(&links.groups)
        ),
        &[],
    )?;
    Ok(rows.iter().map(|r| (r[0].int(), r[1].text())).collect())
}

/// Whether a user is in the group of this name: one query, whatever the user.
pub fn in_group(sql: &mut dyn Portable, links: &Links, user: i64, name: &str) -> Result<bool> {
    let rows = sql.rows(
        &format!(
            "SELECT 1 FROM {} m JOIN auth_group g ON g.id = m.group_id \
             WHERE m.{} = CAST(?1 AS bigint) AND g.name = ?2",
            quote(&links.groups),
            quote(&links.groups_user)
        ),
        &[int(user), text(name)],
    )?;
    Ok(!rows.is_empty())
}

/// Whether a user holds `app_label.codename` directly or through a group: one query, whatever
/// the user (superusers and inactive users are the caller's rule).
pub fn holds(
    sql: &mut dyn Portable,
    links: &Links,
    user: i64,
    app_label: &str,
    codename: &str,
) -> Result<bool> {
    let named = "SELECT p.id FROM auth_permission p \
                 JOIN django_content_type c ON c.id = p.content_type_id \
                 WHERE c.app_label = ?2 AND p.codename = ?3";
    let rows = sql.rows(
        &format!(
            "SELECT 1 FROM {perms} WHERE {perms_user} = CAST(?1 AS bigint) \
               AND permission_id IN ({named}) \
             UNION ALL \
             SELECT 1 FROM {groups} m JOIN auth_group_permissions gp ON gp.group_id = m.group_id \
             WHERE m.{groups_user} = CAST(?1 AS bigint) AND gp.permission_id IN ({named})",
            perms = quote(&links.permissions),
            perms_user = quote(&links.permissions_user),
            groups = quote(&links.groups),
            groups_user = quote(&links.groups_user),
        ),
        &[int(user), text(app_label), text(codename)],
    )?;
    Ok(!rows.is_empty())
}
