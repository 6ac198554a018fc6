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

/// A ready backend: the sender parsed, the `file` directory made, the SMTP transport set up
/// (its TLS roots read) — everything that is the same for every message. It does not talk to the
/// relay until a message is sent, so nothing about the relay's state can reach a reset request.
pub struct Mailer {
    pub from: Mailbox,
    kind: Kind,
}

enum Kind {
    Console,
    File(PathBuf),
    Smtp {
        transport: SmtpTransport,
        server: String,
        /// The longest one message may take, whatever the relay does.
        deadline: Duration,
    },
}

/// Why one message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The relay refused it for good (a 5xx reply): trying again will not help.
    Permanent,
    /// The relay asked to try later (a 4xx reply).
    Deferred,
    /// The relay could not be reached, or stopped answering.
    Unreachable,
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
                let smtp = &settings.smtp;
                Kind::Smtp {
                    transport: smtp_transport(settings)?,
                    server: format!("{}:{}", smtp.host.as_deref().unwrap_or(""), smtp.port),
                    // Each read waits `timeout`; a relay that trickles must not hold a message
                    // (and the outbox row it has taken) for longer than a few of those.
                    deadline: Duration::from_secs(smtp.timeout.saturating_mul(6)),
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
    /// [`console`]), within the deadline.
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
                        kind: FailureKind::Unreachable,
                        reason: e.chain(),
                    })
            }
            Kind::Smtp {
                transport,
                server,
                deadline,
            } => {
                let (transport, message) = (transport.clone(), message.clone());
                let (sender, answer) = std::sync::mpsc::channel();
                std::thread::spawn(move || {
                    // Nobody may be waiting any more; then there is nothing to do.
                    let _ = sender.send(transport.send(&message));
                });
                let sent = answer.recv_timeout(*deadline).map_err(|_| Failure {
                    kind: FailureKind::Unreachable,
                    reason: format!(
                        "{server} took longer than {} s (six times email.smtp.timeout)",
                        deadline.as_secs()
                    ),
                })?;
                // A 5xx about logging in (530, 534, 535) is the relay's setup, not the recipient:
                // the message waits, as for a relay that cannot be reached.
                let login = |e: &lettre::transport::smtp::Error| {
                    e.status()
                        .is_some_and(|code| code.to_string().starts_with("53"))
                };
                sent.map(|_| ()).map_err(|e| Failure {
                    kind: if login(&e) {
                        FailureKind::Unreachable
                    } else if e.is_permanent() {
                        FailureKind::Permanent
                    } else if e.is_transient() {
                        FailureKind::Deferred
                    } else {
                        FailureKind::Unreachable
                    },
                    reason: match timed_out(&e) {
                        true => {
                            format!("{server}: no answer within the timeout (email.smtp.timeout)")
                        }
                        false => format!("{server}: {}", error_chain(&e)),
                    },
                })
            }
        }
    }
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
            use rustls::pki_types::CertificateDer;
            use rustls::pki_types::pem::PemObject;
            let bad = |why: String| {
                Error::Environment(format!(
                    "email.smtp.ca_file {} holds no PEM certificate ({why})",
                    ca_file.display()
                ))
            };
            let certs: Vec<CertificateDer> = CertificateDer::pem_slice_iter(&pem)
                .collect::<Result<_, _>>()
                .map_err(|e| bad(e.to_string()))?;
            if certs.is_empty() {
                return Err(bad("no -----BEGIN CERTIFICATE----- block".into()));
            }
            for cert in certs {
                let cert = Certificate::from_der(cert.to_vec()).map_err(|e| bad(e.to_string()))?;
                params = params.add_root_certificate(cert);
            }
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
