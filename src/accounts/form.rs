//! The one validation path for every way a user is created or changed (createsuperuser,
//! signup, the admin's changes, import): each field is cleaned as Django's form or model field
//! cleans it, and every complaint is collected, so all of them are reported together.

use crate::error::{Error, FieldError, FieldErrors, Result, messages};
use crate::hashers::{self, Hashers, Shape, SiteReads, WORK_BOUND};
use crate::secret::Secret;
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
