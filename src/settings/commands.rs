//! Per-command settings, settled before the command runs: a command receives plain values,
//! never the environment or the defaults to work out itself.

use super::Settings;
use crate::cli::{CreatesuperuserArgs, PasswordSource};
use authctl::accounts::superuser::IfExists;
use authctl::mail::Site;
use authctl::secret::Secret;
use std::collections::BTreeMap;

/// `createsuperuser`: flags, and — only when it does not prompt, as in Django — the
/// `DJANGO_SUPERUSER_*` variables, which the command matches to the user model's fields.
#[derive(Debug)]
pub struct SuperuserSettings {
    /// `--username`.
    pub username: Option<String>,
    /// `--email`.
    pub email: Option<String>,
    /// `--field NAME=VALUE`.
    pub fields: Vec<(String, String)>,
    /// `DJANGO_SUPERUSER_<NAME>` values by NAME, when not prompting (the password aside).
    env: BTreeMap<String, String>,
    /// `DJANGO_SUPERUSER_PASSWORD`, when not prompting.
    pub env_password: Option<Secret>,
    pub password: PasswordSource,
    pub if_exists: IfExists,
    pub skip_validation: bool,
    /// The login name the username prompt offers (`getpass.getuser()`), when prompting.
    pub login_name: Option<String>,
}

const PREFIX: &str = "DJANGO_SUPERUSER_";

impl SuperuserSettings {
    /// `DJANGO_SUPERUSER_<FIELD>` for a column, as Django names it after the field (a
    /// foreign key's column without its `_id`), when not prompting.
    pub fn env_value(&self, column: &str) -> Option<String> {
        let field = column.strip_suffix("_id").unwrap_or(column);
        [field, column]
            .iter()
            .find_map(|name| self.env.get(&name.to_ascii_uppercase()).cloned())
    }

    /// The variable [`SuperuserSettings::env_value`] reads for a column, for messages.
    pub fn env_name(column: &str) -> String {
        let field = column.strip_suffix("_id").unwrap_or(column);
        format!("{PREFIX}{}", field.to_ascii_uppercase())
    }

    pub fn resolve(
        args: CreatesuperuserArgs,
        vars: &BTreeMap<String, String>,
        interactive: bool,
    ) -> Self {
        let var = |name: &str| (!interactive).then(|| vars.get(name).cloned()).flatten();
        let env = match interactive {
            true => BTreeMap::new(),
            false => vars
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(PREFIX)?.to_string(), v.clone())))
                .filter(|(k, _)| k != "PASSWORD")
                .collect(),
        };
        SuperuserSettings {
            username: args.username,
            email: args.email,
            fields: args.fields,
            env,
            env_password: var("DJANGO_SUPERUSER_PASSWORD").map(Secret::new),
            password: args.password,
            if_exists: match (args.if_missing, args.update) {
                (true, _) => IfExists::Keep,
                (_, true) => IfExists::Update,
                _ => IfExists::Fail,
            },
            skip_validation: args.skip_validation,
            login_name: interactive
                .then(|| crate::platform::login_name(vars))
                .flatten(),
        }
    }
}

impl Settings {
    /// What the reset email says about the site, and the command that completes the reset:
    /// it names a database chosen by hand, so it works as written.
    pub fn reset_site(&self) -> Site {
        let program = match self.database_is_default {
            true => "authctl".to_string(),
            false => match shlex::try_quote(self.database.shown()) {
                Ok(word) => format!("authctl --database {word}"),
                // A path with a NUL cannot be typed anyway; the link still works.
                Err(_) => "authctl".to_string(),
            },
        };
        Site {
            site_name: self.site_name.clone(),
            reset_url: self.reset_url.clone(),
            program,
        }
    }
}
