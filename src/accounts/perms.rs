//! Groups and permissions with Django's rules (`ModelBackend`, `PermissionsMixin`): an
//! inactive user has no permissions, an active superuser has every one that exists, anyone
//! else the union of their own and their groups'.
//!
//! Changes are idempotent: adding a member twice, granting a permission twice or revoking one
//! not held changes nothing, and the outcome says which names changed.

use super::Accounts;
use crate::error::{Error, Result, messages};
use crate::store::groups::{self, Group, Permission};
use crate::store::{Links, Tx, User};
use crate::validators;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Why a user has a permission.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Given to the user.
    Direct,
    /// Through a group, by name.
    Group(String),
    /// An active superuser has every permission.
    Superuser,
}

impl Source {
    pub fn describe(&self) -> String {
        match self {
            Source::Direct => "direct".into(),
            Source::Group(name) => format!("group:{name}"),
            Source::Superuser => "superuser".into(),
        }
    }
}

/// A user's groups and effective permissions (`app_label.codename`, with where each comes
/// from).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    pub groups: Vec<String>,
    pub permissions: BTreeMap<String, Vec<Source>>,
}

/// What an idempotent change did to each name it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub changed: Vec<String>,
    pub unchanged: Vec<String>,
}

/// A group with its counts, for `groups list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSummary {
    pub name: String,
    pub members: usize,
    pub permissions: usize,
}

/// A group with its members (logins) and permissions (`app_label.codename`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetail {
    pub name: String,
    pub members: Vec<String>,
    pub permissions: Vec<String>,
}

/// What `verify --group/--perm` and `login` require of a user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requirements {
    pub groups: Vec<String>,
    pub permissions: Vec<String>,
}

impl Requirements {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.permissions.is_empty()
    }
}

/// What Django's `Group.name` field says of a name: required, at most 150 characters, no NUL.
pub(crate) fn group_name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some(format!("group name: {}", messages::REQUIRED));
    }
    validators::name_errors(name)
        .into_iter()
        .next()
        .map(|problem| format!("group name {name:?}: {problem}"))
}

/// A name typed for a new or renamed group: stripped, as Django's form strips it, and checked.
fn check_group_name(name: &str) -> Result<String> {
    let name = name.trim();
    match group_name_problem(name) {
        Some(problem) => Err(Error::Invalid(problem)),
        None => Ok(name.to_string()),
    }
}

fn no_group(name: &str) -> Error {
    Error::Invalid(format!("there is no group named {name}"))
}

/// The group of this name, or exit 3.
fn find_group(tx: &mut dyn Tx, name: &str) -> Result<Group> {
    groups::group_by_name(tx.sql(), name)?.ok_or_else(|| no_group(name))
}

/// The permissions named `app_label.codename` (one per content type that has the codename),
/// or exit 3 with the nearest names.
fn resolve(all: &[Permission], key: &str) -> Result<Vec<i64>> {
    let found: Vec<i64> = all
        .iter()
        .filter(|p| p.key() == key)
        .map(|p| p.id)
        .collect();
    if !found.is_empty() {
        return Ok(found);
    }
    let mut near: Vec<(f64, String)> = all
        .iter()
        .map(|p| (strsim::normalized_levenshtein(&p.key(), key), p.key()))
        .filter(|(score, _)| *score > 0.5)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    near.dedup_by(|a, b| a.1 == b.1);
    let hint = match near.is_empty() {
        true => " (see authctl perms list)".to_string(),
        false => {
            let names: Vec<String> = near.into_iter().take(3).map(|(_, k)| k).collect();
            format!("; did you mean {}?", names.join(", "))
        }
    };
    let shape = match key.split_once('.') {
        Some((app, codename)) if !app.is_empty() && !codename.is_empty() => "",
        _ => " (permissions are written app_label.codename)",
    };
    Err(Error::Invalid(format!(
        "there is no permission {key}{shape}{hint}"
    )))
}

/// Every permission id each key names, checked all at once.
fn resolve_all(all: &[Permission], keys: &[String]) -> Result<Vec<(String, Vec<i64>)>> {
    keys.iter()
        .map(|key| resolve(all, key).map(|ids| (key.clone(), ids)))
        .collect()
}

/// A user's access by Django's rules.
fn access_of(tx: &mut dyn Tx, links: &Links, user: &User) -> Result<Access> {
    let own_groups = groups::groups_of(tx.sql(), links, user.id)?;
    let mut access = Access {
        groups: own_groups.iter().map(|g| g.name.clone()).collect(),
        permissions: BTreeMap::new(),
    };
    if !user.is_active {
        return Ok(access);
    }
    let all = groups::all_permissions(tx.sql())?;
    let by_id: BTreeMap<i64, String> = all.iter().map(|p| (p.id, p.key())).collect();
    let mut add = |id: i64, source: Source| {
        if let Some(key) = by_id.get(&id) {
            let sources = access.permissions.entry(key.clone()).or_default();
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    };
    for id in groups::user_permission_ids(tx.sql(), links, user.id)? {
        add(id, Source::Direct);
    }
    for group in &own_groups {
        for id in groups::group_permission_ids(tx.sql(), group.id)? {
            add(id, Source::Group(group.name.clone()));
        }
    }
    if user.is_superuser {
        for permission in &all {
            add(permission.id, Source::Superuser);
        }
    }
    for sources in access.permissions.values_mut() {
        sources.sort();
    }
    Ok(access)
}

impl Accounts {
    fn links(&self) -> Result<Links> {
        groups::links(self.model()).cloned()
    }

    pub fn list_groups(&mut self) -> Result<Vec<GroupSummary>> {
        let links = self.links()?;
        self.store.read(|tx| {
            let mut out = Vec::new();
            let all = groups::all_permissions(tx.sql())?;
            for group in groups::all_groups(tx.sql())? {
                let ids: BTreeSet<i64> = groups::group_permission_ids(tx.sql(), group.id)?
                    .into_iter()
                    .collect();
                // Permissions by name, as `groups show` lists them.
                let keys: BTreeSet<String> = all
                    .iter()
                    .filter(|p| ids.contains(&p.id))
                    .map(|p| p.key())
                    .collect();
                out.push(GroupSummary {
                    members: groups::member_ids(tx.sql(), &links, group.id)?.len(),
                    permissions: keys.len(),
                    name: group.name,
                });
            }
            Ok(out)
        })
    }

    pub fn show_group(&mut self, name: &str) -> Result<GroupDetail> {
        let links = self.links()?;
        self.store.read(|tx| {
            let group = find_group(tx, name)?;
            let mut members = Vec::new();
            for id in groups::member_ids(tx.sql(), &links, group.id)? {
                if let Some(user) = tx.user_by_id(id)? {
                    members.push(user.username);
                }
            }
            let ids: BTreeSet<i64> = groups::group_permission_ids(tx.sql(), group.id)?
                .into_iter()
                .collect();
            let permissions: BTreeSet<String> = groups::all_permissions(tx.sql())?
                .into_iter()
                .filter(|p| ids.contains(&p.id))
                .map(|p| p.key())
                .collect();
            let permissions = permissions.into_iter().collect();
            Ok(GroupDetail {
                name: group.name,
                members,
                permissions,
            })
        })
    }

    pub fn create_group(&mut self, name: &str) -> Result<()> {
        self.links()?;
        let name = check_group_name(name)?;
        self.write_with_events(|tx, events| {
            if groups::group_by_name(tx.sql(), &name)?.is_some() {
                return Err(Error::Invalid(
                    "Group with this Name already exists.".to_string(),
                ));
            }
            groups::create_group(tx.sql(), &name)?;
            events.add("group_created", "", None, json!({"group": name}));
            Ok(())
        })
    }

    pub fn rename_group(&mut self, old: &str, new: &str) -> Result<()> {
        self.links()?;
        let new = check_group_name(new)?;
        self.write_with_events(|tx, events| {
            let group = find_group(tx, old)?;
            if group.name != new && groups::group_by_name(tx.sql(), &new)?.is_some() {
                return Err(Error::Invalid(
                    "Group with this Name already exists.".to_string(),
                ));
            }
            groups::rename_group(tx.sql(), group.id, &new)?;
            events.add(
                "group_renamed",
                "",
                None,
                json!({"group": new, "from": group.name}),
            );
            Ok(())
        })
    }

    /// Deletes these groups, all or none; their permission and membership rows go with them.
    pub fn delete_groups(&mut self, names: &[String]) -> Result<()> {
        self.links()?;
        self.write_with_events(|tx, events| {
            let mut found = Vec::new();
            for name in names {
                found.push(find_group(tx, name)?);
            }
            for group in &found {
                groups::delete_group(tx, group)?;
                events.add("group_deleted", "", None, json!({"group": group.name}));
            }
            Ok(())
        })
    }

    /// Each of the users (by login), all or none: every name must exist.
    fn users_named(tx: &mut dyn Tx, logins: &[String]) -> Result<Vec<User>> {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for login in logins {
            let login = validators::normalize_username(login);
            match tx.user_by_username(&login)? {
                Some(user) => found.push(user),
                None => missing.push(login),
            }
        }
        match missing.is_empty() {
            true => Ok(found),
            false => Err(Error::NoSuchUser(missing.join(", "))),
        }
    }

    /// Adds (`add`) or removes users of a group.
    pub fn set_members(&mut self, name: &str, logins: &[String], add: bool) -> Result<Changed> {
        let links = self.links()?;
        let event = match add {
            true => "group_member_added",
            false => "group_member_removed",
        };
        self.write_with_events(|tx, events| {
            let group = find_group(tx, name)?;
            let mut outcome = Changed::default();
            for user in Self::users_named(tx, logins)? {
                let changed = match add {
                    true => groups::add_member(tx.sql(), &links, user.id, group.id)?,
                    false => groups::remove_member(tx.sql(), &links, user.id, group.id)?,
                };
                match changed {
                    true => {
                        events.add(
                            event,
                            &user.username,
                            Some(user.id),
                            json!({"group": group.name}),
                        );
                        outcome.changed.push(user.username)
                    }
                    false => outcome.unchanged.push(user.username),
                }
            }
            Ok(outcome)
        })
    }

    /// Grants (`grant`) or revokes permissions of a group.
    pub fn set_group_permissions(
        &mut self,
        name: &str,
        keys: &[String],
        grant: bool,
    ) -> Result<Changed> {
        self.links()?;
        let event = match grant {
            true => "group_permission_granted",
            false => "group_permission_revoked",
        };
        self.write_with_events(|tx, events| {
            let group = find_group(tx, name)?;
            let all = groups::all_permissions(tx.sql())?;
            let mut outcome = Changed::default();
            for (key, ids) in resolve_all(&all, keys)? {
                let mut changed = false;
                for id in ids {
                    changed |= match grant {
                        true => groups::grant_group(tx.sql(), group.id, id)?,
                        false => groups::revoke_group(tx.sql(), group.id, id)?,
                    };
                }
                match changed {
                    true => {
                        events.add(
                            event,
                            "",
                            None,
                            json!({"group": group.name, "permission": key}),
                        );
                        outcome.changed.push(key)
                    }
                    false => outcome.unchanged.push(key),
                }
            }
            Ok(outcome)
        })
    }

    /// Grants (`grant`) or revokes permissions given to a user directly.
    pub fn set_user_permissions(
        &mut self,
        login: &str,
        keys: &[String],
        grant: bool,
    ) -> Result<Changed> {
        let links = self.links()?;
        let event = match grant {
            true => "user_permission_granted",
            false => "user_permission_revoked",
        };
        self.write_with_events(|tx, events| {
            let user = Self::users_named(tx, &[login.to_string()])?.remove(0);
            let all = groups::all_permissions(tx.sql())?;
            let mut outcome = Changed::default();
            for (key, ids) in resolve_all(&all, keys)? {
                let mut changed = false;
                for id in ids {
                    changed |= match grant {
                        true => groups::grant_user(tx.sql(), &links, user.id, id)?,
                        false => groups::revoke_user(tx.sql(), &links, user.id, id)?,
                    };
                }
                match changed {
                    true => {
                        events.add(
                            event,
                            &user.username,
                            Some(user.id),
                            json!({"permission": key}),
                        );
                        outcome.changed.push(key)
                    }
                    false => outcome.unchanged.push(key),
                }
            }
            Ok(outcome)
        })
    }

    /// Every permission that exists, or one app's.
    pub fn permissions(&mut self, app: Option<&str>) -> Result<Vec<Permission>> {
        self.links()?;
        let all = self.store.read(|tx| groups::all_permissions(tx.sql()))?;
        Ok(all
            .into_iter()
            .filter(|p| app.is_none_or(|app| p.app_label == app))
            .collect())
    }

    /// A user's groups and effective permissions.
    pub fn access(&mut self, user: &User) -> Result<Access> {
        let links = self.links()?;
        self.store.read(|tx| access_of(tx, &links, user))
    }

    /// The user's access when the model has groups at all; `None` for one without.
    pub fn access_if_any(&mut self, user: &User) -> Result<Option<Access>> {
        match self.model().links.is_some() {
            true => self.access(user).map(Some),
            false => Ok(None),
        }
    }

    /// Creates `app_label.codename` on model `model` with a description, as a data migration's
    /// `Permission.objects.get_or_create` would, with the content type if needed; whether it
    /// was created.
    pub fn create_permission(&mut self, key: &str, model: &str, name: &str) -> Result<bool> {
        self.links()?;
        let (app, codename) = match key.split_once('.') {
            Some((app, codename)) if !app.is_empty() && !codename.is_empty() => (app, codename),
            _ => {
                return Err(Error::Invalid(format!(
                    "a permission is written app_label.codename, not {key}"
                )));
            }
        };
        let model = model.trim().to_lowercase();
        let name = name.trim();
        for (what, value, max) in [
            ("app label", app, 100),
            ("codename", codename, 100),
            ("model", model.as_str(), 100),
            ("name", name, 255),
        ] {
            if value.is_empty() {
                return Err(Error::Invalid(format!("{what}: {}", messages::REQUIRED)));
            }
            if let Some(problem) = validators::max_length_message(max, value) {
                return Err(Error::Invalid(format!("{what}: {problem}")));
            }
        }
        self.write_with_events(|tx, events| {
            let content_type = groups::content_type(tx.sql(), app, &model)?;
            let created = groups::create_permission(tx.sql(), content_type, codename, name)?;
            if created {
                events.add(
                    "permission_created",
                    "",
                    None,
                    json!({"permission": key, "model": model}),
                );
            }
            Ok(created)
        })
    }

    /// Checks that every group and permission named exists, so a typo is exit 3 rather than
    /// a silent denial for everyone.
    pub fn check_requirements(&mut self, requirements: &Requirements) -> Result<()> {
        if requirements.is_empty() {
            return Ok(());
        }
        self.links()?;
        self.store.read(|tx| {
            for name in &requirements.groups {
                find_group(tx, name)?;
            }
            let all = groups::all_permissions(tx.sql())?;
            resolve_all(&all, &requirements.permissions).map(|_| ())
        })
    }

    /// Whether the user meets every requirement, by Django's rules (`user.groups`,
    /// `user.has_perm`). The same queries run whoever the user is (one per requirement, none
    /// skipped), so the time taken says nothing about the user.
    pub(super) fn meets(&mut self, user: &User, requirements: &Requirements) -> Result<bool> {
        if requirements.is_empty() {
            return Ok(true);
        }
        let links = self.links()?;
        self.store.read(|tx| {
            let mut all = user.is_active;
            for name in &requirements.groups {
                let member = groups::in_group(tx.sql(), &links, user.id, name)?;
                all &= member;
            }
            for key in &requirements.permissions {
                let (app_label, codename) = key.split_once('.').unwrap_or((key, ""));
                let held = groups::holds(tx.sql(), &links, user.id, app_label, codename)?;
                all &= held || user.is_superuser;
            }
            Ok(all)
        })
    }

    /// The ids of the users in a group, and of those with a permission by Django's rules
    /// (directly, through a group, or as active superusers), for `users list`.
    pub fn user_ids_with(
        &mut self,
        group: Option<&str>,
        permission: Option<&str>,
    ) -> Result<UserSet> {
        let links = self.links()?;
        self.store.read(|tx| {
            let in_group = match group {
                None => None,
                Some(name) => {
                    let group = find_group(tx, name)?;
                    Some(
                        groups::member_ids(tx.sql(), &links, group.id)?
                            .into_iter()
                            .collect(),
                    )
                }
            };
            let with_permission = match permission {
                None => None,
                Some(key) => {
                    let all = groups::all_permissions(tx.sql())?;
                    let mut users = BTreeSet::new();
                    for id in resolve(&all, key)? {
                        users.extend(groups::users_with_permission(tx.sql(), &links, id)?);
                        for group in groups::groups_with_permission(tx.sql(), id)? {
                            users.extend(groups::member_ids(tx.sql(), &links, group)?);
                        }
                    }
                    Some(users)
                }
            };
            Ok(UserSet {
                in_group,
                with_permission,
            })
        })
    }
}

/// Which users `users list --group/--perm` keeps. Membership is final; the permission set
/// holds the users given it (directly or through a group), to which active superusers are
/// added and inactive users are removed as the list is read.
#[derive(Debug, Clone, Default)]
pub struct UserSet {
    pub in_group: Option<BTreeSet<i64>>,
    pub with_permission: Option<BTreeSet<i64>>,
}

impl UserSet {
    pub fn keeps(&self, user: &User) -> bool {
        let in_group = self
            .in_group
            .as_ref()
            .is_none_or(|ids| ids.contains(&user.id));
        let has_permission = self
            .with_permission
            .as_ref()
            .is_none_or(|ids| user.is_active && (user.is_superuser || ids.contains(&user.id)));
        in_group && has_permission
    }
}
