//! A real PostgreSQL server for the tests: Debian's `postgresql` binaries, `initdb` into a
//! directory under target/tmp, listening on 127.0.0.1 (and a socket in that directory) with TLS
//! from a test CA. One server per test process, started on first use and stopped when the
//! process ends (its supervisor waits for the test process's end of a pipe). Each sandbox gets a
//! database of its own.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

pub struct Server {
    pub port: u16,
    /// The directory of the Unix socket (and of everything else of the server's).
    pub root: PathBuf,
    /// The test CA that signed the server's certificate (for `localhost` and 127.0.0.1).
    pub ca: PathBuf,
    pub bin: PathBuf,
    /// The supervisor, whose standard input stays open for the life of the test process; the
    /// server stops when it closes.
    _supervisor: Mutex<(Child, ChildStdin)>,
}

/// The role with a password, for the tests of password authentication.
pub const PASSWORD_ROLE: (&str, &str) = ("pwuser", "pw-Secret-42");

/// The directory of Debian's PostgreSQL binaries, the newest version there is.
fn binaries() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.filter_map(|e| Some(e.ok()?.path().join("bin")))
                .collect()
        })
        .unwrap_or_default();
    found.retain(|bin| bin.join("initdb").exists());
    found.sort_by_key(|bin| {
        bin.parent()
            .and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop().expect(
        "PostgreSQL's server binaries are needed for the PostgreSQL tests \
         (Debian: apt-get install postgresql)",
    )
}

/// Runs as the `postgres` account when the tests run as root (initdb refuses root).
/// Started from `/`, since the server's account may not be able to enter the checkout.
fn as_server_user(program: &str) -> Command {
    let mut cmd = if nix::unistd::geteuid().is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--", program]);
        cmd
    } else {
        Command::new(program)
    };
    cmd.current_dir("/");
    cmd
}

/// A CA and a certificate it signed for localhost and 127.0.0.1, as PEM files in `dir`.
fn certificates(dir: &Path) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "authctl test CA");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().unwrap();
    let params =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    let cert = params.signed_by(&key, &issuer).unwrap();
    std::fs::write(dir.join("ca.pem"), ca.pem()).unwrap();
    std::fs::write(dir.join("server.crt"), cert.pem()).unwrap();
    std::fs::write(dir.join("server.key"), key.serialize_pem()).unwrap();
}

fn start() -> Server {
    let bin = binaries();
    // The server's own account owns the parent too, so the server can remove its directory
    // when it stops.
    // Under the system's temporary directory, not the checkout: the server's account must be
    // able to reach its files, and a checkout may sit in a directory only its owner can enter
    // (`mktemp -d` makes them 0700).
    let base = std::env::temp_dir().join("authctl-tests-postgresql");
    let root = base.join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    certificates(&root);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        root.join("server.key"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    if nix::unistd::geteuid().is_root() {
        let user = nix::unistd::User::from_name("postgres")
            .unwrap()
            .expect("the postgres account (Debian's postgresql package makes it)");
        nix::unistd::chown(&base, Some(user.uid), Some(user.gid)).unwrap();
        for path in ["", "server.key", "server.crt", "ca.pem"] {
            nix::unistd::chown(&root.join(path), Some(user.uid), Some(user.gid)).unwrap();
        }
    }
    let data = root.join("data");
    let initdb = as_server_user(bin.join("initdb").to_str().unwrap())
        .args(["-D", data.to_str().unwrap()])
        .args([
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ])
        .output()
        .expect("run initdb");
    assert!(
        initdb.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&initdb.stderr)
    );
    let port = crate::support::free_port();
    let (user, password) = PASSWORD_ROLE;
    std::fs::write(
        data.join("pg_hba.conf"),
        format!(
            "local all all trust\n\
             host all {user} 127.0.0.1/32 scram-sha-256\n\
             host all all 127.0.0.1/32 trust\n"
        ),
    )
    .unwrap();
    let mut conf = std::fs::OpenOptions::new()
        .append(true)
        .open(data.join("postgresql.conf"))
        .unwrap();
    writeln!(
        conf,
        "listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{}'\n\
         ssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'\n\
         fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n",
        root.display(),
        root.join("server.crt").display(),
        root.join("server.key").display(),
    )
    .unwrap();
    // The supervisor: start, say so, then wait for the test process to go (its stdin closes)
    // and stop the server and remove its files.
    let pg_ctl = bin.join("pg_ctl");
    let script = format!(
        "'{ctl}' -D '{data}' -l '{root}/log' -w start >/dev/null && echo READY; \
         cat >/dev/null; '{ctl}' -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{root}'",
        ctl = pg_ctl.display(),
        data = data.display(),
        root = root.display(),
    );
    let mut child = as_server_user("sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start PostgreSQL");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(
        line.trim(),
        "READY",
        "PostgreSQL did not start; see {}/log",
        root.display()
    );
    let stdin = child.stdin.take().unwrap();
    let server = Server {
        port,
        ca: root.join("ca.pem"),
        root,
        bin,
        _supervisor: Mutex::new((child, stdin)),
    };
    server
        .admin("postgres")
        .batch_execute(&format!(
            "CREATE ROLE {user} LOGIN PASSWORD '{password}'; \
         CREATE ROLE reader LOGIN; CREATE ROLE nocreate LOGIN;"
        ))
        .unwrap();
    server
}

/// The test server, started on first use.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(start)
}

impl Server {
    /// A connection as the superuser, for setting things up and looking at the result.
    pub fn admin(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(
            &format!(
                "host=127.0.0.1 port={} user=postgres dbname={database}",
                self.port
            ),
            postgres::NoTls,
        )
        .expect("connect to the test PostgreSQL")
    }

    /// A new empty database, for one sandbox.
    pub fn new_database(&self) -> String {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("t{}", COUNT.fetch_add(1, Ordering::SeqCst));
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
            .unwrap();
        name
    }

    /// Drops a database made by [`Server::new_database`], whoever is still connected: the
    /// suite makes hundreds, and a machine's disk is not always large.
    pub fn drop_database(&self, database: &str) {
        if let Ok(mut admin) = postgres::Client::connect(
            &format!(
                "host=127.0.0.1 port={} user=postgres dbname=postgres",
                self.port
            ),
            postgres::NoTls,
        ) {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"));
        }
    }

    /// The URL authctl is given for `database`, over TCP without TLS.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgresql://postgres@127.0.0.1:{}/{database}?sslmode=disable",
            self.port
        )
    }

    /// A program of the server's (`pg_dump`, `psql`).
    pub fn program(&self, name: &str) -> Command {
        Command::new(self.bin.join(name))
    }
}
