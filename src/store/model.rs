//! The site's user model: which table holds the users, which column they log in with, and
//! what else a row has. Django's `auth_user` is one such model; a project's
//! `AUTH_USER_MODEL` (`AbstractUser` or `AbstractBaseUser` with its own fields) is another.
//!
//! authctl reads the table's columns from the database itself, so it writes only columns that
//! exist, and checks a value for a column the way the column's type takes it. The columns
//! Django's `AbstractUser` defines have their own places in [`super::User`]; every other column
//! is an *extra*, carried as text.

use super::StoreConfig;
use crate::error::{Error, Result};
use crate::timezone::SiteTime;
use crate::values::parse_bool;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// The columns with a place of their own in a user row (besides the login and email columns,
/// which the model names).
pub const ROLE_COLUMNS: [&str; 9] = [
    "id",
    "password",
    "last_login",
    "is_superuser",
    "first_name",
    "last_name",
    "is_staff",
    "is_active",
    "date_joined",
];

/// What the configuration says about the user model (`user_model.*`); unset parts are
/// detected.
#[derive(Debug, Clone, Default)]
pub struct ModelSettings {
    pub table: Option<String>,
    /// Django's `USERNAME_FIELD`.
    pub username_field: Option<String>,
    /// Django's `EMAIL_FIELD`.
    pub email_field: Option<String>,
    /// Django's `REQUIRED_FIELDS`.
    pub required_fields: Option<Vec<String>>,
    /// The columns the model's fields have, as `config from-django` read them: the table must
    /// have them all (else the site's migrations have not been applied).
    pub columns: Option<Vec<String>>,
    /// Values for columns a new user is given none for (`user_model.defaults.NAME`).
    pub defaults: BTreeMap<String, String>,
    /// The fields' verbose names, by column, where Django's differs from the column's name
    /// with spaces (`user_model.labels.NAME`).
    pub labels: BTreeMap<String, String>,
}

/// How a column's values are written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    Boolean,
    DateTime,
    Date,
    Time,
    Real,
    Decimal,
    Uuid,
    /// Anything else: passed to the database as text, which decides.
    Other,
}

/// One column of the user table, as the database describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    /// The type as the database spells it (PostgreSQL casts values to it).
    pub sql_type: String,
    pub max_length: Option<usize>,
    /// An integer that may not be negative (Django's `Positive…Field`).
    pub unsigned: bool,
    pub nullable: bool,
    /// The database fills it when a row leaves it out (a default, or an identity).
    pub has_default: bool,
    pub primary_key: bool,
    /// Unique on its own (a single-column unique constraint or index).
    pub unique: bool,
}

impl Column {
    /// What the database's declared type means, from SQLite's or PostgreSQL's name for it.
    pub fn kind_of(sql_type: &str) -> (Kind, Option<usize>) {
        let lower = sql_type.to_ascii_lowercase();
        let length = lower
            .split_once('(')
            .and_then(|(_, rest)| rest.split([')', ',']).next())
            .and_then(|n| n.trim().parse().ok());
        let kind = if lower.contains("timestamp") || lower.starts_with("datetime") {
            Kind::DateTime
        } else if lower.starts_with("date") {
            Kind::Date
        } else if lower.starts_with("time") {
            Kind::Time
        } else if lower.starts_with("bool") {
            Kind::Boolean
        } else if lower.starts_with("interval") {
            // Django's DurationField on PostgreSQL: the database reads its text.
            Kind::Other
        } else if lower.starts_with("int")
            || lower.starts_with("bigint")
            || lower.starts_with("smallint")
        {
            Kind::Integer
        } else if lower.starts_with("varchar")
            || lower.starts_with("char")
            || lower.starts_with("text")
            || lower.starts_with("character")
        {
            Kind::Text
        } else if lower.starts_with("real")
            || lower.starts_with("double")
            || lower.starts_with("float")
        {
            Kind::Real
        } else if lower.starts_with("decimal") || lower.starts_with("numeric") {
            Kind::Decimal
        } else if lower == "uuid" {
            Kind::Uuid
        } else {
            Kind::Other
        };
        (kind, length.filter(|_| kind == Kind::Text))
    }

    /// A value given as text (`--field`, an environment variable, an import cell), checked as
    /// the column's type takes it, with Django's messages; `None` is SQL NULL (an empty value
    /// for a nullable column that is not text).
    ///
    /// A datetime with an offset is stored as the site holds datetimes: UTC with `USE_TZ`, the
    /// wall time of `TIME_ZONE` without; one without an offset is taken as it is.
    pub fn clean(&self, raw: &str, time: &SiteTime) -> std::result::Result<Option<String>, String> {
        if raw.is_empty() && self.kind != Kind::Text {
            return match self.nullable {
                true => Ok(None),
                false => Err("This field cannot be blank.".into()),
            };
        }
        let invalid = |what: &str| format!("\u{201c}{raw}\u{201d} value {what}");
        let value = match self.kind {
            Kind::Text | Kind::Other => raw.to_string(),
            Kind::Integer => {
                let n: i64 = raw
                    .trim()
                    .parse()
                    .map_err(|_| invalid("must be an integer."))?;
                let (low, high) = self.integer_range();
                if n < low {
                    return Err(format!(
                        "Ensure this value is greater than or equal to {low}."
                    ));
                }
                if n > high {
                    return Err(format!(
                        "Ensure this value is less than or equal to {high}."
                    ));
                }
                n.to_string()
            }
            Kind::Boolean => match parse_bool(raw) {
                Some(b) => b.to_string(),
                None => return Err(invalid("must be either True or False.")),
            },
            Kind::DateTime => {
                let parsed = super::parse_datetime_text(raw).ok_or_else(|| {
                    invalid(
                        "has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.",
                    )
                })?;
                let naive = match parsed {
                    super::DatetimeText::Naive(naive) => naive,
                    super::DatetimeText::Instant(t) => time.naive(t),
                };
                naive.format("%Y-%m-%d %H:%M:%S%.f").to_string()
            }
            Kind::Date => NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
                .map_err(|_| {
                    invalid("has an invalid date format. It must be in YYYY-MM-DD format.")
                })?
                .to_string(),
            Kind::Time => ["%H:%M:%S%.f", "%H:%M"]
                .iter()
                .find_map(|f| NaiveTime::parse_from_str(raw.trim(), f).ok())
                .ok_or_else(|| {
                    invalid("has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.")
                })?
                .to_string(),
            Kind::Real => match raw.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => raw.trim().to_string(),
                _ => return Err(invalid("must be a float.")),
            },
            Kind::Decimal => {
                let text = raw.trim();
                let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
                let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
                let ok = !(whole.is_empty() && fraction.is_empty())
                    && whole.chars().all(|c| c.is_ascii_digit())
                    && fraction.chars().all(|c| c.is_ascii_digit());
                if !ok {
                    return Err(invalid("must be a decimal number."));
                }
                text.to_string()
            }
            Kind::Uuid => {
                let hex: String = raw.trim().chars().filter(|c| *c != '-').collect();
                if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(invalid("is not a valid UUID."));
                }
                hex.to_ascii_lowercase()
            }
        };
        if let Some(max) = self.max_length {
            let length = value.chars().count();
            if length > max {
                return Err(format!(
                    "Ensure this value has at most {max} characters (it has {length})."
                ));
            }
        }
        Ok(Some(value))
    }

    /// The values an integer column holds, by the size its type names.
    fn integer_range(&self) -> (i64, i64) {
        let lower = self.sql_type.to_ascii_lowercase();
        let (low, high) = if lower.contains("smallint") {
            (i16::MIN as i64, i16::MAX as i64)
        } else if lower.contains("bigint") || lower == "int8" {
            (i64::MIN, i64::MAX)
        } else {
            (i32::MIN as i64, i32::MAX as i64)
        };
        match self.unsigned {
            true => (0, high),
            false => (low, high),
        }
    }
}

/// The user model as found in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserModel {
    pub table: String,
    /// The column users log in with (`USERNAME_FIELD`).
    pub login: String,
    /// The column reset emails go to (`EMAIL_FIELD`), if the table has it.
    pub email: Option<String>,
    /// `REQUIRED_FIELDS`, as columns: what `createsuperuser` asks for besides the login.
    pub required: Vec<String>,
    pub columns: Vec<Column>,
    pub defaults: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// The site's clock, for the datetimes given to it.
    pub time: SiteTime,
    /// Where group memberships and the users' own permissions are (Django's
    /// `PermissionsMixin`); `None` for a model without them.
    pub links: Option<Links>,
    /// Why there are no links when the reason is not the model (an older database that could
    /// not be given Django's tables).
    pub links_note: Option<String>,
}

/// The two many-to-many tables of Django's `PermissionsMixin` for a user model, and the column
/// in each that points at the user (`user_id` for `auth_user`, `customuser_id` for
/// `accounts.CustomUser`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// The user table the links point at.
    pub users: String,
    pub groups: String,
    pub groups_user: String,
    pub permissions: String,
    pub permissions_user: String,
}

impl Links {
    /// The link tables of user table `table`, if the database has them and Django's group,
    /// permission and content type tables.
    pub fn find(
        table: &str,
        tables: &[String],
        column_names: &mut dyn FnMut(&str) -> Result<Vec<String>>,
    ) -> Result<Option<Links>> {
        let has = |name: &str| tables.iter().any(|t| t == name);
        let needed = [
            "auth_group",
            "auth_permission",
            "auth_group_permissions",
            "django_content_type",
        ];
        let (groups, permissions) = (
            format!("{table}_groups"),
            format!("{table}_user_permissions"),
        );
        if !needed.iter().all(|t| has(t)) || !has(&groups) || !has(&permissions) {
            return Ok(None);
        }
        // The column that is neither the row's own id nor the other side's.
        let mut user_column = |link: &str, other: &str| -> Result<Option<String>> {
            let names: Vec<String> = column_names(link)?
                .into_iter()
                .filter(|c| c != "id" && c != other)
                .collect();
            Ok(match names.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            })
        };
        let (Some(groups_user), Some(permissions_user)) = (
            user_column(&groups, "group_id")?,
            user_column(&permissions, "permission_id")?,
        ) else {
            return Ok(None);
        };
        Ok(Some(Links {
            users: table.to_string(),
            groups,
            groups_user,
            permissions,
            permissions_user,
        }))
    }
}

impl UserModel {
    /// A value for column `name` as [`Column::clean`] checks it; a blank one for a column
    /// of `REQUIRED_FIELDS` is refused too, as Django's field (`blank=False`) refuses it.
    pub fn clean(&self, name: &str, raw: &str) -> std::result::Result<Option<String>, String> {
        let column = self
            .column(name)
            .ok_or_else(|| format!("the user model's table {} has no such column", self.table))?;
        let value = column.clean(raw, &self.time)?;
        let blank = value.as_deref().is_none_or(|v| v.trim().is_empty());
        if blank && self.required.iter().any(|r| r == name) && Some(name) != self.email.as_deref() {
            return Err("This field cannot be blank.".into());
        }
        Ok(value)
    }

    /// Django's own `auth_user` (`AbstractUser`: log in with `username`, `email` required by
    /// `createsuperuser`).
    pub fn is_default(&self) -> bool {
        self.table == "auth_user" && self.login == "username"
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn has(&self, name: &str) -> bool {
        self.column(name).is_some()
    }

    /// A field's verbose name, as Django's messages use it: the configured one
    /// (`user_model.labels`), else `AbstractUser`'s ("email address"), else the column's name
    /// with spaces (Django's default).
    pub fn verbose_name(&self, column: &str) -> String {
        if let Some(label) = self.labels.get(column) {
            return label.clone();
        }
        let abstract_user = ["username", "first_name", "last_name"]
            .iter()
            .all(|c| self.has(c));
        match column {
            "email" if abstract_user => "email address".to_string(),
            other => other.strip_suffix("_id").unwrap_or(other).replace('_', " "),
        }
    }

    /// How Django's prompts name a field: `capfirst(verbose_name)`.
    pub fn label(&self, column: &str) -> String {
        let name = self.verbose_name(column);
        let mut chars = name.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => name,
        }
    }

    /// Whether users log in with their email address (the login column is the email one).
    pub fn login_is_email(&self) -> bool {
        self.email.as_deref() == Some(self.login.as_str())
    }

    /// The columns looked up ignoring case, which authctl indexes for that: the login, and the
    /// email where the model has a separate one.
    pub fn lookup_columns(&self) -> Vec<&str> {
        let mut columns = vec![self.login.as_str()];
        columns.extend(self.email.as_deref().filter(|e| *e != self.login));
        columns
    }

    /// The columns carried as text in [`super::User::extra`]: all but the login, the email and
    /// the ones `AbstractUser` defines.
    pub fn extras(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| {
            !ROLE_COLUMNS.contains(&c.name.as_str())
                && c.name != self.login
                && Some(&c.name) != self.email.as_ref()
        })
    }

    /// The extra columns a new row must be given a value for: NOT NULL, no database default.
    pub fn needs_value(&self, column: &Column) -> bool {
        !column.nullable && !column.has_default
    }

    /// Finds the model: the configured table, else `auth_user`, else the one table with the
    /// columns every Django user model has (`password`, `last_login`). `None` when the database
    /// has no tables at all (a new one); `columns_of` reads a table's columns.
    ///
    /// `tables` are the database's tables, `user_tables` those of them with both columns.
    pub fn resolve(
        config: &StoreConfig,
        (tables, user_tables): (&[String], &[String]),
        shown: &str,
        columns_of: &mut dyn FnMut(&str) -> Result<Vec<Column>>,
    ) -> Result<Option<UserModel>> {
        let settings = &config.model;
        let table = match &settings.table {
            Some(table) if tables.contains(table) => table.clone(),
            Some(table) if table == "auth_user" && tables.is_empty() => return Ok(None),
            Some(table) => {
                return Err(Error::Environment(format!(
                    "{shown} has no table `{table}` (setting `user_model.table`); has the \
                     site's `manage.py migrate` run?"
                )));
            }
            None => {
                // Every table shaped like a Django user model: two mean a choice to make (a
                // project that swapped in its own model keeps a stale `auth_user`, say).
                let candidates: Vec<&String> = user_tables
                    .iter()
                    .filter(|t| !t.starts_with("authctl_"))
                    .collect();
                match candidates.as_slice() {
                    [one] => (*one).clone(),
                    [] if tables.iter().any(|t| t == "auth_user") => "auth_user".to_string(),
                    [] if tables.is_empty() => return Ok(None),
                    [] => {
                        return Err(Error::Environment(format!(
                            "{shown} has no user table: neither auth_user nor a table with \
                             Django's password and last_login columns (set `user_model.table`; \
                             authctl only adds tables to a new database or a Django project's)"
                        )));
                    }
                    several => {
                        let names: Vec<&str> = several.iter().map(|s| s.as_str()).collect();
                        return Err(Error::Environment(format!(
                            "{shown} has several tables that could hold the users ({}); set \
                             `user_model.table` to the one AUTH_USER_MODEL names (`authctl \
                             config from-django` reads it)",
                            names.join(", ")
                        )));
                    }
                }
            }
        };
        let columns = columns_of(&table)?;
        UserModel::from_columns(config, table, columns, shown).map(Some)
    }

    /// The model of a table whose columns are known.
    pub fn from_columns(
        config: &StoreConfig,
        table: String,
        columns: Vec<Column>,
        shown: &str,
    ) -> Result<UserModel> {
        let settings = &config.model;
        let has = |name: &str| columns.iter().any(|c| c.name == name);
        let unfit =
            |why: String| Error::Environment(format!("the user table `{table}` in {shown} {why}"));
        for needed in ["password", "last_login"] {
            if !has(needed) {
                return Err(unfit(format!("has no `{needed}` column")));
            }
        }
        match columns.iter().find(|c| c.name == "id") {
            Some(id) if id.kind == Kind::Integer => {}
            _ => {
                return Err(unfit(
                    "has no integer `id` column; authctl needs Django's default integer primary key"
                        .into(),
                ));
            }
        }
        if let Some(expected) = &settings.columns {
            let missing: Vec<&str> = expected
                .iter()
                .map(String::as_str)
                .filter(|c| !has(c))
                .collect();
            if !missing.is_empty() {
                return Err(unfit(format!(
                    "lacks the model's columns {} (setting `user_model.columns`); has the \
                     site's `manage.py migrate` run?",
                    missing.join(", ")
                )));
            }
        }
        // A field name names its column, or (a foreign key) the column with `_id` after it.
        let column_of = |field: &str, key: &str| -> Result<String> {
            [field.to_string(), format!("{field}_id")]
                .into_iter()
                .find(|c| has(c))
                .ok_or_else(|| unfit(format!("has no column for `{field}` (setting `{key}`)")))
        };
        let login = match &settings.username_field {
            Some(field) => column_of(field, "user_model.username_field")?,
            None if has("username") => "username".to_string(),
            None if columns.iter().any(|c| c.name == "email" && c.unique) => "email".to_string(),
            None => {
                return Err(unfit(
                    "has neither a `username` nor a unique `email` column; set \
                     `user_model.username_field`"
                        .into(),
                ));
            }
        };
        let email = match &settings.email_field {
            Some(field) => Some(column_of(field, "user_model.email_field")?),
            None => has("email").then(|| "email".to_string()),
        };
        let required = match &settings.required_fields {
            Some(fields) => fields
                .iter()
                .map(|f| column_of(f, "user_model.required_fields"))
                .collect::<Result<Vec<_>>>()?,
            // AbstractUser's REQUIRED_FIELDS.
            None if login == "username" && email.is_some() => vec!["email".to_string()],
            None => Vec::new(),
        };
        for name in settings.defaults.keys() {
            if !has(name) {
                return Err(unfit(format!(
                    "has no column `{name}` (setting `user_model.defaults.{name}`)"
                )));
            }
        }
        let model = UserModel {
            table,
            login,
            email,
            required,
            columns,
            defaults: settings.defaults.clone(),
            labels: settings.labels.clone(),
            time: config.time.clone(),
            links: None,
            links_note: None,
        };
        // A default must itself be a value the column takes.
        for (name, value) in &model.defaults {
            if let Some(column) = model.column(name) {
                column.clean(value, &model.time).map_err(|problem| {
                    Error::Config(format!(
                        "invalid value for `user_model.defaults.{name}`: {problem}"
                    ))
                })?;
            }
        }
        Ok(model)
    }
}

/// An identifier in double quotes, as both SQLite and PostgreSQL take it.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, sql_type: &str, nullable: bool) -> Column {
        let (kind, max_length) = Column::kind_of(sql_type);
        Column {
            name: name.into(),
            kind,
            sql_type: sql_type.into(),
            max_length,
            unsigned: sql_type.contains("unsigned"),
            nullable,
            has_default: false,
            primary_key: name == "id",
            unique: name == "email",
        }
    }

    #[test]
    fn types_are_read_from_both_databases_names() {
        for (sql_type, kind, length) in [
            ("varchar(150)", Kind::Text, Some(150)),
            ("character varying(40)", Kind::Text, Some(40)),
            ("integer unsigned", Kind::Integer, None),
            ("bigint", Kind::Integer, None),
            ("bool", Kind::Boolean, None),
            ("boolean", Kind::Boolean, None),
            ("datetime", Kind::DateTime, None),
            ("timestamp with time zone", Kind::DateTime, None),
            ("date", Kind::Date, None),
            ("decimal", Kind::Decimal, None),
            ("double precision", Kind::Real, None),
            ("uuid", Kind::Uuid, None),
            ("jsonb", Kind::Other, None),
            ("interval", Kind::Other, None),
            ("point", Kind::Other, None),
            ("int8", Kind::Integer, None),
        ] {
            assert_eq!(Column::kind_of(sql_type), (kind, length), "{sql_type}");
        }
    }

    #[test]
    fn values_are_checked_as_the_column_takes_them() {
        let utc = SiteTime::default();
        let age = column("age", "integer unsigned", true);
        assert_eq!(age.clean("42", &utc), Ok(Some("42".into())));
        assert_eq!(age.clean("", &utc), Ok(None));
        assert!(
            age.clean("-1", &utc)
                .unwrap_err()
                .contains("greater than or equal to 0")
        );
        assert!(
            age.clean("old", &utc)
                .unwrap_err()
                .contains("must be an integer")
        );
        assert!(age.clean("99999999999", &utc).is_err());
        let department = column("department", "varchar(4)", false);
        assert_eq!(department.clean("", &utc), Ok(Some(String::new())));
        assert!(
            department
                .clean("Sales", &utc)
                .unwrap_err()
                .contains("at most 4")
        );
        let flag = column("flag", "bool", false);
        assert_eq!(flag.clean("yes", &utc), Ok(Some("true".into())));
        assert!(
            flag.clean("", &utc)
                .unwrap_err()
                .contains("cannot be blank")
        );
        let when = column("when", "datetime", true);
        assert_eq!(
            when.clean("2026-12-07T10:00:00+01:00", &utc),
            Ok(Some("2026-12-07 09:00:00".into()))
        );
    }

    #[test]
    fn the_model_is_detected_and_its_login_column_found() {
        let columns = vec![
            column("id", "integer", false),
            column("password", "varchar(128)", false),
            column("last_login", "datetime", true),
            column("email", "varchar(254)", false),
            column("full_name", "varchar(100)", false),
        ];
        let tables = [
            "accounts_customuser".to_string(),
            "django_migrations".into(),
        ];
        let mut columns_of = |table: &str| -> Result<Vec<Column>> {
            Ok(match table {
                "accounts_customuser" => columns.clone(),
                _ => vec![column("id", "integer", false)],
            })
        };
        let found = (&tables[..], &tables[..1]);
        let model = UserModel::resolve(&StoreConfig::default(), found, "db", &mut columns_of)
            .unwrap()
            .unwrap();
        assert_eq!(model.table, "accounts_customuser");
        assert!(model.login_is_email());
        let extras: Vec<&str> = model.extras().map(|c| c.name.as_str()).collect();
        assert_eq!(extras, ["full_name"]);
        let two = vec!["a_user".to_string(), "b_user".into()];
        let mut same = |_: &str| -> Result<Vec<Column>> { Ok(columns.clone()) };
        let err = UserModel::resolve(&StoreConfig::default(), (&two, &two), "db", &mut same)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a_user, b_user") && err.contains("user_model.table"),
            "{err}"
        );
    }
}
