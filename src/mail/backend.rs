//! Delivering messages: `console` (handed back to be printed, like Django's console backend),
//! `file` (one `.eml` per message) and `smtp` (lettre, plain, STARTTLS or implicit TLS).

use crate::error::{Error, IoContext, Result};
use crate::private_file::{self, Existing};
use crate::secret::Secret;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Console,
    File,
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    None,
    StartTls,
    Tls,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: Option<String>,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub security: SmtpSecurity,
    /// Seconds to wait for the server.
    pub timeout: u64,
    /// An extra trusted root certificate (PEM).
    pub ca_file: Option<PathBuf>,
}

/// How reset emails leave: Django's `EMAIL_BACKEND` and its settings.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub backend: Backend,
    pub from: String,
    pub file_dir: Option<PathBuf>,
    pub smtp: SmtpConfig,
    /// Seconds a background sender keeps retrying deferred messages before it leaves them to
    /// `authctl mail flush`.
    pub retry_for: u64,
    /// Whether `reset-request` starts a sender in the background; without one, queued mail
    /// waits for `authctl mail flush` (from cron, say).
    pub background_sender: bool,
}

/// A ready backend. It is made before anyone's address is looked at, and SMTP connects and logs
/// in when it is made, so a bad sender or an unreachable server fails every request alike — and
/// so cannot reveal whether an address matched.
pub struct Mailer {
    pub from: Mailbox,
    kind: Kind,
}

enum Kind {
    Console,
    File(PathBuf),
    Smtp(SmtpTransport),
}

impl Mailer {
    pub fn new(settings: &MailConfig) -> Result<Mailer> {
        let from: Mailbox = settings.from.parse().map_err(|e| {
            Error::Environment(format!(
                "email.from {:?} is not an address: {e}",
                settings.from
            ))
        })?;
        let kind = match settings.backend {
            Backend::Console => Kind::Console,
            Backend::File => {
                let dir = settings.file_dir.clone().ok_or_else(|| {
                    Error::Environment("email.backend is file but email.file_dir is not set".into())
                })?;
                // The messages carry reset tokens: only their owner may read them.
                fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&dir)
                    .context(|| format!("cannot create email.file_dir {}", dir.display()))?;
                Kind::File(dir)
            }
            Backend::Smtp => {
                let transport = smtp_transport(settings)?;
                let smtp = &settings.smtp;
                let server = format!("{}:{}", smtp.host.as_deref().unwrap_or(""), smtp.port);
                match transport.test_connection() {
                    Ok(true) => Kind::Smtp(transport),
                    Ok(false) => {
                        return Err(smtp_error(
                            &server,
                            "the server did not accept a connection",
                        ));
                    }
                    Err(e) if timed_out(&e) => {
                        let waited =
                            format!("no answer within {} s (email.smtp.timeout)", smtp.timeout);
                        return Err(smtp_error(&server, &waited));
                    }
                    Err(e) => return Err(smtp_error(&server, &error_chain(&e))),
                }
            }
        };
        Ok(Mailer { from, kind })
    }

    /// Whether messages are printed rather than sent (the development backend).
    pub fn is_console(&self) -> bool {
        matches!(self.kind, Kind::Console)
    }

    /// Delivers one message (file or SMTP; the console backend's text comes from
    /// [`console`]).
    pub fn send(
        &self,
        message: &Message,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), Failure> {
        match &self.kind {
            Kind::Console => Ok(()),
            Kind::File(dir) => {
                let name = format!(
                    "{}-{}.eml",
                    now.format("%Y%m%d-%H%M%S"),
                    crate::crypto::random_string(12)
                );
                private_file::write(&dir.join(name), &message.formatted(), Existing::Keep)
                    .map(|_| ())
                    .map_err(|e| Failure {
                        permanent: false,
                        reason: e.chain(),
                    })
            }
            Kind::Smtp(transport) => transport.send(message).map(|_| ()).map_err(|e| Failure {
                permanent: e.is_permanent(),
                reason: error_chain(&e),
            }),
        }
    }
}

/// Why one message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Refused for good (an SMTP 5xx reply): trying again will not help.
    pub permanent: bool,
    pub reason: String,
}

/// Messages as Django's console backend prints them: each one, then a line of 79 dashes.
pub fn console(messages: &[Message]) -> String {
    let mut out = String::new();
    for message in messages {
        let text = String::from_utf8_lossy(&message.formatted()).replace("\r\n", "\n");
        out.push_str(&text);
        out.push('\n');
        out.push_str(&"-".repeat(79));
        out.push('\n');
    }
    out
}

fn smtp_error(server: &str, reason: &str) -> Error {
    Error::Mail {
        server: server.to_string(),
        reason: reason.to_string(),
    }
}

/// Whether a socket read or write gave up waiting (lettre reports it as a plain I/O error).
fn timed_out(e: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::{TimedOut, WouldBlock};
    let mut source = Some(e);
    while let Some(cause) = source {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        if matches!(kind, Some(TimedOut | WouldBlock)) {
            return true;
        }
        source = cause.source();
    }
    false
}

/// lettre's errors keep the server's reply in their sources; show all of it.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

fn smtp_transport(settings: &MailConfig) -> Result<SmtpTransport> {
    let smtp = &settings.smtp;
    let host = smtp.host.clone().ok_or_else(|| {
        Error::Environment("email.backend is smtp but email.smtp.host is not set".into())
    })?;
    let mut builder = SmtpTransport::builder_dangerous(host.clone())
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(smtp.timeout)));
    if smtp.security != SmtpSecurity::None {
        let mut params = TlsParameters::builder(host);
        if let Some(ca_file) = &smtp.ca_file {
            let pem = std::fs::read(ca_file)
                .context(|| format!("cannot read email.smtp.ca_file {}", ca_file.display()))?;
            // The TLS library takes a file with no certificate in it without a word, and the
            // handshake then fails as if the server's certificate were the problem.
            if !pem
                .windows(b"-----BEGIN CERTIFICATE-----".len())
                .any(|w| w == b"-----BEGIN CERTIFICATE-----")
            {
                return Err(Error::Environment(format!(
                    "email.smtp.ca_file {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                    ca_file.display()
                )));
            }
            let cert = Certificate::from_pem(&pem).map_err(|e| {
                Error::Environment(format!(
                    "email.smtp.ca_file {} is not a PEM certificate: {e}",
                    ca_file.display()
                ))
            })?;
            params = params.add_root_certificate(cert);
        }
        let params = params
            .build_rustls()
            .map_err(|e| Error::Environment(format!("cannot set up TLS: {}", error_chain(&e))))?;
        builder = builder.tls(match smtp.security {
            SmtpSecurity::StartTls => Tls::Required(params),
            _ => Tls::Wrapper(params),
        });
    }
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose().to_string(),
        ));
    }
    Ok(builder.build())
}
