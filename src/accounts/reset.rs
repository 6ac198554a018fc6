//! Password reset by email: Django's `PasswordResetView` (send a token to every account with the
//! address) and `PasswordResetConfirmView` (check the token, set the new password).

use super::form::Form;
use super::{Accounts, store_password};
use crate::error::{Error, Result};
use crate::hashers;
use crate::mail::{self, Delivered, MailConfig, Mailer, ResetEmail, Site};
use crate::secret::Secret;
use crate::store::User;
use crate::tokens;
use crate::validators;

/// What a reset request did that the person asking may be told. Nothing in it depends on
/// whether an address matched, except what only `-v` shows.
#[derive(Debug, Default)]
pub struct Requested {
    /// The console backend's text: every message, for the terminal.
    pub console: Option<String>,
    /// Why some messages were not sent (for `-v`).
    pub skipped: Vec<String>,
}

impl Accounts {
    /// A reset email for every active user with a usable password whose email matches (NFKC,
    /// ignoring case).
    ///
    /// Everything that can fail for every address alike — the address itself, the sender, the
    /// mail backend (SMTP connects and logs in here), the keys — is done before anyone is looked
    /// up; from then on nothing may change the answer depending on who matched.
    pub fn request_reset(
        &mut self,
        email: &str,
        mail: &MailConfig,
        site: &Site,
    ) -> Result<Requested> {
        let mut form = Form::new();
        let email = form.required_email(email);
        form.finish()?;
        let mailer = Mailer::new(mail)?;
        let keys = self.keys()?;
        let now = self.now;
        let users = self.store.read(|tx| {
            let mut users = Vec::new();
            for id in tx.active_user_ids_by_email(&email)? {
                users.extend(tx.user_by_id(id)?);
            }
            Ok(users)
        })?;
        // The second half of Django's `get_users`: the addresses must also be equal after
        // NFKC and case folding.
        let users: Vec<User> = users
            .into_iter()
            .filter(|u| validators::unicode_ci_equal(&u.email, &email))
            .collect();
        let mut requested = Requested::default();
        let mut messages = Vec::new();
        for user in users.iter().filter(|u| hashers::is_usable(&u.password)) {
            let reset = ResetEmail {
                to: user.email.clone(),
                username: user.username.clone(),
                uidb64: tokens::uidb64(user.id),
                token: tokens::make_token(user, &keys, now),
            };
            match mail::message(site, &mailer.from, &reset) {
                Ok(message) => messages.push(message),
                Err(err) => requested
                    .skipped
                    .push(format!("no reset email for one user: {}", err.chain())),
            }
        }
        match mailer.send(&messages, now)? {
            Delivered::Console(text) => requested.console = Some(text),
            Delivered::Done { refused } => requested.skipped.extend(
                refused
                    .into_iter()
                    .map(|reason| format!("the mail server refused a reset email: {reason}")),
            ),
        }
        Ok(requested)
    }

    /// The user a reset link is for, if the link is valid now; every kind of bad link is the
    /// same denial.
    pub fn check_reset(&mut self, uidb64: &str, token: &str) -> Result<User> {
        let keys = self.keys()?;
        let user = match tokens::decode_uidb64(uidb64) {
            Some(id) => self.store.read(|tx| tx.user_by_id(id))?,
            None => None,
        };
        match user {
            Some(user)
                if tokens::check_token(
                    &user,
                    token,
                    &keys,
                    self.now,
                    self.password_reset_timeout,
                ) =>
            {
                Ok(user)
            }
            _ => Err(Error::ResetLinkInvalid),
        }
    }

    /// Sets the new password from a valid reset link; the link is spent and every session of
    /// the user ends.
    pub fn confirm_reset(&mut self, uidb64: &str, token: &str, new: &Secret) -> Result<User> {
        let mut user = self.check_reset(uidb64, token)?;
        self.check_new_password(new, &user)?;
        let hash = self.hashers.make_password(new.expose());
        let (old_hash, user_id) = (user.password.clone(), user.id);
        self.store.write(|tx| {
            // A second use of the same link races to here: only one can replace the old hash.
            match store_password(tx, user_id, Some(&old_hash), &hash, None)? {
                true => Ok(()),
                false => Err(Error::ResetLinkInvalid),
            }
        })?;
        user.password = hash;
        Ok(user)
    }
}
