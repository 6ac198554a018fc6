//! The one validation path for every way a user is created or changed (createsuperuser,
//! signup, the admin's changes, import): each field is cleaned as Django's form or model field
//! cleans it, and every complaint is collected, so all of them are reported together.

use crate::error::{Error, FieldError, FieldErrors, Result, messages};
use crate::hashers::{self, Hashers, Shape, SiteReads, WORK_BOUND};
use crate::secret::Secret;
use crate::store::{Extras, UserModel};
use crate::validators::{self, PasswordValidators, UserAttributes};

#[derive(Debug, Default)]
pub(crate) struct Form {
    errors: Vec<FieldError>,
}

impl Form {
    pub fn new() -> Form {
        Form::default()
    }

    pub fn error(&mut self, field: &'static str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: Some(field),
            message: message.into(),
        });
    }

    /// A complaint about the input as a whole rather than one field.
    pub fn problem(&mut self, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: None,
            message: message.into(),
        });
    }

    fn errors(&mut self, field: &'static str, messages: Vec<String>) {
        for message in messages {
            self.error(field, message);
        }
    }

    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// A username typed into a form: stripped, NFKC-normalised, required, then Django's
    /// username validators.
    pub fn username(&mut self, raw: &str) -> String {
        let username = validators::normalize_username(raw.trim());
        if username.is_empty() {
            self.error("username", messages::REQUIRED);
        } else {
            self.errors("username", validators::username_errors(&username));
        }
        username
    }

    /// A username as the model field takes it (`createsuperuser`, a rename): NFKC-normalised,
    /// not stripped, and an empty one is "cannot be blank".
    pub fn model_username(&mut self, raw: &str) -> String {
        let username = validators::normalize_username(raw);
        self.errors("username", validators::username_errors(&username));
        username
    }

    /// The login of a user model, cleaned as its field is: Django's username rules for
    /// `AbstractUser`'s `username`, an email address (normalised, required) when users log in
    /// by email, and for any other column its type and length. `typed` is a form's field
    /// (stripped, "required" when empty) rather than the model's own.
    pub fn login(&mut self, model: &UserModel, raw: &str, typed: bool) -> String {
        if model.login_is_email() || model.login == "email" {
            let email = validators::normalize_email(raw.trim());
            match email.is_empty() {
                true if typed => self.error("email", messages::REQUIRED),
                true => self.error("email", messages::BLANK),
                false => self.errors("email", validators::email_errors(&email)),
            }
            return email;
        }
        if model.login == "username" {
            return match typed {
                true => self.username(raw),
                false => self.model_username(raw),
            };
        }
        let login = validators::normalize_username(if typed { raw.trim() } else { raw });
        if login.is_empty() {
            self.error("username", messages::BLANK);
        } else if let Some(column) = model.column(&model.login)
            && let Err(problem) = column.clean(&login, &model.time)
        {
            self.error("username", problem);
        }
        login
    }

    /// A column the model may lack (`first_name`, `is_superuser`, …): giving a value for one it
    /// lacks is a complaint naming the column.
    pub fn absent_column(&mut self, model: &UserModel, column: &str, given: bool) {
        if given && !model.has(column) {
            self.problem(format!(
                "the user model's table {} has no {column} column",
                model.table
            ));
        }
    }

    /// Values for extra columns (`--field NAME=VALUE`, an import's columns), each checked as
    /// its column takes it. For a new user (`new`), see [`Form::complete_extras`].
    pub fn extras(&mut self, model: &UserModel, given: &[(String, String)], new: bool) -> Extras {
        let mut values = Extras::new();
        for (name, raw) in given {
            if !model.extras().any(|c| c.name == *name) {
                let known: Vec<&str> = model.extras().map(|c| c.name.as_str()).collect();
                self.problem(match (model.has(name), known.is_empty()) {
                    (true, _) => format!("{name} is not an extra field: it has its own option"),
                    (false, true) => format!(
                        "{name}: the user model's table {} has no such column (and no extra \
                         columns)",
                        model.table
                    ),
                    (false, false) => format!(
                        "{name}: the user model's table {} has no such column (its extra \
                         columns: {})",
                        model.table,
                        known.join(", ")
                    ),
                });
                continue;
            }
            match model.clean(name, raw) {
                Ok(value) => {
                    values.insert(name.clone(), value);
                }
                Err(problem) => self.problem(format!("{name}: {problem}")),
            }
        }
        if new {
            self.complete_extras(model, &mut values);
        }
        values
    }

    /// A new user's extra columns: those left out get `user_model.defaults`, and one that must
    /// have a value (NOT NULL, no database default) and has none is a complaint.
    pub fn complete_extras(&mut self, model: &UserModel, values: &mut Extras) {
        {
            for column in model.extras() {
                if values.contains_key(&column.name) {
                    continue;
                }
                if let Some(default) = model.defaults.get(&column.name) {
                    // Checked when the settings were read.
                    let value = column.clean(default, &model.time).ok().flatten();
                    values.insert(column.name.clone(), value);
                } else if model.needs_value(column) {
                    self.problem(format!(
                        "{name}: {} (give it a value, or set user_model.defaults.{name})",
                        messages::REQUIRED,
                        name = column.name,
                    ));
                }
            }
        }
    }

    /// An email address, normalised as Django's `BaseUserManager.normalize_email`; empty is
    /// allowed.
    pub fn email(&mut self, raw: &str) -> String {
        let email = validators::normalize_email(raw);
        self.errors("email", validators::email_errors(&email));
        email
    }

    /// An email address a form requires (`PasswordResetForm`).
    pub fn required_email(&mut self, raw: &str) -> String {
        if raw.trim().is_empty() {
            self.error("email", messages::REQUIRED);
            return String::new();
        }
        self.email(raw)
    }

    /// A first or last name, stripped.
    pub fn name(&mut self, field: &'static str, raw: &str) -> String {
        let name = raw.trim().to_string();
        self.errors(field, validators::name_errors(&name));
        name
    }

    /// A password a form requires (`UserCreationForm`, `SetPasswordForm`): missing or empty is
    /// "required", anything else goes through the validators.
    pub fn required_password(
        &mut self,
        password: Option<&Secret>,
        user: &UserAttributes,
        rules: &PasswordValidators,
    ) {
        match password {
            Some(password) if !password.is_empty() => {
                let problems = validators::password_errors(password.expose(), user, rules);
                self.errors("password", problems);
            }
            _ => self.error("password", messages::REQUIRED),
        }
    }

    /// A password set by an administrator (`createsuperuser`, `changepassword`, import): never
    /// blank, and through the validators unless they are skipped (`rules` is `None`).
    pub fn admin_password(
        &mut self,
        password: &Secret,
        user: &UserAttributes,
        rules: Option<&PasswordValidators>,
    ) {
        if password.is_blank() {
            self.error("password", messages::BLANK_PASSWORD);
        } else if let Some(rules) = rules {
            let problems = validators::password_errors(password.expose(), user, rules);
            self.errors("password", problems);
        }
    }

    /// An encoded hash to store as it is (import, `set-password --hash`): one authctl can
    /// check within its work bound, of a hasher the site sharing the database reads. An
    /// unusable password (`!…`) is always fine. Returns a warning when the site reads it only
    /// with an extra package.
    pub fn password_hash(&mut self, hash: &str, hashers: &Hashers) -> Option<String> {
        if !hashers::is_usable(hash) {
            return None;
        }
        match hashers.inspect(hash) {
            Shape::Malformed => self.problem("the password hash is not a format authctl verifies"),
            Shape::TooCostly => self.problem(format!(
                "the password hash asks for more work than authctl allows (over {WORK_BOUND} \
                 times the configured cost)"
            )),
            Shape::NotListed(algorithm) => self.problem(format!(
                "the password hash is {}, which is not in the `hashers` setting (the site's \
                 PASSWORD_HASHERS): the site could not read it",
                algorithm.name()
            )),
            Shape::Fine => {
                let algorithm = hashers::identify(hash)?;
                if let SiteReads::WithPackage(package) = hashers.site_reads(algorithm) {
                    return Some(format!(
                        "{} hashes can be read by a Django site only with the `{package}` \
                         package installed (set `hashers` to the site's list to check)",
                        algorithm.name()
                    ));
                }
            }
        }
        None
    }

    /// Every complaint's message, for a prompt to show.
    pub fn messages(self) -> Vec<String> {
        self.errors.into_iter().map(|e| e.message).collect()
    }

    /// Every complaint so far.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// `Ok` when nothing was wrong, else every complaint as one error (exit 3).
    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Form(FieldErrors(self.errors)))
        }
    }
}
