//! Password reset by email: Django's `PasswordResetView` (send a token to every account with the
//! address) and `PasswordResetConfirmView` (check the token, set the new password).
//!
//! A request must take the same time and give the same answer whoever the address belongs to,
//! whatever the mail relay does after connecting. So a request only checks what is the same for
//! every address (the address's form, the sender, the relay's connection and login, the keys)
//! and puts the address in the outbox; a sender delivers after the answer, resolving the address
//! into accounts and making each token as it sends. Django itself leaks here; authctl does not.
//! Only the console backend, which prints the messages as the answer, sends at once.

use super::audit::Events;
use super::form::Form;
use super::{Accounts, store_password};
use crate::error::{Error, Result};
use crate::hashers;
use crate::mail::{self, FailureKind, MailConfig, Mailer, ResetEmail, Site};
use crate::secret::{Secret, SecretKeys};
use crate::store::audit;
use crate::store::{Claim, MailRow, User, iexact_key};
use crate::timezone::SiteTime;
use crate::tokens;
use crate::validators;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

/// What a reset request did.
#[derive(Debug)]
pub enum Requested {
    /// The console backend's text (every message, for the terminal), and why some users got
    /// none (for `-v`).
    Printed { text: String, skipped: Vec<String> },
    /// In the outbox, for a sender to deliver after the answer.
    Queued,
}

/// What one pass of a sender did.
#[derive(Debug, Default)]
pub struct Delivery {
    pub delivered: usize,
    pub deferred: usize,
    pub dropped: usize,
    /// What happened to messages that were not delivered, for `-v` (no tokens in them).
    pub notes: Vec<String>,
    /// When the earliest message deferred in this pass is due again.
    pub next_attempt: Option<DateTime<Utc>>,
    /// Why the relay could not be reached, if it could not.
    pub unreachable: Option<String>,
}

/// How long a sender holds a row it works on. Longer than one message may take (the mailer's
/// deadline), and renewed before each message, so no other sender takes a row being sent.
const LEASE: Duration = Duration::minutes(10);
/// A message a relay keeps deferring is given up after this many attempts.
const MAX_ATTEMPTS: u32 = 12;

/// The wait before the next attempt: a minute, doubling, at most an hour.
fn backoff(attempts: u32) -> Duration {
    Duration::seconds((60i64 << attempts.saturating_sub(1).min(6)).min(3600))
}

/// One sender's pass over the outbox.
struct Pass<'a> {
    owner: String,
    clock: &'a dyn Fn() -> DateTime<Utc>,
    keys: SecretKeys,
    mailer: Mailer,
    site: &'a Site,
    delivery: Delivery,
}

impl Pass<'_> {
    fn claim(&self) -> Claim {
        Claim {
            owner: self.owner.clone(),
            until: (self.clock)() + LEASE,
        }
    }
}

impl Accounts {
    /// A reset email for every active user with a usable password whose email matches.
    ///
    /// A request does only what is the same for every address — the address's form, the mail
    /// settings, the keys — and puts the address in the outbox; it never talks to the relay,
    /// whose state (busy with an earlier request's mail, say) could otherwise show through.
    pub fn request_reset(
        &mut self,
        email: &str,
        mail: &MailConfig,
        site: &Site,
    ) -> Result<Requested> {
        let mut form = Form::new();
        let email = form.required_email(email);
        form.finish()?;
        self.site_key_warning(site)?;
        let mailer = Mailer::new(mail)?;
        let keys = self.keys()?;
        let now = self.now;
        if mailer.is_console() {
            let (users, mut skipped) = self.recipients(&email)?;
            self.write_with_events(|_, events| {
                record_request(events, &email, &users);
                Ok(())
            })?;
            let mut messages = Vec::new();
            for user in &users {
                match reset_message(user, &keys, (now, &self.time), site, &mailer) {
                    Ok(message) => messages.push(message),
                    Err(err) => {
                        skipped.push(format!("no reset email for one user: {}", err.chain()))
                    }
                }
            }
            let text = mail::backend::console(&messages);
            return Ok(Requested::Printed { text, skipped });
        }
        self.store.migrate(now)?;
        self.store
            .write(|tx| tx.queue_mail(&email, None, now, None))?;
        Ok(Requested::Queued)
    }

    /// A Django site checks the links it is sent to with its own `SECRET_KEY`, so on its
    /// database a key authctl generated makes links it rejects: with a `reset_url` (a link to
    /// the site) that is exit 4, without one a warning (the emailed command still works).
    pub fn site_key_warning(&self, site: &Site) -> Result<Option<String>> {
        if !self.store.is_django_project() || !self.keys.is_generated() {
            return Ok(None);
        }
        const WHY: &str = "no `secret_key` is configured on a Django project's database: a key \
                           authctl generated makes reset links the site rejects; set \
                           `secret_key` to the site's SECRET_KEY (`authctl config from-django` \
                           writes it)";
        match site.reset_url {
            Some(_) => Err(Error::Environment(WHY.to_string())),
            None => Ok(Some(WHY.to_string())),
        }
    }

    /// The users a reset for `email` goes to: active, with a usable password, whose address
    /// equals it ignoring case (Django's `get_users`: `iexact`, then equal after NFKC and case
    /// folding). A row that cannot be read is skipped, and the reason kept for `-v`.
    fn recipients(&mut self, email: &str) -> Result<(Vec<User>, Vec<String>)> {
        self.store.read(|tx| {
            let (mut users, mut skipped) = (Vec::new(), Vec::new());
            for id in tx.active_user_ids_by_email(email)? {
                match tx.user_by_id(id) {
                    Ok(Some(user))
                        if hashers::is_usable(&user.password)
                            && validators::unicode_ci_equal(&user.email, email) =>
                    {
                        users.push(user)
                    }
                    Ok(_) => {}
                    Err(err) => skipped.push(format!("skipped user {id}: {}", err.chain())),
                }
            }
            Ok((users, skipped))
        })
    }

    /// The outbox, oldest first.
    pub fn mail_queue(&mut self) -> Result<Vec<MailRow>> {
        self.store.read(|tx| tx.mail_queue())
    }

    /// One pass of a sender: takes the messages that are due (every one, with `all`) one at a
    /// time, resolves requests into recipients, and sends each with a token made then. A relay's
    /// temporary refusal, or no relay at all, defers a message; a permanent refusal, or a user
    /// who no longer qualifies, drops it. `clock` tells the time as the pass goes on.
    pub fn deliver_mail(
        &mut self,
        mail: &MailConfig,
        site: &Site,
        all: bool,
        clock: &dyn Fn() -> DateTime<Utc>,
    ) -> Result<Delivery> {
        self.site_key_warning(site)?;
        let mut pass = Pass {
            owner: crate::crypto::random_string(16),
            clock,
            keys: self.keys()?,
            mailer: Mailer::new(mail)?,
            site,
            delivery: Delivery::default(),
        };
        // What waits as the pass starts, taken in id order, each row once: a message deferred
        // in this pass is not tried again in it, and those a request resolves into (with
        // higher ids) are sent at once.
        let upto = self.mail_queue()?.last().map_or(0, |row| row.id);
        let mut after = 0;
        loop {
            let (now, claim) = ((pass.clock)(), pass.claim());
            let taken = self
                .store
                .write(|tx| tx.claim_next_mail(now, (after, upto), !all, &claim))?;
            let Some(row) = taken else {
                break;
            };
            after = row.id;
            let rows = match row.user_id {
                Some(_) => vec![row],
                None => self.resolve(row, &mut pass)?,
            };
            for row in rows {
                self.deliver_one(&row, &mut pass)?;
            }
        }
        Ok(pass.delivery)
    }

    /// Becomes the one sender that stays to retry deferred mail until `until`; `false` when
    /// another already does.
    pub fn take_retry_lease(&mut self, owner: &str, until: DateTime<Utc>) -> Result<bool> {
        let (claim, now) = (
            Claim {
                owner: owner.to_string(),
                until,
            },
            self.now,
        );
        self.store.migrate(now)?;
        self.store.write(|tx| tx.take_retry_lease(&claim, now))
    }

    pub fn release_retry_lease(&mut self, owner: &str) -> Result<()> {
        self.store.write(|tx| tx.release_retry_lease(owner))
    }

    /// Replaces a request by one message per recipient, each taken by this sender.
    fn resolve(&mut self, request: MailRow, pass: &mut Pass) -> Result<Vec<MailRow>> {
        let (users, skipped) = self.recipients(&request.email)?;
        pass.delivery.notes.extend(skipped);
        let (now, claim) = ((pass.clock)(), pass.claim());
        let address = request.email.clone();
        self.write_with_events(|tx, events| {
            tx.delete_mail(request.id)?;
            record_request(events, &address, &users);
            let mut rows = Vec::new();
            for user in &users {
                let id = tx.queue_mail(&user.email, Some(user.id), now, Some(&claim))?;
                rows.push(MailRow {
                    id,
                    email: user.email.clone(),
                    user_id: Some(user.id),
                    created: request.created,
                    attempts: 0,
                    next_attempt: now,
                    last_error: None,
                });
            }
            Ok(rows)
        })
    }

    fn deliver_one(&mut self, row: &MailRow, pass: &mut Pass) -> Result<()> {
        // Still ours? Another sender takes a row only once this one's hold has run out.
        let claim = pass.claim();
        if !self.store.write(|tx| tx.renew_mail_claim(row.id, &claim))? {
            let note = format!("message {} left to the sender that took it", row.id);
            pass.delivery.notes.push(note);
            return Ok(());
        }
        let user = match row.user_id {
            Some(id) => self.store.read(|tx| tx.user_by_id(id)).ok().flatten(),
            None => None,
        };
        // The user may have changed since the request: deactivated, unusable, another address.
        let user = user.filter(|u| {
            u.is_active
                && hashers::is_usable(&u.password)
                && iexact_key(&u.email) == iexact_key(&row.email)
        });
        let Some(user) = user else {
            let note = format!("message {} dropped: its user no longer qualifies", row.id);
            pass.delivery.notes.push(note);
            return self.drop_mail(row, pass);
        };
        let now = (pass.clock)();
        let message = match reset_message(
            &user,
            &pass.keys,
            (now, &self.time),
            pass.site,
            &pass.mailer,
        ) {
            Ok(message) => message,
            Err(err) => {
                let note = format!("no reset email for one user: {}", err.chain());
                pass.delivery.notes.push(note);
                return self.drop_mail(row, pass);
            }
        };
        match pass.mailer.send(&message, now) {
            Ok(()) => {
                self.store.write(|tx| tx.delete_mail(row.id))?;
                pass.delivery.delivered += 1;
                Ok(())
            }
            Err(failure) if failure.kind == FailureKind::Permanent => {
                let note = format!("the mail server refused a reset email: {}", failure.reason);
                pass.delivery.notes.push(note);
                self.drop_mail(row, pass)
            }
            Err(failure) => {
                if failure.kind == FailureKind::Unreachable {
                    pass.delivery.unreachable = Some(failure.reason.clone());
                }
                self.defer(row, &failure.reason, pass)
            }
        }
    }

    /// Tries again later, or gives up on a message that has been tried too often or whose
    /// request is older than a token lives.
    fn defer(&mut self, row: &MailRow, reason: &str, pass: &mut Pass) -> Result<()> {
        let now = (pass.clock)();
        let attempts = row.attempts + 1;
        let stale = now - row.created > Duration::seconds(self.password_reset_timeout as i64);
        if attempts >= MAX_ATTEMPTS || stale {
            let note = format!(
                "message {} given up after {attempts} attempts: {reason}",
                row.id
            );
            pass.delivery.notes.push(note);
            return self.drop_mail(row, pass);
        }
        let next = now + backoff(attempts);
        self.store
            .write(|tx| tx.defer_mail(row.id, attempts, next, reason))?;
        let delivery = &mut pass.delivery;
        delivery.deferred += 1;
        delivery.notes.push(format!(
            "message {} deferred until {next}: {reason}",
            row.id
        ));
        delivery.next_attempt = Some(delivery.next_attempt.map_or(next, |t| t.min(next)));
        Ok(())
    }

    fn drop_mail(&mut self, row: &MailRow, pass: &mut Pass) -> Result<()> {
        self.store.write(|tx| tx.delete_mail(row.id))?;
        pass.delivery.dropped += 1;
        Ok(())
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
                    &self.time,
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
        let (old_hash, user_id, name) = (user.password.clone(), user.id, user.username.clone());
        self.write_with_events(|tx, events| {
            // A second use of the same link races to here: only one can replace the old hash.
            if !store_password(tx, user_id, Some(&old_hash), &hash, None)? {
                return Err(Error::ResetLinkInvalid);
            }
            events.add("reset_completed", &name, Some(user_id), Value::Null);
            // Whoever completes a reset owns the mailbox: their lock is lifted.
            if tx.has_table("authctl_lockout")? && audit::clear_lock(tx.sql(), &name)? {
                events.add("unlocked", &name, Some(user_id), json!({"by": "reset"}));
            }
            Ok(())
        })?;
        user.password = hash;
        Ok(user)
    }
}

/// The event of a resolved request: one per matched account, or one for an address nobody has.
fn record_request(events: &mut Events, address: &str, users: &[User]) {
    if users.is_empty() {
        events.add("reset_requested", address, None, json!({"matched": 0}));
    }
    for user in users {
        events.add(
            "reset_requested",
            &user.username,
            Some(user.id),
            json!({"email": user.email}),
        );
    }
}

/// The reset email for one user, with a token made now.
fn reset_message(
    user: &User,
    keys: &SecretKeys,
    (now, time): (DateTime<Utc>, &SiteTime),
    site: &Site,
    mailer: &Mailer,
) -> Result<lettre::Message> {
    let reset = ResetEmail {
        to: user.email.clone(),
        username: user.username.clone(),
        uidb64: tokens::uidb64(user.id),
        token: tokens::make_token(user, keys, now, time),
    };
    mail::message(site, &mailer.from, &reset)
}
