//! The password-reset email: rendered from Django 5.2's templates (pure), then handed to one of
//! the backends in [`backend`].

pub mod backend;

pub use backend::{Backend, Failure, FailureKind, MailConfig, Mailer, SmtpConfig, SmtpSecurity};

use crate::error::{Error, Result};
use lettre::Message;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, SinglePart};

/// What goes into one reset email.
#[derive(Clone)]
pub struct ResetEmail {
    pub to: String,
    pub username: String,
    pub uidb64: String,
    pub token: String,
}

impl std::fmt::Debug for ResetEmail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResetEmail")
            .field("to", &self.to)
            .field("username", &self.username)
            .field("token", &"***")
            .finish()
    }
}

/// What the email says about the site it comes from and how to finish the reset.
#[derive(Debug, Clone)]
pub struct Site {
    pub site_name: String,
    /// The link template, with `{uidb64}` and `{token}`.
    pub reset_url: Option<String>,
    /// How the email spells the program, with any option the reader needs to reach the same
    /// database (`authctl --database '/srv/app/db.sqlite3'`).
    pub program: String,
}

/// Django's `password_reset_subject.txt`.
pub fn subject(site: &Site) -> String {
    format!("Password reset on {}", site.site_name)
}

/// Django 5.2's `password_reset_email.html` text, with the link when a `reset_url` template is
/// configured and, always, the authctl command that completes the reset.
pub fn body(site: &Site, email: &ResetEmail) -> String {
    let command = format!(
        "{} reset-confirm {} {}",
        site.program, email.uidb64, email.token
    );
    let how = match &site.reset_url {
        Some(template) => {
            let link = template
                .replace("{uidb64}", &email.uidb64)
                .replace("{token}", &email.token);
            format!(
                "Please go to the following page and choose a new password:\n\n{link}\n\n\
                 Or run this command and choose a new password:\n\n    {command}\n"
            )
        }
        None => format!(
            "Please run the following command and choose a new password:\n\n    {command}\n"
        ),
    };
    format!(
        "\nYou're receiving this email because you requested a password reset for your user \
         account at {site_name}.\n\n{how}\nIn case you\u{2019}ve forgotten, you are: {username}\n\n\
         Thanks for using our site!\n\nThe {site_name} team\n\n",
        site_name = site.site_name,
        username = email.username,
    )
}

/// The full message: `text/plain; charset="utf-8"` in 8bit, as Django 5.2 sends it.
pub fn message(site: &Site, from: &Mailbox, email: &ResetEmail) -> Result<Message> {
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|e| Error::Invalid(format!("cannot send to {:?}: {e}", email.to)))?;
    // lettre would pick quoted-printable for lines over 78 characters; Django sends 8bit up to
    // SMTP's 998-character line limit, which keeps the console readable, so encode it directly.
    let text = body(site, email);
    if text.lines().any(|line| line.len() > 998) {
        return Err(Error::Invalid(
            "the reset email has a line too long to send".into(),
        ));
    }
    if text.contains('\0') {
        return Err(Error::Invalid(
            "the reset email would contain a NUL character".into(),
        ));
    }
    let body = Body::dangerous_pre_encoded(
        text.replace('\n', "\r\n").into_bytes(),
        ContentTransferEncoding::EightBit,
    );
    let part = SinglePart::builder()
        .header(ContentType::parse("text/plain; charset=\"utf-8\"").expect("a valid content type"))
        .body(body);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject(site))
        .message_id(None)
        .singlepart(part)
        .map_err(|e| Error::Invalid(format!("cannot write the reset email: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webmaster() -> Mailbox {
        "webmaster@localhost".parse().unwrap()
    }

    fn email() -> ResetEmail {
        ResetEmail {
            to: "zoë@example.com".into(),
            username: "zoë".into(),
            uidb64: "MQ".into(),
            token: "abc-123".into(),
        }
    }

    #[test]
    fn body_has_djangos_text_and_the_command() {
        let site = Site {
            site_name: "example.org".into(),
            reset_url: None,
            program: "authctl".into(),
        };
        let text = body(&site, &email());
        assert!(text.contains("You're receiving this email because you requested a password reset for your user account at example.org."));
        assert!(text.contains("    authctl reset-confirm MQ abc-123\n"));
        assert!(text.contains("In case you’ve forgotten, you are: zoë"));
        assert!(text.contains("The example.org team"));
        assert_eq!(subject(&site), "Password reset on example.org");
    }

    #[test]
    fn link_is_filled_in_from_the_template() {
        let site = Site {
            site_name: "x".into(),
            reset_url: Some("https://example.com/accounts/reset/{uidb64}/{token}/".into()),
            program: "authctl".into(),
        };
        let text = body(&site, &email());
        assert!(text.contains("https://example.com/accounts/reset/MQ/abc-123/\n"));
        assert!(text.contains("authctl reset-confirm MQ abc-123"));
    }

    #[test]
    fn message_is_utf8_plain_text_in_8bit() {
        let site = Site {
            site_name: "x".into(),
            reset_url: None,
            program: "authctl".into(),
        };
        let formatted =
            String::from_utf8(message(&site, &webmaster(), &email()).unwrap().formatted()).unwrap();
        assert!(
            formatted.contains("Content-Type: text/plain; charset=\"utf-8\"")
                || formatted.contains("Content-Type: text/plain; charset=utf-8"),
            "{formatted}"
        );
        assert!(
            formatted.contains("Content-Transfer-Encoding: 8bit"),
            "{formatted}"
        );
        assert!(formatted.contains("you are: zoë"), "{formatted}");
    }
}
