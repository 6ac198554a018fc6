//! Rows of the user table on PostgreSQL (`auth_user` or a custom model's). Ids are read and
//! bound as 64-bit (`::int8`) whatever the column's own integer type, text columns are read as
//! `::text` (so `citext` and the like read too), extra columns travel as text cast to their own
//! type, and ignoring case is Django's `iexact`: `UPPER(a) = UPPER(b)`.

use super::{Statements, prepared};
use crate::error::{Error, Result};
use crate::store::{NewUser, User, UserModel, lookup_index_name, quote, session_cascade_name};
use crate::timezone::SiteTime;
use chrono::{DateTime, Utc};
use postgres::Transaction;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;

/// The model; PostgreSQL keeps instants, so the site's clock matters only to the tokens.
#[derive(Debug, Clone)]
pub struct Schema {
    pub model: UserModel,
    #[allow(dead_code)]
    pub time: SiteTime,
}

/// A value bound to a statement.
type Param = Box<dyn ToSql + Sync>;

impl Schema {
    fn table(&self) -> String {
        quote(&self.model.table)
    }

    /// Every column, each read as the type [`Schema::user_of`] expects.
    fn select(&self) -> String {
        let columns: Vec<String> = self
            .model
            .columns
            .iter()
            .map(|c| match c.name.as_str() {
                "id" => "id::int8".to_string(),
                "last_login" | "date_joined" | "is_superuser" | "is_staff" | "is_active" => {
                    quote(&c.name)
                }
                _ => format!("{}::text", quote(&c.name)),
            })
            .collect();
        format!("SELECT {} FROM {}", columns.join(", "), self.table())
    }

    /// A row as a user. A value of an unexpected type is an error naming the user and the
    /// column; a NULL flag reads as false and NULL text as empty, as Django's own checks take
    /// them.
    fn user_of(&self, row: &postgres::Row) -> Result<User> {
        let model = &self.model;
        let id: i64 = row.try_get(0).map_err(|e| unreadable(0, "id", &e))?;
        let text = |i: usize, name: &str| -> Result<String> {
            row.try_get::<_, Option<String>>(i)
                .map(Option::unwrap_or_default)
                .map_err(|e| unreadable(id, name, &e))
        };
        let flag = |i: usize, name: &str| -> Result<bool> {
            row.try_get::<_, Option<bool>>(i)
                .map(|b| b.unwrap_or(false))
                .map_err(|e| unreadable(id, name, &e))
        };
        let time = |i: usize, name: &str| -> Result<Option<DateTime<Utc>>> {
            row.try_get(i).map_err(|e| unreadable(id, name, &e))
        };
        let mut user = User::blank(id);
        for (i, column) in model.columns.iter().enumerate() {
            let name = column.name.as_str();
            if name == model.login {
                user.username = text(i, name)?;
            }
            if Some(name) == model.email.as_deref() {
                user.email = text(i, name)?;
                continue;
            }
            if name == model.login {
                continue;
            }
            match name {
                "id" => {}
                "password" => user.password = text(i, name)?,
                "last_login" => user.last_login = time(i, name)?,
                "date_joined" => user.date_joined = time(i, name)?,
                "is_superuser" => user.is_superuser = flag(i, name)?,
                "is_staff" => user.is_staff = flag(i, name)?,
                "is_active" => user.is_active = flag(i, name)?,
                "first_name" => user.first_name = text(i, name)?,
                "last_name" => user.last_name = text(i, name)?,
                _ => {
                    let value = row
                        .try_get::<_, Option<String>>(i)
                        .map_err(|e| unreadable(id, name, &e))?;
                    user.extra.insert(name.to_string(), value);
                }
            }
        }
        Ok(user)
    }

    /// The role columns the model has, with their values, for an insert or an update.
    fn profile(&self, user: &Profile) -> Vec<(String, Param)> {
        let model = &self.model;
        let mut values: Vec<(String, Param)> =
            vec![(model.login.clone(), Box::new(user.username.to_string()))];
        if let Some(email) = model.email.as_ref().filter(|e| **e != model.login) {
            values.push((email.clone(), Box::new(user.email.to_string())));
        }
        let roles: [(&str, Param); 5] = [
            ("first_name", Box::new(user.first_name.to_string())),
            ("last_name", Box::new(user.last_name.to_string())),
            ("is_staff", Box::new(user.is_staff)),
            ("is_superuser", Box::new(user.is_superuser)),
            ("is_active", Box::new(user.is_active)),
        ];
        for (name, value) in roles {
            if model.has(name) {
                values.push((name.to_string(), value));
            }
        }
        values
    }

    /// The placeholder for the `n`th value of a column: extra columns' text is cast to the
    /// column's own type.
    fn placeholder(&self, column: &str, n: usize) -> String {
        match self.model.extras().find(|c| c.name == column) {
            Some(extra) => format!("CAST(${n}::text AS {})", extra.sql_type),
            None => format!("${n}"),
        }
    }

    /// The extra columns named, with their values, skipping names the model lacks.
    fn extras<'a>(
        &self,
        extras: impl Iterator<Item = (&'a String, &'a Option<String>)>,
    ) -> Vec<(String, Param)> {
        extras
            .filter(|(name, _)| self.model.extras().any(|c| c.name == **name))
            .map(|(name, value)| (name.clone(), Box::new(value.clone()) as Param))
            .collect()
    }
}

/// A column PostgreSQL holds in a type authctl cannot read as Django's field.
fn unreadable(id: i64, column: &str, e: &postgres::Error) -> Error {
    Error::Database {
        context: format!("user {id} has an unreadable {column}: {e}"),
        source: None,
    }
}

/// What [`Schema::profile`] reads, from a new user or an existing one.
struct Profile<'a> {
    username: &'a str,
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    is_staff: bool,
    is_superuser: bool,
    is_active: bool,
}

fn refs(values: &[(String, Param)]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|(_, v)| v.as_ref()).collect()
}

pub fn by_username(tx: &mut Transaction, schema: &Schema, username: &str) -> Result<Option<User>> {
    let sql = format!(
        "{} WHERE {}::text = $1",
        schema.select(),
        quote(&schema.model.login)
    );
    tx.query_opt(&sql, &[&username])?
        .map(|row| schema.user_of(&row))
        .transpose()
}

pub fn by_id(tx: &mut Transaction, schema: &Schema, id: i64) -> Result<Option<User>> {
    let sql = format!("{} WHERE id = $1::int8", schema.select());
    tx.query_opt(&sql, &[&id])?
        .map(|row| schema.user_of(&row))
        .transpose()
}

fn ids(rows: Vec<postgres::Row>) -> Vec<i64> {
    rows.iter().map(|r| r.get(0)).collect()
}

/// Whether every lookup index is there.
pub fn user_table_helpers_present(client: &mut postgres::Client, schema: &Schema) -> Result<bool> {
    for column in schema.model.lookup_columns() {
        let name = lookup_index_name(&schema.model.table, column);
        let row = client.query_one("SELECT to_regclass($1) IS NOT NULL", &[&quote(&name)])?;
        if !row.get::<_, bool>(0) {
            return Ok(false);
        }
    }
    let trigger = session_cascade_name(&schema.model.table);
    let row = client.query_one(
        "SELECT count(*) FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass($2)",
        &[&trigger, &schema.table()],
    )?;
    Ok(row.get::<_, i64>(0) > 0)
}

/// Creates the missing indexes on `UPPER(column::text)`, the very expression Django's `iexact`
/// and the look-ups below compare, so both read a few rows instead of the whole table.
pub fn create_lookup_indexes(tx: &mut Transaction, schema: &Schema) -> Result<()> {
    for column in schema.model.lookup_columns() {
        tx.batch_execute(&format!(
            "CREATE INDEX IF NOT EXISTS {} ON {} (UPPER({}::text))",
            quote(&lookup_index_name(&schema.model.table, column)),
            schema.table(),
            quote(column)
        ))?;
    }
    Ok(())
}

/// Creates the trigger that removes a deleted user's session rows. Its function names the
/// schema of `authctl_session`, so it works whatever search path the deleting connection
/// (Django's) has; `TRUNCATE` (Django's `flush`) fires no row trigger and is not held up by
/// it, as it would be by a foreign key.
pub fn create_session_cascade(tx: &mut Transaction, schema: &Schema) -> Result<()> {
    let sessions: String = tx
        .query_one(
            "SELECT quote_ident(n.nspname) || '.authctl_session' FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.oid = to_regclass('authctl_session')",
            &[],
        )?
        .get(0);
    let name = quote(&session_cascade_name(&schema.model.table));
    tx.batch_execute(&format!(
        "CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ \
         BEGIN DELETE FROM {sessions} WHERE user_id = OLD.id; RETURN NULL; END $body$; \
         CREATE OR REPLACE TRIGGER {name} AFTER DELETE ON {} \
         FOR EACH ROW EXECUTE FUNCTION {name}();",
        schema.table()
    ))?;
    Ok(())
}

pub fn ids_by_login_ignoring_case(
    tx: &mut Transaction,
    schema: &Schema,
    login: &str,
) -> Result<Vec<i64>> {
    let sql = format!(
        "SELECT id::int8 FROM {} WHERE UPPER({}::text) = UPPER($1) ORDER BY id",
        schema.table(),
        quote(&schema.model.login)
    );
    Ok(ids(tx.query(&sql, &[&login])?))
}

pub fn active_ids_by_email(tx: &mut Transaction, schema: &Schema, email: &str) -> Result<Vec<i64>> {
    let model = &schema.model;
    let Some(column) = &model.email else {
        return Ok(Vec::new());
    };
    let column = quote(column);
    let active = match model.has("is_active") {
        true => "is_active AND",
        false => "",
    };
    let sql = format!(
        "SELECT id::int8 FROM {} WHERE {active} {column} <> '' \
         AND UPPER({column}::text) = UPPER($1) ORDER BY id",
        schema.table()
    );
    Ok(ids(tx.query(&sql, &[&email])?))
}

pub fn usernames(tx: &mut Transaction, schema: &Schema) -> Result<Vec<(i64, String)>> {
    let sql = format!(
        "SELECT id::int8, {}::text FROM {} ORDER BY id",
        quote(&schema.model.login),
        schema.table()
    );
    let rows = tx.query(&sql, &[])?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Visits every user in id order, streaming, until `f` returns `false`.
pub fn each(
    tx: &mut Transaction,
    schema: &Schema,
    f: &mut dyn FnMut(&User) -> Result<bool>,
) -> Result<()> {
    let sql = format!("{} ORDER BY id", schema.select());
    let none: [&str; 0] = [];
    let mut rows = tx.query_raw(&sql, none)?;
    while let Some(row) = rows.next()? {
        if !f(&schema.user_of(&row)?)? {
            break;
        }
    }
    Ok(())
}

/// The foreign keys that point at a table: `(table, column, the column it points at)`, the
/// table as `regclass` prints it (quoted where it must be).
pub fn references(tx: &mut Transaction, table: &str) -> Result<Vec<(String, String, String)>> {
    let rows = tx.query(
        "SELECT c.conrelid::regclass::text, a.attname::text, r.attname::text \
         FROM pg_constraint c \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
         JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1] \
         WHERE c.contype = 'f' AND c.confrelid = to_regclass(quote_ident($1))",
        &[&table],
    )?;
    Ok(rows
        .iter()
        .map(|row| {
            let name: String = row.get(0);
            // regclass quotes names that need it; the callers quote them again.
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .map_or(name.clone(), |n| n.replace("\"\"", "\""));
            (name, row.get(1), row.get(2))
        })
        .collect())
}

/// The columns and values of a new user's row.
fn new_row(schema: &Schema, user: &NewUser) -> Vec<(String, Param)> {
    let model = &schema.model;
    let mut values = schema.profile(&Profile {
        username: &user.username,
        email: &user.email,
        first_name: &user.first_name,
        last_name: &user.last_name,
        is_staff: user.is_staff,
        is_superuser: user.is_superuser,
        is_active: user.is_active,
    });
    values.push(("password".into(), Box::new(user.password.clone())));
    if model.has("date_joined") {
        values.push(("date_joined".into(), Box::new(user.date_joined)));
    }
    values.extend(schema.extras(user.extra.iter()));
    values
}

pub fn insert(tx: &mut Transaction, schema: &Schema, user: &NewUser) -> Result<i64> {
    let mut once = Statements::new();
    Ok(insert_many(tx, &mut once, schema, std::slice::from_ref(user))?[0])
}

/// New users in one statement per batch of rows with the same columns, their ids in order
/// (matched by login, which is unique, since `RETURNING` promises no order).
pub fn insert_many(
    tx: &mut Transaction,
    statements: &mut Statements,
    schema: &Schema,
    users: &[NewUser],
) -> Result<Vec<i64>> {
    let rows: Vec<Vec<(String, Param)>> = users.iter().map(|u| new_row(schema, u)).collect();
    let mut ids = Vec::with_capacity(users.len());
    let mut start = 0;
    while start < rows.len() {
        let names: Vec<&str> = rows[start].iter().map(|(n, _)| n.as_str()).collect();
        // The run of rows with the same columns, within PostgreSQL's 65,535 parameters.
        let per_row = names.len();
        let mut end = start + 1;
        while end < rows.len()
            && (end - start + 1) * per_row < 60_000
            && rows[end]
                .iter()
                .map(|(n, _)| n.as_str())
                .eq(names.iter().copied())
        {
            end += 1;
        }
        let mut tuples = Vec::with_capacity(end - start);
        let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity((end - start) * per_row);
        for (r, row) in rows[start..end].iter().enumerate() {
            let marks: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, (name, _))| schema.placeholder(name, r * per_row + i + 1))
                .collect();
            tuples.push(format!("({})", marks.join(", ")));
            params.extend(refs(row));
        }
        let quoted: Vec<String> = names.iter().map(|n| quote(n)).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES {} RETURNING id::int8, {}::text",
            schema.table(),
            quoted.join(", "),
            tuples.join(", "),
            quote(&schema.model.login)
        );
        let statement = prepared(tx, statements, &sql)?;
        let returned: std::collections::HashMap<String, i64> = tx
            .query(&statement, &params)?
            .iter()
            .map(|r| (r.get(1), r.get(0)))
            .collect();
        for user in &users[start..end] {
            ids.push(*returned.get(&user.username).ok_or_else(|| {
                Error::Environment(format!(
                    "the database did not return the id of {}",
                    user.username
                ))
            })?);
        }
        start = end;
    }
    Ok(ids)
}

/// [`ids_by_login_ignoring_case`] for many names in one query, by position.
pub fn ids_by_logins(
    tx: &mut Transaction,
    statements: &mut Statements,
    schema: &Schema,
    names: &[&str],
) -> Result<Vec<Vec<i64>>> {
    let mut found = vec![Vec::new(); names.len()];
    // An import's own rows are not in the planner's statistics until it commits, and a table
    // it believes small is scanned rather than read through the index: once per batch, which
    // grows with every batch. Only the index is cheap at every size.
    let previous: String = tx
        .query_one(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)",
            &[],
        )?
        .get(0);
    for (offset, batch) in names.chunks(1000).enumerate() {
        let sql = format!(
            "SELECT wanted.n::int8, u.id::int8 FROM unnest($1::text[]) WITH ORDINALITY \
             AS wanted(name, n) JOIN {} u ON UPPER(u.{}::text) = UPPER(wanted.name) ORDER BY 2",
            schema.table(),
            quote(&schema.model.login)
        );
        let batch: Vec<&str> = batch.to_vec();
        let statement = prepared(tx, statements, &sql)?;
        for row in tx.query(&statement, &[&batch])? {
            let n: i64 = row.get(0);
            found[offset * 1000 + n as usize - 1].push(row.get(1));
        }
    }
    tx.query_one(
        "SELECT set_config('enable_seqscan', $1, true)",
        &[&previous],
    )?;
    Ok(found)
}

pub fn replace_password(
    tx: &mut Transaction,
    schema: &Schema,
    id: i64,
    expected: &str,
    new: &str,
) -> Result<bool> {
    let sql = format!(
        "UPDATE {} SET password = $1 WHERE id = $2::int8 AND password = $3",
        schema.table()
    );
    Ok(tx.execute(&sql, &[&new, &id, &expected])? == 1)
}

pub fn set_password(tx: &mut Transaction, schema: &Schema, id: i64, hash: &str) -> Result<()> {
    let sql = format!(
        "UPDATE {} SET password = $1 WHERE id = $2::int8",
        schema.table()
    );
    tx.execute(&sql, &[&hash, &id])?;
    Ok(())
}

pub fn set_last_login(
    tx: &mut Transaction,
    schema: &Schema,
    id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    let sql = format!(
        "UPDATE {} SET last_login = $1 WHERE id = $2::int8",
        schema.table()
    );
    tx.execute(&sql, &[&at, &id])?;
    Ok(())
}

pub fn update_profile(
    tx: &mut Transaction,
    schema: &Schema,
    user: &User,
    extras: &[String],
) -> Result<()> {
    let mut values = schema.profile(&Profile {
        username: &user.username,
        email: &user.email,
        first_name: &user.first_name,
        last_name: &user.last_name,
        is_staff: user.is_staff,
        is_superuser: user.is_superuser,
        is_active: user.is_active,
    });
    values.extend(schema.extras(user.extra.iter().filter(|(name, _)| extras.contains(name))));
    let sets: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("{} = {}", quote(name), schema.placeholder(name, i + 1)))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ${}::int8",
        schema.table(),
        sets.join(", "),
        values.len() + 1
    );
    let mut params = refs(&values);
    params.push(&user.id);
    tx.execute(&sql, &params)?;
    Ok(())
}

/// Django's own tables whose rows go with their user (`on_delete=CASCADE` in Django): the
/// model's group and permission links, and the admin's log.
fn cascade(table: &str) -> [String; 3] {
    [
        format!("{table}_groups"),
        format!("{table}_user_permissions"),
        "django_admin_log".to_string(),
    ]
}

/// Deletes a user and, as Django's cascade would, its rows in Django's own tables; rows of any
/// other table that reference the user make it refuse, so nothing is left dangling.
pub fn delete_cascade(tx: &mut Transaction, schema: &Schema, user: &User) -> Result<()> {
    let table = schema.table();
    let cascade = cascade(&schema.model.table);
    for (referring, column, to) in references(tx, &schema.model.table)? {
        // The user's value of the column the key points at (its id, or another unique column
        // such as the username).
        let matching = format!(
            "{} = (SELECT {} FROM {table} WHERE id = $1::int8)",
            quote(&column),
            quote(&to)
        );
        // regclass text is already quoted where it needs to be.
        if cascade
            .iter()
            .any(|c| *c == referring || quote(c) == referring)
        {
            tx.execute(
                &format!("DELETE FROM {referring} WHERE {matching}"),
                &[&user.id],
            )?;
            continue;
        }
        let count: i64 = tx
            .query_one(
                &format!("SELECT count(*) FROM {referring} WHERE {matching}"),
                &[&user.id],
            )?
            .get(0);
        if count > 0 {
            return Err(Error::Invalid(format!(
                "user {} is still referenced by {count} row(s) of {referring}.{column}; \
                 remove those first (nothing was deleted)",
                user.username
            )));
        }
    }
    tx.execute(
        &format!("DELETE FROM {table} WHERE id = $1::int8"),
        &[&user.id],
    )?;
    Ok(())
}

/// Logins that start with `prefix`, through `LIKE 'prefix%'` (Django gives a unique text
/// column a `varchar_pattern_ops` index that answers it).
pub fn logins_starting_with(
    tx: &mut Transaction,
    schema: &Schema,
    prefix: &str,
    limit: usize,
) -> Result<Vec<String>> {
    let login = quote(&schema.model.login);
    let sql = format!(
        "SELECT {login}::text FROM {} WHERE {login} LIKE $1 ESCAPE '\\' ORDER BY {login} \
         LIMIT $2",
        schema.table()
    );
    let escaped: String = prefix
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let rows = tx.query(&sql, &[&format!("{escaped}%"), &(limit as i64)])?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
