//! The PostgreSQL backend: `auth_user` exactly as Django 5.2's migrations create it on
//! PostgreSQL, plus authctl's own tables. The only user of the `postgres` crate.
//!
//! Every writing transaction first takes one transaction-level advisory lock, so authctl's
//! writers queue behind each other as they do on SQLite: checks made under it (usernames unique
//! ignoring case, a password still being the one read) hold until the commit. Django's own
//! writes do not take it and need not; a username another program inserts meanwhile still meets
//! the `UNIQUE` constraint, which is reported as Django's message.

mod migrations;
mod outbox;
mod sessions;
pub mod target;
mod tls;
mod users;

use super::django_schema::{self, CREATED_BY_AUTHCTL};
use super::{
    Backend, Claim, Column, Links, MailRow, NewSession, NewUser, SessionRow, SqlValue, StoreConfig,
    Transaction, Tx, User, UserModel,
};
use crate::error::{Error, Result, messages};
use chrono::{DateTime, Utc};
use target::Target;
use tokio_postgres::error::SqlState;

/// The advisory lock every authctl writer holds until it commits ("authctl" in ASCII).
const WRITE_LOCK: i64 = 0x0061_7574_6863_746c;

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Error {
        let reason = target::reason(&e);
        match e.code() {
            Some(code) if *code == SqlState::UNIQUE_VIOLATION && reason.contains("username") => {
                Error::Invalid(messages::USERNAME_EXISTS.into())
            }
            Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => {
                Error::Environment(format!("PostgreSQL refused: {reason}"))
            }
            // The table's own rules (a NOT NULL or CHECK of a custom model): invalid data.
            Some(code)
                if *code == SqlState::NOT_NULL_VIOLATION || *code == SqlState::CHECK_VIOLATION =>
            {
                match e.as_db_error().and_then(|d| d.column()) {
                    Some(column) => Error::Invalid(format!(
                        "{column}: the database refused the value ({reason})"
                    )),
                    None => Error::Invalid(format!("the database refused the row ({reason})")),
                }
            }
            _ => Error::Database {
                context: format!("PostgreSQL: {reason}"),
                source: None,
            },
        }
    }
}

pub struct Postgres {
    client: postgres::Client,
    target: Target,
    django_project: bool,
    /// An empty database that gets Django's table with the first write; until then an empty
    /// temporary `auth_user` (which this session sees first) answers the reads, so a dry run or
    /// a refused signup leaves the database as it was.
    pending: bool,
    schema: users::Schema,
    /// When a database created now says its migrations were applied.
    now: DateTime<Utc>,
    /// Statements prepared on this connection, by their text: the server plans a statement
    /// that runs many times (an import's batches) once, not each time.
    statements: Statements,
}

/// Prepared statements by their text.
pub(super) type Statements = std::collections::HashMap<String, postgres::Statement>;

/// `sql` prepared on this connection, once.
pub(super) fn prepared(
    tx: &mut postgres::Transaction,
    statements: &mut Statements,
    sql: &str,
) -> Result<postgres::Statement> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    // A bound on what the server keeps for this session.
    if statements.len() >= 64 {
        statements.clear();
    }
    let statement = tx.prepare(sql)?;
    statements.insert(sql.to_string(), statement.clone());
    Ok(statement)
}

impl Postgres {
    pub fn open(
        target: &Target,
        create: bool,
        config: &StoreConfig,
        now: DateTime<Utc>,
    ) -> Result<Postgres> {
        let mut client = connect(target)?;
        // Datetimes without a zone (an extra column's value) are read on the site's clock, as
        // Django's own connection reads them: UTC with USE_TZ, TIME_ZONE without.
        let zone = match config.time.use_tz {
            true => "UTC",
            false => config.time.zone.iana_name().unwrap_or("UTC"),
        };
        client.query("SELECT set_config('TimeZone', $1, false)", &[&zone])?;
        let mut tables = table_names(&mut client)?;
        let user_tables = user_shaped_tables(&mut client)?;
        let shown = &target.shown;
        let mut columns_of = |table: &str| columns(&mut client, table);
        let found = (&tables[..], &user_tables[..]);
        let (mut model, pending) = match UserModel::resolve(config, found, shown, &mut columns_of)?
        {
            Some(model) => (model, false),
            None if !create => {
                return Err(Error::Environment(format!(
                    "{shown} is an empty database (signup, createsuperuser and users import set it up)"
                )));
            }
            None => {
                // Until the first write, empty temporary tables of the same shape answer.
                for table in django_schema::POSTGRES_TABLES {
                    let temporary = table.replacen("CREATE TABLE", "CREATE TEMPORARY TABLE", 1);
                    client.batch_execute(&temporary)?;
                }
                tables = django_schema::POSTGRES_TABLES
                    .iter()
                    .filter_map(|t| t.split('"').nth(1).map(String::from))
                    .collect();
                let columns = columns(&mut client, "auth_user")?;
                let model = UserModel::from_columns(config, "auth_user".into(), columns, shown)?;
                (model, true)
            }
        };
        let mut store = Postgres {
            client,
            target: target.clone(),
            django_project: false,
            pending,
            schema: users::Schema {
                model: model.clone(),
                time: config.time.clone(),
            },
            now,
            statements: Statements::new(),
        };
        // A database an earlier authctl created has `auth_user` alone: it gets the rest of
        // Django's tables now, once (unless the role may not, when groups stay unknown).
        let own = !tables.iter().any(|t| t == "django_migrations");
        if !pending
            && own
            && model.table == "auth_user"
            && !tables.iter().any(|t| t == "auth_group")
        {
            if let Err(e) = store.create_django_tables(false) {
                model.links_note = Some(format!(
                    "{shown} was made by an earlier authctl and has no group tables yet, and \
                     they could not be added now ({}); open it once as a role that may create them",
                    e.chain()
                ));
            }
            tables = table_names(&mut store.client)?;
        }
        model.links = Links::find(&model.table, &tables, &mut |t| {
            Ok(columns(&mut store.client, t)?
                .into_iter()
                .map(|c| c.name)
                .collect())
        })?;
        store.schema.model = model;
        store.django_project = !pending && is_django_project(&mut store.client)?;
        Ok(store)
    }

    /// Django's tables, for real, in place of the temporary ones.
    fn materialize(&mut self) -> Result<()> {
        if !self.pending {
            return Ok(());
        }
        for table in django_schema::POSTGRES_TABLES.iter().rev() {
            if let Some(name) = table.split('"').nth(1) {
                self.client
                    .batch_execute(&format!("DROP TABLE IF EXISTS pg_temp.\"{name}\""))?;
            }
        }
        self.pending = false;
        self.create_django_tables(true)
    }

    /// Django's `auth` and `contenttypes` tables (`auth_user` too, with `with_user`), their
    /// first rows and the mark that authctl made them, in one transaction under the write lock
    /// (another process may have made them meanwhile).
    fn create_django_tables(&mut self, with_user: bool) -> Result<()> {
        let shown = self.target.shown.clone();
        let user = self.target.user().to_string();
        let now = self.now;
        let mut tx = self.client.transaction()?;
        tx.query("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let marker = if with_user { "auth_user" } else { "auth_group" };
        let exists = tx.query_opt(
            "SELECT 1 FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = $1",
            &[&marker],
        )?;
        if exists.is_some() {
            return Ok(tx.commit()?);
        }
        let keep = |statement: &&&str| {
            with_user
                || (**statement != django_schema::POSTGRES_AUTH_USER
                    && **statement != django_schema::POSTGRES_AUTH_USER_INDEX)
        };
        let seed = django_schema::seed(&django_schema::applied_text(now, true));
        let statements = django_schema::POSTGRES_TABLES
            .iter()
            .chain(django_schema::POSTGRES_CONSTRAINTS)
            .filter(keep)
            .map(|s| s.to_string())
            .chain(seed)
            .chain([migrations::TABLE.to_string()]);
        for statement in statements {
            tx.batch_execute(&statement).map_err(|e| match e.code() {
                Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => {
                    Error::Environment(format!(
                        "{shown} lacks Django's tables, and PostgreSQL user {user} may not create \
                         them ({}); run Django's migrate, or grant CREATE on the schema",
                        target::reason(&e)
                    ))
                }
                _ => Error::from(e),
            })?;
        }
        tx.execute(
            "INSERT INTO authctl_migrations (version, name, applied) VALUES (0, $1, $2) \
             ON CONFLICT DO NOTHING",
            &[&CREATED_BY_AUTHCTL, &now],
        )?;
        Ok(tx.commit()?)
    }
}

/// A Django project's database: Django's migrations table, not made by authctl, or with other
/// apps' migrations (a project adopted the database).
fn is_django_project(client: &mut postgres::Client) -> Result<bool> {
    let exists = |client: &mut postgres::Client, name: &str| -> Result<bool> {
        Ok(client
            .query_opt(
                "SELECT 1 FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1",
                &[&name],
            )?
            .is_some())
    };
    if !exists(client, "django_migrations")? {
        return Ok(false);
    }
    let made_by_authctl = exists(client, "authctl_migrations")?
        && client
            .query_opt("SELECT 1 FROM authctl_migrations WHERE version = 0", &[])?
            .is_some();
    let other_apps = client
        .query_opt(
            "SELECT 1 FROM django_migrations WHERE app NOT IN ('auth', 'contenttypes') LIMIT 1",
            &[],
        )?
        .is_some();
    Ok(!made_by_authctl || other_apps)
}

/// The tables of the schema authctl works in (the first on the search path).
fn table_names(client: &mut postgres::Client) -> Result<Vec<String>> {
    let rows = client.query(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema()",
        &[],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// The tables with the columns every Django user model has, `password` and `last_login`.
fn user_shaped_tables(client: &mut postgres::Client) -> Result<Vec<String>> {
    let rows = client.query(
        "SELECT table_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND column_name IN ('password', 'last_login') \
         GROUP BY table_name HAVING count(*) = 2 ORDER BY 1",
        &[],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// A table's columns as PostgreSQL describes them (a temporary table of that name first, as
/// the session itself would find it).
fn columns(client: &mut postgres::Client, table: &str) -> Result<Vec<Column>> {
    let rows = client.query(
        "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, \
                a.atthasdef OR a.attidentity <> '', \
                EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid \
                        AND i.indisprimary AND a.attnum = ANY (i.indkey)), \
                EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid \
                        AND i.indisunique AND i.indnatts = 1 AND i.indkey[0] = a.attnum) \
         FROM pg_attribute a \
         WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0 \
           AND NOT a.attisdropped \
         ORDER BY a.attnum",
        &[&table],
    )?;
    Ok(rows
        .iter()
        .map(|row| {
            let sql_type: String = row.get(1);
            let (kind, max_length) = Column::kind_of(&sql_type);
            let primary_key: bool = row.get(4);
            Column {
                name: row.get(0),
                kind,
                max_length,
                unsigned: false,
                nullable: row.get(2),
                has_default: row.get(3),
                primary_key,
                unique: row.get::<_, bool>(5) || primary_key,
                sql_type,
            }
        })
        .collect())
}

/// Connects, within `connect_timeout` for the whole of it: the driver bounds only the socket's
/// connect, and a server that accepts and then says nothing must not hang a command.
fn connect(target: &Target) -> Result<postgres::Client> {
    let tls = tls::connector(target)?;
    let config = postgres::Config::from(target.config.clone());
    let Some(limit) = target.config.get_connect_timeout().copied() else {
        return config.connect(tls).map_err(|e| target::explain(target, &e));
    };
    let (sender, answer) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Nobody may be listening any more; then there is nothing to do.
        let _ = sender.send(config.connect(tls));
    });
    match answer.recv_timeout(limit + std::time::Duration::from_millis(500)) {
        Ok(connected) => connected.map_err(|e| target::explain(target, &e)),
        // The thread is left waiting; the command ends with this error.
        Err(_) => Err(Error::Database {
            context: format!(
                "cannot connect to PostgreSQL database {}: no answer within {} s (connect_timeout)",
                target.shown,
                limit.as_secs()
            ),
            source: None,
        }),
    }
}

impl Backend for Postgres {
    fn begin(&mut self, write: bool) -> Result<Box<dyn Transaction + '_>> {
        if write {
            self.materialize()?;
        }
        let mut tx = self.client.transaction()?;
        if write {
            tx.query("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        }
        Ok(Box::new(PgTx {
            tx,
            schema: &self.schema,
            statements: &mut self.statements,
        }))
    }

    fn migrate(&mut self, now: DateTime<Utc>) -> Result<()> {
        self.materialize()?;
        // Most commands find nothing to do: no write lock for that.
        if migrations::up_to_date(&mut self.client)? {
            if !users::user_table_helpers_present(&mut self.client, &self.schema)? {
                self.create_user_table_helpers();
            }
            return Ok(());
        }
        let shown = self.target.shown.clone();
        let mut tx = self.client.transaction()?;
        tx.query("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        migrations::apply(&mut tx, now)
            .and_then(|()| Ok(tx.commit()?))
            .map_err(|e| Error::Database {
                context: format!("cannot update authctl's tables in {shown}"),
                source: Some(Box::new(e)),
            })?;
        self.create_user_table_helpers();
        Ok(())
    }

    fn identity(&self) -> String {
        self.target.identity.clone()
    }

    fn replaced(&self) -> bool {
        false
    }

    fn is_django_project(&self) -> bool {
        self.django_project
    }

    fn model(&self) -> &UserModel {
        &self.schema.model
    }
}

impl Postgres {
    /// Adds the case-insensitive lookup indexes and the session trigger, in a transaction of
    /// their own. Best effort: a role that does not own the user table cannot, and the
    /// look-ups are as correct without (a deleted user's sessions no longer work either way).
    fn create_user_table_helpers(&mut self) {
        // Each in a transaction of its own: a role may be allowed an index but not a function.
        for create in [users::create_lookup_indexes, users::create_session_cascade] {
            let created =
                self.client
                    .transaction()
                    .and_then(|mut tx| match create(&mut tx, &self.schema) {
                        Ok(()) => tx.commit(),
                        Err(_) => tx.rollback(),
                    });
            let _ = created;
        }
    }
}

struct PgTx<'a> {
    tx: postgres::Transaction<'a>,
    schema: &'a users::Schema,
    statements: &'a mut Statements,
}

impl Transaction for PgTx<'_> {
    fn commit(self: Box<Self>) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

impl super::Portable for PgTx<'_> {
    fn rows(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>> {
        let sql = dollar_placeholders(sql);
        let params = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p.as_ref()).collect();
        let statement = prepared(&mut self.tx, self.statements, &sql)?;
        let rows = self.tx.query(&statement, &refs)?;
        rows.iter()
            .map(|row| (0..row.len()).map(|i| pg_value(row, i)).collect())
            .collect()
    }

    fn run(&mut self, sql: &str, params: &[SqlValue]) -> Result<usize> {
        let sql = dollar_placeholders(sql);
        let params = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p.as_ref()).collect();
        let statement = prepared(&mut self.tx, self.statements, &sql)?;
        Ok(self.tx.execute(&statement, &refs)? as usize)
    }
}

/// `?1` becomes `$1`.
fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('?', Some(d)) if d.is_ascii_digit() => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

fn pg_params(params: &[SqlValue]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    params
        .iter()
        .map(|value| -> Box<dyn postgres::types::ToSql + Sync> {
            match value {
                SqlValue::Null => Box::new(AnyNull),
                SqlValue::Int(n) => Box::new(*n),
                SqlValue::Text(s) => Box::new(s.clone()),
            }
        })
        .collect()
}

/// SQL NULL for a parameter of any type.
#[derive(Debug)]
struct AnyNull;

impl postgres::types::ToSql for AnyNull {
    fn to_sql(
        &self,
        _: &postgres::types::Type,
        _: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        Ok(postgres::types::IsNull::Yes)
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A column of a row as a portable value, by its PostgreSQL type.
fn pg_value(row: &postgres::Row, i: usize) -> Result<SqlValue> {
    use postgres::types::Type;
    let value = match *row.columns()[i].type_() {
        Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(SqlValue::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)?
            .map(|n| SqlValue::Int(n.into())),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)?
            .map(|n| SqlValue::Int(n.into())),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)?
            .map(|b| SqlValue::Int(b.into())),
        _ => row.try_get::<_, Option<String>>(i)?.map(SqlValue::Text),
    };
    Ok(value.unwrap_or(SqlValue::Null))
}

impl Tx for PgTx<'_> {
    fn model(&self) -> &UserModel {
        &self.schema.model
    }
    fn sql(&mut self) -> &mut dyn super::Portable {
        self
    }
    fn references(&mut self, table: &str) -> Result<Vec<(String, String, String)>> {
        users::references(&mut self.tx, table)
    }
    fn has_table(&mut self, name: &str) -> Result<bool> {
        table_exists(&mut self.tx, name)
    }
    fn others_writes(&mut self) -> Result<Option<i64>> {
        Ok(None)
    }
    fn user_by_username(&mut self, username: &str) -> Result<Option<User>> {
        users::by_username(&mut self.tx, self.schema, username)
    }
    fn logins_starting_with(&mut self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        users::logins_starting_with(&mut self.tx, self.schema, prefix, limit)
    }
    fn user_by_id(&mut self, id: i64) -> Result<Option<User>> {
        users::by_id(&mut self.tx, self.schema, id)
    }
    fn user_ids_by_username_ignoring_case(&mut self, username: &str) -> Result<Vec<i64>> {
        users::ids_by_login_ignoring_case(&mut self.tx, self.schema, username)
    }
    fn active_user_ids_by_email(&mut self, email: &str) -> Result<Vec<i64>> {
        users::active_ids_by_email(&mut self.tx, self.schema, email)
    }
    fn usernames(&mut self) -> Result<Vec<(i64, String)>> {
        users::usernames(&mut self.tx, self.schema)
    }
    fn each_user(&mut self, f: &mut dyn FnMut(&User) -> Result<bool>) -> Result<()> {
        users::each(&mut self.tx, self.schema, f)
    }
    fn insert_user(&mut self, user: &NewUser) -> Result<i64> {
        users::insert(&mut self.tx, self.schema, user)
    }
    fn insert_users(&mut self, new: &[NewUser]) -> Result<Vec<i64>> {
        users::insert_many(&mut self.tx, self.statements, self.schema, new)
    }
    fn user_ids_by_usernames_ignoring_case(&mut self, usernames: &[&str]) -> Result<Vec<Vec<i64>>> {
        users::ids_by_logins(&mut self.tx, self.statements, self.schema, usernames)
    }
    fn update_profile(&mut self, user: &User, extras: &[String]) -> Result<()> {
        users::update_profile(&mut self.tx, self.schema, user, extras)
    }
    fn set_password(&mut self, id: i64, hash: &str) -> Result<()> {
        users::set_password(&mut self.tx, self.schema, id, hash)
    }
    fn replace_password(&mut self, id: i64, expected: &str, new: &str) -> Result<bool> {
        users::replace_password(&mut self.tx, self.schema, id, expected, new)
    }
    fn set_last_login(&mut self, id: i64, at: DateTime<Utc>) -> Result<()> {
        users::set_last_login(&mut self.tx, self.schema, id, at)
    }
    fn delete_user(&mut self, user: &User) -> Result<()> {
        users::delete_cascade(&mut self.tx, self.schema, user)?;
        sessions::delete_for_user(&mut self.tx, user.id, None)?;
        Ok(())
    }

    fn insert_session(&mut self, session: &NewSession) -> Result<i64> {
        sessions::insert(&mut self.tx, session)
    }
    fn session_by_key_hash(&mut self, key_hash: &str) -> Result<Option<SessionRow>> {
        sessions::by_key_hash(&mut self.tx, key_hash)
    }
    fn delete_session_by_key_hash(&mut self, key_hash: &str) -> Result<usize> {
        sessions::delete_by_key_hash(&mut self.tx, key_hash)
    }
    fn delete_session(&mut self, id: i64) -> Result<usize> {
        sessions::delete(&mut self.tx, id)
    }
    fn delete_sessions_of_user(&mut self, user_id: i64, keep: Option<i64>) -> Result<usize> {
        sessions::delete_for_user(&mut self.tx, user_id, keep)
    }
    fn set_session_auth_hash(&mut self, id: i64, auth_hash: &str) -> Result<()> {
        sessions::set_auth_hash(&mut self.tx, id, auth_hash)
    }
    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> Result<usize> {
        sessions::delete_expired(&mut self.tx, now)
    }
    fn sessions_of_user(&mut self, user_id: i64, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
        sessions::of_user(&mut self.tx, user_id, now)
    }

    fn queue_mail(
        &mut self,
        email: &str,
        user_id: Option<i64>,
        now: DateTime<Utc>,
        claim: Option<&Claim>,
    ) -> Result<i64> {
        outbox::queue(&mut self.tx, email, user_id, now, claim)
    }
    fn claim_next_mail(
        &mut self,
        now: DateTime<Utc>,
        ids: (i64, i64),
        due_only: bool,
        claim: &Claim,
    ) -> Result<Option<MailRow>> {
        outbox::claim_next(&mut self.tx, now, ids, due_only, claim)
    }
    fn renew_mail_claim(&mut self, id: i64, claim: &Claim) -> Result<bool> {
        outbox::renew(&mut self.tx, id, claim)
    }
    fn delete_mail(&mut self, id: i64) -> Result<()> {
        outbox::delete(&mut self.tx, id)
    }
    fn defer_mail(
        &mut self,
        id: i64,
        attempts: u32,
        next_attempt: DateTime<Utc>,
        error: &str,
    ) -> Result<()> {
        outbox::defer(&mut self.tx, id, attempts, next_attempt, error)
    }
    fn mail_queue(&mut self) -> Result<Vec<MailRow>> {
        outbox::all(&mut self.tx)
    }
    fn take_retry_lease(&mut self, claim: &Claim, now: DateTime<Utc>) -> Result<bool> {
        outbox::take_retry_lease(&mut self.tx, claim, now)
    }
    fn release_retry_lease(&mut self, owner: &str) -> Result<()> {
        outbox::release_retry_lease(&mut self.tx, owner)
    }
}

/// Whether one of authctl's own tables exists yet (each is created on first need).
fn table_exists(tx: &mut postgres::Transaction, name: &str) -> Result<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = $1",
            &[&name],
        )?
        .is_some())
}
