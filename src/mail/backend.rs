//! Delivering messages: `console` (handed back to be printed, like Django's console backend),
//! `file` (one `.eml` per message) and `smtp` (lettre, plain, STARTTLS or implicit TLS).

use crate::config::{EmailBackend, EmailSettings, SmtpSecurity};
use crate::error::{Error, Result};
use anyhow::Context;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use std::path::PathBuf;
use std::time::Duration;

/// A ready backend. SMTP connects when it is made, so an unreachable server fails the command
/// whether or not any message is sent — and so cannot reveal whether an address matched.
pub enum Mailer {
    Console,
    File(PathBuf),
    Smtp(SmtpTransport),
}

/// What delivery produced for the person at the terminal.
pub enum Delivered {
    /// The console backend's text: each message, then a line of 79 dashes.
    Console(String),
    Done,
}

impl Mailer {
    pub fn new(settings: &EmailSettings) -> Result<Mailer> {
        match settings.backend {
            EmailBackend::Console => Ok(Mailer::Console),
            EmailBackend::File => {
                let dir = settings.file_dir.clone().ok_or_else(|| {
                    Error::environment("email.backend is file but email.file_dir is not set")
                })?;
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create email.file_dir {}", dir.display()))?;
                Ok(Mailer::File(dir))
            }
            EmailBackend::Smtp => {
                let transport = smtp_transport(settings)?;
                let smtp = &settings.smtp;
                let server = format!("{}:{}", smtp.host.as_deref().unwrap_or(""), smtp.port);
                match transport.test_connection() {
                    Ok(true) => Ok(Mailer::Smtp(transport)),
                    Ok(false) => Err(smtp_error(
                        &server,
                        "the server did not accept a connection",
                    )),
                    Err(e) => Err(smtp_error(&server, &error_chain(&e))),
                }
            }
        }
    }

    pub fn send(&self, messages: &[Message]) -> Result<Delivered> {
        match self {
            Mailer::Console => {
                let mut out = String::new();
                for message in messages {
                    let text = String::from_utf8_lossy(&message.formatted()).replace("\r\n", "\n");
                    out.push_str(&text);
                    out.push('\n');
                    out.push_str(&"-".repeat(79));
                    out.push('\n');
                }
                Ok(Delivered::Console(out))
            }
            Mailer::File(dir) => {
                for message in messages {
                    let name = format!(
                        "{}-{}.eml",
                        chrono::Utc::now().format("%Y%m%d-%H%M%S"),
                        crate::hashers::random_string(12)
                    );
                    let path = dir.join(name);
                    std::fs::write(&path, message.formatted())
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                Ok(Delivered::Done)
            }
            Mailer::Smtp(transport) => {
                for message in messages {
                    transport
                        .send(message)
                        .map_err(|e| smtp_error("the mail server", &error_chain(&e)))?;
                }
                Ok(Delivered::Done)
            }
        }
    }
}

fn smtp_error(server: &str, reason: &str) -> anyhow::Error {
    Error::environment(format!("cannot send email through {server}: {reason}")).into()
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

fn smtp_transport(settings: &EmailSettings) -> Result<SmtpTransport> {
    let smtp = &settings.smtp;
    let host = smtp.host.clone().ok_or_else(|| {
        Error::environment("email.backend is smtp but email.smtp.host is not set")
    })?;
    let mut builder = SmtpTransport::builder_dangerous(host.clone())
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(smtp.timeout)));
    if smtp.security != SmtpSecurity::None {
        let mut params = TlsParameters::builder(host);
        if let Some(ca_file) = &smtp.ca_file {
            let pem = std::fs::read(ca_file)
                .with_context(|| format!("cannot read email.smtp.ca_file {}", ca_file.display()))?;
            let cert = Certificate::from_pem(&pem).map_err(|e| {
                Error::environment(format!(
                    "email.smtp.ca_file {} is not a PEM certificate: {e}",
                    ca_file.display()
                ))
            })?;
            params = params.add_root_certificate(cert);
        }
        let params = params
            .build_rustls()
            .map_err(|e| Error::environment(format!("cannot set up TLS: {}", error_chain(&e))))?;
        builder = builder.tls(match smtp.security {
            SmtpSecurity::StartTls => Tls::Required(params),
            _ => Tls::Wrapper(params),
        });
    }
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}
