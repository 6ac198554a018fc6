//! The SMTP backend against a real SMTP server (aiosmtpd on 127.0.0.1, with a test CA).

use crate::reset::command_in;
use crate::support::{PW, Sandbox, django_python};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NEW: &str = "a completely new passphrase";

/// A running server; it stops when this is dropped (its stdin closes), and on its own after
/// two minutes in any case.
struct SmtpServer {
    child: Child,
    port: u16,
    ca: String,
    maildir: PathBuf,
    /// What the server wrote on stderr (passed on to the test's own stderr as it comes).
    notices: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl SmtpServer {
    fn start(sb: &Sandbox, mode: &str, login: Option<&str>) -> SmtpServer {
        SmtpServer::start_with(sb, mode, login, &[])
    }

    /// A server with some of smtpd.py's misbehaviours (`SMTPD_*` variables).
    fn start_with(
        sb: &Sandbox,
        mode: &str,
        login: Option<&str>,
        vars: &[(&str, &str)],
    ) -> SmtpServer {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/django/smtpd.py");
        let maildir = sb.path("smtp/inbox");
        let mut cmd = Command::new(django_python());
        cmd.arg(script).arg(&maildir).arg(mode).args(login);
        cmd.envs(vars.iter().copied());
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the SMTP server");
        let notices = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let kept = notices.clone();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                eprintln!("{line}");
                kept.lock().unwrap().push(line);
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            fields.first(),
            Some(&"READY"),
            "server did not start: {line:?}"
        );
        SmtpServer {
            port: fields[1].parse().unwrap(),
            ca: fields[2].to_string(),
            maildir,
            child,
            notices,
        }
    }

    /// Waits (a few seconds at most) for the `n`th message to be saved.
    fn message(&self, n: usize) -> String {
        let path = self.maildir.join(format!("{n}.eml"));
        let start = Instant::now();
        while !path.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no message {n} arrived"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read_to_string(path).unwrap()
    }

    fn configure(&self, sb: &mut Sandbox, security: &str) {
        sb.set("AUTHCTL_EMAIL_BACKEND", "smtp")
            .set("AUTHCTL_EMAIL_SMTP_HOST", "localhost")
            .set("AUTHCTL_EMAIL_SMTP_PORT", &self.port.to_string())
            .set("AUTHCTL_EMAIL_SMTP_SECURITY", security)
            .set("AUTHCTL_EMAIL_SMTP_CA_FILE", &self.ca)
            .set("AUTHCTL_EMAIL_SMTP_TIMEOUT", "5");
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn sandbox() -> Sandbox {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_SECRET_KEY", "smtp tests")
        .set("AUTHCTL_EMAIL_FROM", "accounts@example.com");
    sb.signup("alice", "alice@example.com", PW);
    sb
}

/// Requests a reset through the server, completes it with the command from the received
/// message, and checks the new password works; the server had nothing to warn about (the
/// suite's output stays free of notices that do not concern authctl).
fn reset_through(mode: &str, security: &str, login: Option<(&str, &str)>) {
    let mut sb = sandbox();
    let login_arg = login.map(|(u, p)| format!("{u}:{p}"));
    let server = SmtpServer::start(&sb, mode, login_arg.as_deref());
    server.configure(&mut sb, security);
    if let Some((user, password)) = login {
        sb.set("AUTHCTL_EMAIL_SMTP_USERNAME", user)
            .set("AUTHCTL_EMAIL_SMTP_PASSWORD", password);
    }
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(0);
    let mail = server.message(1);
    assert!(mail.contains("From: accounts@example.com"), "{mail}");
    assert!(mail.contains("To: alice@example.com"), "{mail}");
    assert!(mail.contains("Content-Transfer-Encoding: 8bit"), "{mail}");
    sb.cmd(command_in(&mail))
        .arg("--password-stdin")
        .stdin_line(NEW)
        .run()
        .expect(0);
    sb.verify("alice", NEW).expect(0);
    assert_eq!(*server.notices.lock().unwrap(), Vec::<String>::new());
}

#[test]
fn plain_smtp_without_login_delivers_a_working_reset() {
    reset_through("none", "none", None);
}

#[test]
fn plain_smtp_with_login_delivers() {
    reset_through("none", "none", Some(("mailer", "s3cret")));
}

#[test]
fn starttls_without_login_delivers() {
    reset_through("starttls", "starttls", None);
}

#[test]
fn starttls_with_login_delivers() {
    reset_through("starttls", "starttls", Some(("mailer", "s3cret")));
}

#[test]
fn implicit_tls_without_login_delivers() {
    reset_through("tls", "tls", None);
}

#[test]
fn implicit_tls_with_login_delivers() {
    reset_through("tls", "tls", Some(("mailer", "s3cret")));
}

/// Requests for a known and an unknown address answer alike (exit 0, same output) whatever the
/// relay does; the sender's `mail flush` is where a broken relay shows (exit 4, its reason),
/// and the messages wait in the outbox.
fn requests_answer_alike_and_flush_names_the_relays_failure(sb: &mut Sandbox, reason: &str) {
    sb.set("AUTHCTL_EMAIL_SENDER", "cron");
    let before = sb.sql("SELECT * FROM auth_user");
    let runs: Vec<_> = ["alice@example.com", "nobody@example.com"]
        .iter()
        .map(|email| sb.cmd(["reset-request", "--email", email]).run())
        .collect();
    for run in &runs {
        run.expect(0);
        assert_eq!(
            (run.stdout(), run.stderr()),
            (runs[0].stdout(), runs[0].stderr())
        );
    }
    sb.cmd(["mail", "flush"])
        .run()
        .expect(4)
        .stderr_has("cannot send email through")
        .stderr_has(reason)
        .stdout_has("deferred 1");
    assert_eq!(sb.sql("SELECT * FROM auth_user"), before);
    let queue = sb.cmd(["mail", "list", "--json"]).run().json_lines();
    assert_eq!(queue.len(), 1, "alice's message waits: {queue:?}");
    assert_eq!(queue[0]["attempts"], 1);
}

#[test]
fn a_server_that_is_down_shows_in_mail_flush_not_in_the_answer() {
    let mut sb = sandbox();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    sb.set("AUTHCTL_EMAIL_BACKEND", "smtp")
        .set("AUTHCTL_EMAIL_SMTP_HOST", "127.0.0.1")
        .set("AUTHCTL_EMAIL_SMTP_PORT", &port.to_string())
        .set("AUTHCTL_EMAIL_SMTP_TIMEOUT", "3");
    requests_answer_alike_and_flush_names_the_relays_failure(&mut sb, "127.0.0.1:");
}

#[test]
fn a_wrong_login_shows_the_servers_reason_in_mail_flush() {
    let mut sb = sandbox();
    let server = SmtpServer::start(&sb, "starttls", Some("mailer:s3cret"));
    server.configure(&mut sb, "starttls");
    sb.set("AUTHCTL_EMAIL_SMTP_USERNAME", "mailer")
        .set("AUTHCTL_EMAIL_SMTP_PASSWORD", "wrong");
    requests_answer_alike_and_flush_names_the_relays_failure(&mut sb, "535");
}

#[test]
fn an_untrusted_certificate_is_refused() {
    let mut sb = sandbox();
    let server = SmtpServer::start(&sb, "tls", None);
    server.configure(&mut sb, "tls");
    sb.unset("AUTHCTL_EMAIL_SMTP_CA_FILE");
    requests_answer_alike_and_flush_names_the_relays_failure(&mut sb, "certificate");
}

#[test]
fn a_server_that_never_answers_times_out_with_a_clear_reason() {
    let mut sb = sandbox();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts connections and says nothing, for a bounded time.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        let until = Instant::now() + Duration::from_secs(6);
        listener.set_nonblocking(true).unwrap();
        while Instant::now() < until {
            if let Ok((socket, _)) = listener.accept() {
                held.push(socket);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    sb.set("AUTHCTL_EMAIL_BACKEND", "smtp")
        .set("AUTHCTL_EMAIL_SMTP_HOST", "127.0.0.1")
        .set("AUTHCTL_EMAIL_SMTP_PORT", &port.to_string())
        .set("AUTHCTL_EMAIL_SMTP_TIMEOUT", "1");
    let started = Instant::now();
    requests_answer_alike_and_flush_names_the_relays_failure(&mut sb, "email.smtp.timeout");
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[test]
fn a_ca_file_without_a_certificate_is_a_configuration_error_before_connecting() {
    let mut sb = sandbox();
    let server = SmtpServer::start(&sb, "tls", None);
    server.configure(&mut sb, "tls");
    let not_a_cert = sb.path("ca.pem");
    std::fs::write(
        &not_a_cert,
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    sb.set("AUTHCTL_EMAIL_SMTP_CA_FILE", not_a_cert.to_str().unwrap());
    sb.cmd(["reset-request", "--email", "alice@example.com"])
        .run()
        .expect(4)
        .stderr_has("holds no PEM certificate");
}

/// The median wall time of `reset-request` for one address.
fn median_request(sb: &Sandbox, email: &str, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            sb.cmd(["reset-request", "--email", email]).run().expect(0);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[test]
fn a_slow_relay_does_not_make_a_registered_address_slower_to_request() {
    let mut sb = sandbox();
    let server = SmtpServer::start_with(&sb, "none", None, &[("SMTPD_DELAY", "0.3")]);
    server.configure(&mut sb, "none");
    // Alternate the two, so a busy machine slows both alike.
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        known.push(median_request(&sb, "alice@example.com", 1));
        unknown.push(median_request(&sb, "nobody@example.com", 1));
    }
    known.sort();
    unknown.sort();
    let ratio = known[2].as_secs_f64() / unknown[2].as_secs_f64();
    assert!(
        (0.5..=2.0).contains(&ratio),
        "known {:?} against unknown {:?}: ratio {ratio:.2}",
        known[2],
        unknown[2]
    );
    // And the mail did go out, after the answers.
    assert!(server.message(1).contains("To: alice@example.com"));
}

#[test]
fn a_temporary_refusal_is_the_same_answer_and_the_message_waits_for_a_retry() {
    let mut sb = sandbox();
    let busy = sb.path("relay-busy");
    std::fs::write(&busy, "").unwrap();
    let server = SmtpServer::start_with(
        &sb,
        "none",
        None,
        &[("SMTPD_TEMPFAIL_FILE", busy.to_str().unwrap())],
    );
    server.configure(&mut sb, "none");
    sb.set("AUTHCTL_EMAIL_SENDER", "cron");
    let known = sb
        .cmd(["reset-request", "--email", "alice@example.com"])
        .run();
    let unknown = sb
        .cmd(["reset-request", "--email", "nobody@example.com"])
        .run();
    known.expect(0);
    assert_eq!(
        (known.stdout(), known.stderr()),
        (unknown.stdout(), unknown.stderr())
    );
    sb.cmd(["-v", "mail", "flush"])
        .run()
        .expect(0)
        .stderr_has("450")
        .stdout_has("Delivered 0, deferred 1, dropped 0.");
    let queue = sb.cmd(["mail", "list", "--json"]).run();
    let rows: Vec<serde_json::Value> = queue.json_lines();
    assert_eq!(rows.len(), 1, "{queue:?}");
    assert_eq!(rows[0]["attempts"], 1);
    assert!(rows[0]["last_error"].as_str().unwrap().contains("450"));
    // Not due yet: a plain flush leaves it; --all sends it once the relay takes mail again.
    std::fs::remove_file(&busy).unwrap();
    sb.cmd(["mail", "flush"])
        .run()
        .expect(0)
        .stdout_has("Delivered 0");
    sb.cmd(["mail", "flush", "--all"])
        .run()
        .expect(0)
        .stdout_has("Delivered 1, deferred 0, dropped 0.");
    assert!(server.message(1).contains("To: alice@example.com"));
    sb.wait_for_outbox();
}
