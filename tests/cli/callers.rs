//! The programs that call out for a credential check (issue 16): the ways they hand over the
//! username and password, first as the program sees them, then through the real callers —
//! PAM (pamtester and pam_exec), Dovecot (checkpassword) and Squid (a basic-auth helper).

use crate::on_both;
use crate::support::{BIN, Backend, PW, Sandbox, free_port};
use serde_json::Value;

fn events(sb: &Sandbox, event: &str) -> Vec<Value> {
    let run = sb.cmd(["--json", "log", "--event", event]).run();
    run.expect(0);
    run.json_lines()
}

/// A user who may log in, one who is inactive, and a third with a password full of the
/// characters callers escape.
fn users(sb: &Sandbox) {
    sb.signup("alice", "alice@example.com", PW);
    sb.signup("bob", "bob@example.com", PW);
    sb.cmd(["users", "set", "bob", "--inactive"])
        .run()
        .expect(0);
    sb.signup("carol", "carol@example.com", ODD);
}

/// Spaces, a percent sign, a plus, a tab and a letter outside ASCII.
const ODD: &str = "s3cret pass%+\tétoile";

fn serve_answers_one_line_per_request_with_the_same_check(backend: Backend) {
    let sb = Sandbox::on(backend);
    users(&sb);
    // Plain lines: username, a tab, the password (which may hold a tab itself).
    let input = format!(
        "alice\t{PW}\nalice\twrong\nbob\t{PW}\nghost\t{PW}\ncarol\t{ODD}\nno tab here\n\
         alice\t{PW}\r\n"
    );
    sb.cmd(["verify", "--serve=lines"])
        .stdin(input)
        .run()
        .expect(0)
        .stdout_is("OK\nERR\nERR\nERR\nOK\nERR\nOK\n");
    // Squid: URL-escaped fields, with and without the concurrency channel.
    let input = "alice correct%20horse%20battery%20staple\n\
                 0 carol s3cret%20pass%25+%09%C3%A9toile\n\
                 17 alice wrong\n\
                 3 ghost%40example.com x\n\
                 4 alice two words\n";
    sb.cmd(["verify", "--serve"])
        .stdin(input)
        .run()
        .expect(0)
        .stdout_is("OK\n0 OK\n17 ERR\n3 ERR\n4 ERR\n");
    // (A line of two fields is a username and a password: Squid sends a channel with every
    // request or with none.)
    // Failures are recorded and counted as `verify`'s are: five lock the name, and the
    // right password is refused after them, in the same process.
    let input = format!("{}dave\t{PW}\n", "dave\twrong\n".repeat(5));
    sb.signup("dave", "dave@example.com", PW);
    sb.cmd(["verify", "--serve=lines"])
        .stdin(input)
        .run()
        .expect(0)
        .stdout_is("ERR\nERR\nERR\nERR\nERR\nERR\n");
    let locked = sb.cmd(["--json", "users", "show", "dave"]).run();
    assert!(locked.json()["locked_until"].is_string(), "{locked:?}");
    let failed: Vec<Value> = events(&sb, "login_failed")
        .into_iter()
        .filter(|e| e["username"] == "dave")
        .collect();
    assert_eq!(failed.len(), 6);
    // A requirement applies to every request.
    sb.cmd(["groups", "create", "mail"]).run().expect(0);
    sb.cmd(["groups", "add", "mail", "carol"]).run().expect(0);
    sb.cmd(["verify", "--serve=lines", "--group", "mail"])
        .stdin(format!("alice\t{PW}\ncarol\t{ODD}\n"))
        .run()
        .expect(0)
        .stdout_is("ERR\nOK\n");
}

on_both!(serve_answers_one_line_per_request_with_the_same_check);

#[test]
fn serve_says_a_check_could_not_be_made_and_stops_at_the_end_of_input() {
    let mut sb = Sandbox::new();
    // No database: every request is answered, none of them OK.
    sb.set(
        "AUTHCTL_DATABASE",
        sb.path("missing.sqlite3").to_str().unwrap(),
    );
    let run = sb
        .cmd(["verify", "--serve"])
        .stdin(format!("1 alice {}\n", PW.replace(' ', "%20")))
        .run();
    run.expect(0).stderr_has("does not exist");
    assert!(run.stdout().starts_with("1 BH message=\""), "{run:?}");
    sb.cmd(["verify", "--serve=lines"])
        .stdin(format!("alice\t{PW}\n"))
        .run()
        .expect(0)
        .stdout_is("BH\n");
    // A line longer than any request is refused, and the next is read.
    let sb = Sandbox::new();
    sb.signup("alice", "alice@example.com", PW);
    let long = format!("alice\t{}\nalice\t{PW}\n", "x".repeat(100_000));
    sb.cmd(["verify", "--serve=lines"])
        .stdin(long)
        .run()
        .expect(0)
        .stdout_is("ERR\nOK\n");
    // Empty input: nothing to answer.
    sb.cmd(["verify", "--serve"]).run().expect(0).stdout_is("");
}

#[test]
fn credentials_come_from_a_file_standard_input_or_a_named_variable() {
    let sb = Sandbox::new();
    users(&sb);
    let file = sb.path("via-file");
    std::fs::write(&file, format!("carol\n{ODD}\n")).unwrap();
    let file = file.to_str().unwrap();
    sb.cmd(["verify", "--credentials-file", file])
        .run()
        .expect(0)
        .stdout_is("");
    std::fs::write(sb.path("via-file"), "carol\nwrong\n").unwrap();
    sb.cmd(["verify", "--credentials-file", file])
        .run()
        .expect(1);
    std::fs::write(sb.path("via-file"), "carol\n").unwrap();
    sb.cmd(["verify", "--credentials-file", file])
        .run()
        .expect(2)
        .stderr_has("two lines, the username then the password");
    sb.cmd(["verify", "--credentials-stdin"])
        .stdin(format!("alice\r\n{PW}\r\n"))
        .run()
        .expect(0);
    sb.cmd(["verify", "--credentials-stdin"])
        .stdin(format!("bob\n{PW}\n"))
        .run()
        .expect(1);
    sb.cmd(["verify", "--username-env", "LOGIN", "--password-stdin"])
        .env("LOGIN", "alice")
        .stdin_line(PW)
        .run()
        .expect(0);
    sb.cmd(["verify", "--username-env", "LOGIN", "--password-stdin"])
        .stdin_line(PW)
        .run()
        .expect(2)
        .stderr_has("--username-env LOGIN: the variable is not set");
    // One way at a time.
    sb.cmd(["verify", "--pam", "--username", "alice"])
        .run()
        .expect(2);
    sb.cmd(["verify", "--credentials-stdin", "--password-stdin"])
        .run()
        .expect(2);
}

#[test]
fn pam_mode_takes_pam_user_and_the_token_as_pam_exec_gives_them() {
    let sb = Sandbox::new();
    users(&sb);
    let pam = |kind: &str, user: &str, stdin: &str| {
        sb.cmd(["verify", "--pam"])
            .env("PAM_TYPE", kind)
            .env("PAM_USER", user)
            .stdin(stdin)
            .run()
    };
    // No newline after the token: a newline would be part of the password.
    pam("auth", "carol", ODD).expect(0);
    pam("auth", "alice", &format!("{PW}\n")).expect(1);
    pam("auth", "alice", &format!("{PW}\0")).expect(0);
    pam("auth", "bob", PW).expect(1);
    pam("account", "alice", "").expect(0);
    pam("account", "bob", "").expect(1);
    pam("account", "ghost", "").expect(1);
    pam("session", "alice", "")
        .expect(2)
        .stderr_has("auth and account phases");
    sb.cmd(["verify", "--pam"])
        .run()
        .expect(2)
        .stderr_has("PAM_USER");
}

#[test]
fn checkpassword_runs_the_program_only_for_a_valid_pair() {
    let sb = Sandbox::new();
    users(&sb);
    let fd3 = |user: &str, password: &str| {
        let path = sb.path("fd3");
        std::fs::write(&path, format!("{user}\0{password}\01700000000\0")).unwrap();
        path.display().to_string()
    };
    let check = |fd3: String, extra: &str| {
        sb.shell(&format!(
            "authctl checkpassword {extra} /usr/bin/env 3<'{fd3}'; echo \"exit $?\""
        ))
        .env(
            "AUTHCTL_SECRET_KEY",
            "a secret that the program run must not see",
        )
        .run()
    };
    let has_line = |run: &crate::support::Run, line: &str| run.stdout().lines().any(|l| l == line);
    let run = check(fd3("carol", ODD), "--home '/var/mail/{username}'");
    run.expect(0)
        .stdout_lacks("AUTHCTL_")
        .stdout_lacks("AUTHORIZED");
    // The program ran in authctl's place, and its own exit status is the one the caller sees.
    assert!(has_line(&run, "USER=carol") && has_line(&run, "HOME=/var/mail/carol"));
    assert!(has_line(&run, "exit 0"), "{run:?}");
    check(fd3("carol", "wrong"), "")
        .stdout_is("exit 1\n")
        .stdout_lacks("USER=");
    check(fd3("bob", PW), "").stdout_is("exit 1\n");
    check(fd3("ghost", PW), "").stdout_is("exit 1\n");
    // A userdb lookup (Dovecot sets AUTHORIZED=1 and sends no password): the account need
    // only be usable, and the program hears AUTHORIZED=2.
    let lookup = |user: &str| {
        sb.shell(&format!(
            "AUTHORIZED=1 authctl checkpassword /usr/bin/env 3<'{}'; echo \"exit $?\"",
            fd3(user, "")
        ))
        .run()
    };
    let run = lookup("alice");
    assert!(
        has_line(&run, "AUTHORIZED=2") && has_line(&run, "USER=alice"),
        "{run:?}"
    );
    lookup("bob").stdout_is("exit 3\n");
    lookup("ghost").stdout_is("exit 3\n");
    // Misuse is 2, a check that cannot be made 111, and a program that cannot run 111.
    sb.shell("authctl checkpassword /usr/bin/env; echo \"exit $?\"")
        .run()
        .stdout_is("exit 2\n")
        .stderr_has("file descriptor 3");
    let garbage = sb.path("garbage");
    std::fs::write(&garbage, "no nul bytes at all").unwrap();
    sb.shell(&format!(
        "authctl checkpassword /usr/bin/env 3<'{}'; echo \"exit $?\"",
        garbage.display()
    ))
    .run()
    .stdout_is("exit 2\n");
    sb.shell(&format!(
        "AUTHCTL_DATABASE=/nonexistent/db.sqlite3 authctl checkpassword /usr/bin/env 3<'{}'; \
         echo \"exit $?\"",
        fd3("alice", PW)
    ))
    .run()
    .stdout_is("exit 111\n");
    sb.shell(&format!(
        "authctl checkpassword /nonexistent/program 3<'{}'; echo \"exit $?\"",
        fd3("alice", PW)
    ))
    .run()
    .stdout_is("exit 111\n")
    .stderr_has("cannot run /nonexistent/program");
    // The password is in none of the program's arguments or variables, nor in the log.
    let run = check(fd3("carol", ODD), "");
    assert!(!run.stdout().contains("étoile"));
    let dump = sb.sql("SELECT * FROM authctl_event").join("\n");
    assert!(!dump.contains("étoile") && !dump.contains(PW));
}

/// A PAM service file of the test's own in /etc/pam.d (PAM reads services nowhere else),
/// removed when the test ends.
struct PamService {
    name: String,
}

impl PamService {
    fn new(lines: &str) -> PamService {
        let name = format!("authctl-test-{}-{}", std::process::id(), rand_suffix());
        std::fs::write(format!("/etc/pam.d/{name}"), lines).expect("write /etc/pam.d");
        PamService { name }
    }
}

impl Drop for PamService {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(format!("/etc/pam.d/{}", self.name));
    }
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64)
}

fn pamtester(
    service: &PamService,
    user: &str,
    operation: &str,
    stdin: &str,
) -> crate::support::Run {
    let mut command = std::process::Command::new("pamtester");
    command.args([&service.name, user, operation]).env_clear();
    crate::support::run_command(command, stdin)
}

/// pamtester through a service whose auth and account lines run authctl with pam_exec, as
/// the README shows them: no shell and no wrapper, the environment PAM gives (none of the
/// test's), the settings from `--config`.
#[test]
fn pam_exec_runs_authctl_for_auth_and_account() {
    if !as_root("PAM reads services only from /etc/pam.d, which needs root") {
        return;
    }
    assert!(
        std::process::Command::new("pamtester")
            .arg("--version")
            .output()
            .is_ok(),
        "pamtester is needed (Debian: apt-get install pamtester)"
    );
    let sb = Sandbox::new();
    users(&sb);
    let config = sb.config_file("");
    let line = format!("{BIN} verify --pam --config {}", config.display());
    let service = PamService::new(&format!(
        "auth     [success=1 default=ignore] pam_exec.so quiet expose_authtok {line}\n\
         auth     requisite pam_deny.so\n\
         auth     required  pam_permit.so\n\
         account  required  pam_exec.so quiet {line}\n\
         password required  pam_deny.so\n\
         session  required  pam_deny.so\n"
    ));
    pamtester(&service, "alice", "authenticate", &format!("{PW}\n"))
        .expect(0)
        .stdout_has("successfully authenticated");
    pamtester(&service, "carol", "authenticate", &format!("{ODD}\n")).expect(0);
    for (user, password) in [("alice", "wrong"), ("bob", PW), ("ghost", PW)] {
        pamtester(&service, user, "authenticate", &format!("{password}\n"))
            .expect(1)
            .stderr_has("Authentication failure");
    }
    pamtester(&service, "alice", "acct_mgmt", "").expect(0);
    pamtester(&service, "bob", "acct_mgmt", "").expect(1);
    pamtester(&service, "ghost", "acct_mgmt", "").expect(1);
    // The failures were recorded by the program PAM ran, and count toward a lock: after five,
    // the right password is refused and the account phase says no too.
    let failed = events(&sb, "login_failed");
    assert!(
        failed.iter().any(|e| e["username"] == "ghost"),
        "{failed:?}"
    );
    for _ in 0..4 {
        pamtester(&service, "alice", "authenticate", "wrong\n").expect(1);
    }
    pamtester(&service, "alice", "authenticate", &format!("{PW}\n")).expect(1);
    pamtester(&service, "alice", "acct_mgmt", "").expect(1);
}

/// Whether the test runs as root, which the real callers need; says why it is skipped if not.
fn as_root(why: &str) -> bool {
    let root = nix::unistd::geteuid().is_root();
    if !root {
        eprintln!("skipped: {why}");
    }
    root
}

/// A process the test started, stopped (SIGTERM, then waited for) when the test ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let pid = nix::unistd::Pid::from_raw(self.0.id() as i32);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        let _ = self.0.wait();
    }
}

/// Waits (ten seconds at most) for `ready` to hold.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !ready() {
        assert!(std::time::Instant::now() < deadline, "{what} did not start");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A directory others may enter: the servers' own accounts (dovenull, proxy) work in it.
fn open_dir(sb: &Sandbox, name: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = sb.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Its parent too: the sandbox itself is its owner's alone.
    std::fs::set_permissions(sb.dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    dir
}

/// An IMAP LOGIN on 127.0.0.1: whether the server said OK.
fn imap_login(port: u16, user: &str, password: &str) -> bool {
    use std::io::{BufRead, BufReader, Write};
    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect to IMAP");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("* OK"), "IMAP greeting: {line}");
    write!(&stream, "a1 LOGIN \"{user}\" \"{password}\"\r\n").unwrap();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if let Some(answer) = line.strip_prefix("a1 ") {
            let _ = write!(&stream, "a2 LOGOUT\r\n");
            return answer.starts_with("OK");
        }
    }
}

/// Dovecot with `passdb { driver = checkpassword }` running authctl, as the README shows it:
/// `doveadm auth test` and `auth lookup`, and an IMAP LOGIN on 127.0.0.1.
#[test]
fn dovecot_checks_passwords_through_checkpassword() {
    if !as_root("Dovecot runs its services as their own accounts, which needs root") {
        return;
    }
    let sb = Sandbox::new();
    users(&sb);
    let config = sb.config_file("");
    let dir = open_dir(&sb, "dovecot");
    for user in ["alice", "carol"] {
        let home = dir.join("home").join(user);
        std::fs::create_dir_all(&home).unwrap();
        let nobody = nix::unistd::User::from_name("nobody").unwrap().unwrap();
        nix::unistd::chown(&home, Some(nobody.uid), Some(nobody.gid)).unwrap();
    }
    let port = free_port();
    let conf = dir.join("dovecot.conf");
    let d = dir.display();
    std::fs::write(
        &conf,
        format!(
            "base_dir = {d}/run\n\
             state_dir = {d}/state\n\
             log_path = {d}/dovecot.log\n\
             listen = 127.0.0.1\n\
             protocols = imap\n\
             ssl = no\n\
             disable_plaintext_auth = no\n\
             auth_failure_delay = 0\n\
             mail_location = maildir:~/Maildir\n\
             service imap-login {{\n  inet_listener imap {{\n    address = 127.0.0.1\n    \
             port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
             # The test's database is its owner's alone; a real one is shared with the\n\
             # auth process's account (see the README).\n\
             service auth {{\n  user = root\n}}\n\
             passdb {{\n  driver = checkpassword\n  \
             args = {BIN} checkpassword --config {config}\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={d}/home/%u\n}}\n",
            config = config.display(),
        ),
    )
    .unwrap();
    let server = Server(
        std::process::Command::new("dovecot")
            .args(["-F", "-c"])
            .arg(&conf)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("dovecot is needed (Debian: apt-get install dovecot-core dovecot-imapd)"),
    );
    wait_until("dovecot", || {
        dir.join("run/auth-client").exists()
            && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let doveadm = |args: &[&str]| {
        let mut command = std::process::Command::new("doveadm");
        command.arg("-c").arg(&conf).args(args);
        crate::support::run_command(command, "")
    };
    doveadm(&["auth", "test", "alice", PW])
        .expect(0)
        .stdout_has("auth succeeded");
    // (Dovecot's own protocol is tab-separated: a password with a tab never reaches a passdb.)
    let untabbed = ODD.replace('\t', " ");
    sb.cmd(["users", "set-password", "carol", "--password-stdin"])
        .stdin_line(&untabbed)
        .run()
        .expect(0);
    doveadm(&["auth", "test", "carol", &untabbed]).expect(0);
    for (user, password) in [("alice", "wrong"), ("bob", PW), ("ghost", PW)] {
        doveadm(&["auth", "test", user, password])
            .expect(77)
            .stdout_has("auth failed")
            .stdout_lacks("temp_fail");
    }
    // A lookup without a password (AUTHORIZED=1): the account exists and may log in.
    doveadm(&["auth", "lookup", "alice"]).expect(0);
    doveadm(&["auth", "lookup", "bob"])
        .expect(67)
        .stdout_has("doesn't exist");
    assert!(imap_login(port, "alice", PW));
    assert!(!imap_login(port, "alice", "wrong"));
    // The failures were recorded, and the password is nowhere in Dovecot's log.
    let failed = events(&sb, "login_failed");
    assert!(
        failed.iter().any(|e| e["username"] == "ghost"),
        "{failed:?}"
    );
    drop(server);
    let log = std::fs::read_to_string(dir.join("dovecot.log")).unwrap_or_default();
    assert!(!log.contains(PW) && !log.contains("étoile"), "{log}");
}

/// An origin server for the proxy to reach: answers every request with 200 and "hello".
fn origin() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind the origin");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
            );
        }
    });
    port
}

/// Squid with `auth_param basic program authctl verify --serve=squid` (several requests at
/// once to one helper, so with channel IDs), and curl through it with `--proxy-user`.
#[test]
fn squid_asks_a_running_authctl_through_its_helper_protocol() {
    if !as_root("Squid runs its helpers as the proxy account, which needs root") {
        return;
    }
    let sb = Sandbox::new();
    users(&sb);
    let config = sb.config_file("");
    // The helper runs as `proxy`: it gets the database, its directory and a copy of the
    // program (the checkout may be a directory only its owner can enter).
    let helper = sb.path("authctl");
    std::fs::copy(BIN, &helper).unwrap();
    let dir = open_dir(&sb, "squid");
    let proxy = nix::unistd::User::from_name("proxy")
        .unwrap()
        .expect("the proxy account (Debian's squid package makes it)");
    for entry in walk(sb.dir.path()) {
        nix::unistd::chown(&entry, Some(proxy.uid), Some(proxy.gid)).unwrap();
    }
    let (port, origin) = (free_port(), origin());
    let name = format!("authctl{}", std::process::id());
    let conf = dir.join("squid.conf");
    let d = dir.display();
    std::fs::write(
        &conf,
        format!(
            "http_port 127.0.0.1:{port}\n\
             visible_hostname authctl-test\n\
             pid_filename {d}/squid.pid\n\
             cache_log {d}/cache.log\n\
             access_log stdio:{d}/access.log\n\
             cache_store_log none\n\
             netdb_filename none\n\
             coredump_dir {d}\n\
             cache deny all\n\
             cache_mem 8 MB\n\
             pinger_enable off\n\
             shutdown_lifetime 0 seconds\n\
             dns_nameservers 127.0.0.1\n\
             auth_param basic program {helper} verify --serve=squid --config {config}\n\
             auth_param basic children 1 startup=1 idle=1 concurrency=8\n\
             auth_param basic realm authctl-test\n\
             auth_param basic credentialsttl 1 second\n\
             auth_param basic casesensitive on\n\
             acl authed proxy_auth REQUIRED\n\
             http_access allow authed\n\
             http_access deny all\n",
            helper = helper.display(),
            config = config.display(),
        ),
    )
    .unwrap();
    let squid = Server(
        std::process::Command::new("squid")
            .args(["-n", &name, "-N", "-f"])
            .arg(&conf)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("squid is needed (Debian: apt-get install squid)"),
    );
    let _shm = SharedMemory(name);
    wait_until("squid", || {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let curl = |user: &str, password: &str| {
        let mut command = std::process::Command::new("curl");
        command
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "--proxy"])
            .arg(format!("http://127.0.0.1:{port}"))
            .arg("--proxy-user")
            .arg(format!("{user}:{password}"))
            .arg(format!("http://127.0.0.1:{origin}/"));
        crate::support::run_command(command, "").stdout()
    };
    assert_eq!(curl("alice", PW), "200");
    assert_eq!(curl("carol", ODD), "200");
    for (user, password) in [("alice", "wrong"), ("bob", PW), ("ghost", PW)] {
        assert_eq!(curl(user, password), "407", "{user}");
    }
    // Requests at once: one helper answers them by channel.
    let answers: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..6)
            .map(|i| {
                let curl = &curl;
                s.spawn(move || match i % 2 {
                    0 => curl("alice", PW),
                    _ => curl("ghost", "nope"),
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(answers, ["200", "407", "200", "407", "200", "407"]);
    let failed = events(&sb, "login_failed");
    assert!(
        failed.iter().any(|e| e["username"] == "ghost"),
        "{failed:?}"
    );
    // Squid closes the helper's input when it stops, and the helper ends with it.
    assert!(running(&config), "the helper runs while Squid does");
    drop(squid);
    wait_until("the helper's end", || !running(&config));
}

/// Whether a `verify --serve` with this config file runs (Squid names its helpers
/// `(authctl)`, so the command line's arguments are what tell), read from /proc.
fn running(config: &std::path::Path) -> bool {
    let config = config.as_os_str().as_encoded_bytes();
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .any(|cmdline| {
            let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
            args.contains(&&b"--serve=squid"[..]) && args.contains(&config)
        })
}

/// Squid's shared memory segments, named after the service, removed when the test ends
/// (a squid that did not stop cleanly leaves them, and the next one would refuse to start).
struct SharedMemory(String);

impl Drop for SharedMemory {
    fn drop(&mut self) {
        for part in ["metadata", "queues", "readers"] {
            let _ = std::fs::remove_file(format!("/dev/shm/{}-cf__{part}.shm", self.0));
        }
    }
}

/// A directory and everything under it.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        match entry.file_type().is_ok_and(|t| t.is_dir()) {
            true => out.extend(walk(&entry.path())),
            false => out.push(entry.path()),
        }
    }
    out
}

/// What an outside review of the callers' modes found, each now refused or said.
#[test]
fn callers_get_no_answer_for_a_name_that_is_not_the_accounts_and_hear_what_went_wrong() {
    let sb = Sandbox::new();
    users(&sb);
    let escaped = PW.replace(' ', "%20");
    // A name that only Django's forms would fold to `alice` (NFKC) is not alice here, as it
    // is not for Django's authenticate().
    sb.cmd(["verify", "--serve"])
        .stdin(format!("1 %EF%BD%81lice {escaped}\n2 alice {escaped}\n"))
        .run()
        .stdout_is("1 ERR\n2 OK\n");
    sb.cmd(["verify", "--pam"])
        .env("PAM_TYPE", "account")
        .env("PAM_USER", "ａlice")
        .run()
        .expect(1);
    // Every malformed request is answered on its channel, and never with a stray space.
    let long = format!("10 alice {}\n", "x".repeat(70_000));
    let mut input = long.into_bytes();
    input.extend_from_slice(b"4 \xff pw\n\n 5 alice pw\n6 al%00ice pw\n");
    sb.cmd(["verify", "--serve"])
        .stdin(input)
        .run()
        .expect(0)
        .stdout_is("10 ERR\n4 ERR\nERR\nERR\n6 ERR\n");
    // A name from a request cannot forge a line in the caller's log.
    let run = sb
        .cmd(["-v", "verify", "--serve"])
        .stdin("7 x%0Aauthctl:%20forged pw\n")
        .run();
    run.expect(0).stdout_is("7 ERR\n");
    assert!(!run.stderr().contains("\nauthctl: forged"), "{run:?}");
    // A failure that cannot be recorded does not count toward a lock: said without -v.
    let read_only = format!("file:{}?mode=ro", sb.db.display());
    sb.cmd(["--database", &read_only, "verify", "--serve=lines"])
        .stdin("alice\twrong\n")
        .run()
        .expect(0)
        .stdout_is("ERR\n")
        .stderr_has("could not be recorded, so it does not count toward a lock");
    // A variable that is not UTF-8 is as good as unset, not a crash.
    use std::os::unix::ffi::OsStrExt;
    sb.cmd(["verify", "--pam"])
        .env("PAM_TYPE", "auth")
        .env("PAM_USER", std::ffi::OsStr::from_bytes(b"al\xffice"))
        .stdin(PW)
        .run()
        .expect(2)
        .stderr_has("PAM_USER");
    // A flag naming no group is checkpassword's misuse (2), not "try again later".
    let fd3 = sb.path("fd3");
    std::fs::write(&fd3, format!("alice\0{PW}\0\0")).unwrap();
    sb.shell(&format!(
        "authctl checkpassword --group nosuchgroup /usr/bin/env 3<'{}'; echo \"exit $?\"",
        fd3.display()
    ))
    .run()
    .stdout_is("exit 2\n");
}

/// A running `--serve` notices that its SQLite file was replaced (or removed) and opens the
/// one at the path, rather than answering from the old file.
#[test]
fn serve_follows_a_replaced_database_file() {
    use std::io::{BufRead, BufReader, Write};
    let sb = Sandbox::new();
    users(&sb);
    let mut child = sb
        .cmd(["verify", "--serve=lines"])
        .into_command()
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| {
        writeln!(input, "{line}").unwrap();
        input.flush().unwrap();
        let mut answer = String::new();
        output.read_line(&mut answer).unwrap();
        answer
    };
    assert_eq!(ask(&format!("alice\t{PW}")), "OK\n");
    // A copy in which alice is inactive takes the original's place.
    let copy = sb.path("copy.sqlite3");
    std::fs::copy(&sb.db, &copy).unwrap();
    crate::support::exec(
        &copy,
        "UPDATE auth_user SET is_active = 0 WHERE username = 'alice'",
    );
    std::fs::rename(&copy, &sb.db).unwrap();
    assert_eq!(ask(&format!("alice\t{PW}")), "ERR\n");
    std::fs::remove_file(&sb.db).unwrap();
    assert_eq!(ask(&format!("carol\t{ODD}")), "BH\n");
    drop(input);
    assert!(child.wait().unwrap().success());
}
