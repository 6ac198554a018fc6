"""authctl's benchmark: every figure a ratio of two things measured side by side in one run.

    benches/scale [--users N] [--rows N] [--repeat N] [--no-postgres]

Prints the machine it ran on, then one table per question:

- single-user commands on a database of N users against the same on a database of 1 user
  (SQLite, and PostgreSQL when its server binaries are installed);
- `users import` of pre-hashed rows against a bare bulk insert of the same rows into the same
  kind of database (Python's sqlite3 `executemany`, psycopg `executemany`), and Django's
  `bulk_create`, with authctl's peak memory;
- `users import` of plain passwords on every core against one core's rate;
- the floor: `verify` of a 1-iteration hash against the same pipe into /bin/true;
- argon2 at Django's parameters: a whole `verify` process against argon2-cffi's in-process
  `verify` of the same hash, and Django's `check_password` against `verify` for pbkdf2.

Speed is measured here, never in the tests. Run it on a quiet machine.
"""

import argparse
import base64
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AUTHCTL = ROOT / "target" / "release" / "authctl"
PASSWORD = "bench password 1"
SECRET = "a benchmark secret key that is long enough 0123456789"


def pbkdf2(password, iterations, salt="benchsalt"):
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return f"pbkdf2_sha256${iterations}${salt}${base64.b64encode(digest).decode()}"


def run(argv, env=None, stdin=b""):
    """Seconds and peak memory (KiB) of one process, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        proc.stdin.write(stdin)
        proc.stdin.close()
    except BrokenPipeError:
        pass  # `/bin/true` need not read what it is given
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{argv} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return seconds, usage.ru_maxrss


def side_by_side(a, b, repeat):
    """Medians of `a()` and `b()`, run alternately so that drift hits both alike."""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(a())
        tb.append(b())
    return statistics.median(ta), statistics.median(tb)


def hardware():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) // 1024} MiB"
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory} RAM; {platform.system()} "
        f"{platform.release()}; SQLite {sqlite3.sqlite_version} (Python's), Python "
        f"{platform.python_version()}"
    )


class Site:
    """An authctl database (SQLite file or PostgreSQL URL) with its environment."""

    def __init__(self, workdir, name, database):
        self.dir = Path(workdir) / name
        self.dir.mkdir(parents=True, exist_ok=True)
        config = self.dir / "config.toml"
        config.write_text(
            f'secret_key = "{SECRET}"\n[email]\nbackend = "file"\nfile_dir = "{self.dir}/mail"\n'
            'sender = "cron"\n'
        )
        self.database = database
        self.env = dict(
            os.environ,
            AUTHCTL_DATABASE=database,
            AUTHCTL_CONFIG=str(config),
            AUTHCTL_SESSION_FILE=str(self.dir / "session"),
            AUTHCTL_HASHER="pbkdf2_sha256",
            AUTHCTL_PBKDF2_SHA256_ITERATIONS="1",
            DJANGO_SUPERUSER_PASSWORD=PASSWORD,
            RUST_BACKTRACE="0",
        )

    def authctl(self, *args, stdin=b"", env=None):
        return run([str(AUTHCTL), *args], {**self.env, **(env or {})}, stdin)


def user_row(i, hash_):
    name = f"user{i:07d}"
    return {
        "username": name,
        "email": f"{name}@example.com",
        "first_name": "First",
        "last_name": "Last",
        "password_hash": hash_,
    }


def write_rows(path, n, hash_):
    with open(path, "w") as f:
        for i in range(1, n + 1):
            f.write(json.dumps(user_row(i, hash_)) + "\n")


COLUMNS = "password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined"


def values(row):
    return (
        row["password_hash"], False, row["username"], row["first_name"], row["last_name"],
        row["email"], False, True, "2026-12-07 00:00:00",
    )


def bare_insert_sqlite(path, rows_file):
    conn = sqlite3.connect(path)
    with open(rows_file) as f:
        rows = (values(json.loads(line)) for line in f)
        conn.executemany(f"INSERT INTO auth_user ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.close()


def bare_insert_postgres(url, rows_file):
    import psycopg

    with psycopg.connect(url) as conn, open(rows_file) as f:
        rows = [values(json.loads(line)) for line in f]
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO auth_user ({COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)", rows
            )


def populate(site, n, hash_, postgres):
    """`n` users (user0000001…), or with 0 one named `seed`: authctl makes the database and the
    first, a bulk insert the rest."""
    first = "user0000001" if n else "seed"
    site.authctl(
        "signup", "--username", first, "--email", f"{first}@example.com",
        "--password-stdin", stdin=PASSWORD.encode() + b"\n",
    )
    # The first write adds authctl's tables and indexes; the rows below go through them.
    site.authctl("verify", "--username", first, "--password-stdin",
                 stdin=PASSWORD.encode() + b"\n")
    if n <= 1:
        return
    rows = ((values(user_row(i, hash_))) for i in range(2, n + 1))
    if postgres:
        import psycopg

        with psycopg.connect(site.database) as conn, conn.cursor() as cur:
            with cur.copy(f"COPY auth_user ({COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        with psycopg.connect(site.database, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE auth_user")
    else:
        conn = sqlite3.connect(site.database)
        conn.executemany(f"INSERT INTO auth_user ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()


def single_user_commands(small, big, repeat, hash_):
    """(command, seconds on 1 user, seconds on N users) for each single-user command."""
    pw = PASSWORD.encode() + b"\n"
    counter = iter(range(10**9))

    def fresh():
        return f"new{next(counter):08d}"

    def cmd(site, kind):
        name = fresh()
        row = json.dumps({"username": name, "password_hash": hash_}).encode() + b"\n"
        return {
            "signup": lambda: site.authctl("signup", "--username", name, "--email",
                                           f"{name}@example.com", "--password-stdin", stdin=pw),
            "createsuperuser": lambda: site.authctl("createsuperuser", "--no-input",
                                                    "--username", name, "--email",
                                                    f"{name}@example.com"),
            "verify": lambda: site.authctl("verify", "--username", "user0000001",
                                           "--password-stdin", stdin=pw),
            "login": lambda: site.authctl("login", "--username", "user0000001",
                                          "--password-stdin", stdin=pw),
            "reset-request": lambda: site.authctl("reset-request", "--email",
                                                  "user0000001@example.com"),
            "users show": lambda: site.authctl("users", "show", "user0000001"),
            "users set": lambda: site.authctl("users", "set", "user0000001",
                                              "--first-name", name),
            "users import (1 row)": lambda: site.authctl("users", "import", "-", "--format",
                                                         "jsonl", stdin=row),
        }[kind]()

    kinds = ["signup", "createsuperuser", "verify", "login", "reset-request", "users show",
             "users set", "users import (1 row)"]
    results = []
    for kind in kinds:
        a, b = side_by_side(lambda: cmd(small, kind)[0], lambda: cmd(big, kind)[0], repeat)
        results.append((kind, a, b))
    return results


def table(title, header, rows):
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def start_postgres(workdir):
    """A throwaway server on 127.0.0.1, or None when the binaries are not installed."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not bins:
        return None, None
    bindir = bins[-1].parent
    data = Path(workdir) / "pg"
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
    subprocess.run([*as_postgres, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                   check=True, stdout=subprocess.DEVNULL, cwd="/")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(data / "postgresql.conf", "a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {port}\n"
                f"unix_socket_directories = '{data}'\n")
    subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-l",
                    str(data / "log"), "-w", "start"], check=True, stdout=subprocess.DEVNULL,
                   cwd="/")

    def stop():
        subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                        "stop"], stdout=subprocess.DEVNULL, cwd="/")

    return port, stop


def createdb(port, name):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@127.0.0.1:{port}/{name}"


def plain_rows(args, workdir):
    """Import throughput with plain passwords on all cores against one core's."""
    iterations = 100_000
    n = 16 * (os.cpu_count() or 1)
    rows_file = Path(workdir) / "plain.csv"
    rows_file.write_text(
        "username,password\n" + "".join(f"plain{i:05d},a long plain password {i}\n" for i in range(n))
    )
    times = {}
    for label, prefix in (("one core", ["taskset", "-c", "0"]), ("all cores", [])):
        site = Site(workdir, f"plain-{label.replace(' ', '-')}", str(Path(workdir) / f"plain-{label[0]}.sqlite3"))
        populate(site, 0, "", postgres=False)
        env = {**site.env, "AUTHCTL_PBKDF2_SHA256_ITERATIONS": str(iterations)}
        times[label] = run([*prefix, str(AUTHCTL), "users", "import", str(rows_file)], env)[0]
    cores = os.cpu_count() or 1
    share = times["one core"] / (cores * times["all cores"])
    table(
        f"`users import` of {n} plain passwords (pbkdf2_sha256, {iterations:,} iterations): "
        f"all {cores} cores against one (target: at least 0.90 of {cores} × one core's rate)",
        ["one core", f"{cores} cores", "rows/s on one", f"rows/s on {cores}", "share of ideal"],
        [(f"{times['one core']:.2f} s", f"{times['all cores']:.2f} s",
          f"{n / times['one core']:.1f}", f"{n / times['all cores']:.1f}", f"{share:.2f}")],
    )


def floor_and_hashers(args, workdir):
    """`verify` against `/bin/true`; argon2 and pbkdf2 at Django's costs against Python."""
    pw = PASSWORD.encode() + b"\n"
    site = Site(workdir, "floor", str(Path(workdir) / "floor.sqlite3"))
    populate(site, 1, "", postgres=False)
    verify = lambda env=None: site.authctl("verify", "--username", "user0000001",  # noqa: E731
                                           "--password-stdin", stdin=pw, env=env)[0]
    true = lambda: run(["/bin/true"], stdin=pw)[0]  # noqa: E731
    # The floor as a script meets it: a shell pipeline, `printf … | authctl verify …`, against
    # the same pipeline into /bin/true (both pay for the shell and printf).
    line = f"printf '%s\\n' '{PASSWORD}' | "
    piped = lambda tail: lambda: run(["sh", "-c", line + tail], env=site.env)[0]  # noqa: E731
    verify_command = f"{AUTHCTL} verify --username user0000001 --password-stdin"
    a, b = side_by_side(piped(verify_command), piped("/bin/true"), args.repeat * 3)
    rows = [("`printf` piped into `authctl verify`, 1-iteration pbkdf2, 1-user database",
             "`printf` piped into `/bin/true`", ms(a), ms(b), f"{a / b:.2f}", "2.0")]
    # The process alone, its input written by this script: what is left once the shell's share
    # is taken out.
    a, b = side_by_side(verify, true, args.repeat * 3)
    rows.append(("`verify` process alone, the same", "`/bin/true` fed the same input",
                 ms(a), ms(b), f"{a / b:.2f}", ""))
    # The same users at Django's own costs: re-hashed through `users set-password`.
    import argon2
    from django.conf import settings

    settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
    from django.contrib.auth.hashers import check_password, make_password

    for algorithm, env, reference, label in (
        ("argon2", {"AUTHCTL_HASHER": "argon2"}, None, "argon2-cffi `PasswordHasher.verify`, in process"),
        ("pbkdf2_sha256", {"AUTHCTL_PBKDF2_SHA256_ITERATIONS": "1000000"}, None,
         "Django 5.2 `check_password`, in process"),
    ):
        env = {**env, "AUTHCTL_ARGON2_MEMORY_COST": "102400", "AUTHCTL_ARGON2_TIME_COST": "2",
               "AUTHCTL_ARGON2_PARALLELISM": "8"}
        site.authctl("users", "set-password", "user0000001", "--password-stdin", stdin=pw, env=env)
        encoded = sqlite3.connect(site.database).execute(
            "SELECT password FROM auth_user WHERE username = 'user0000001'").fetchone()[0]
        assert encoded.startswith(algorithm + "$"), encoded
        if algorithm == "argon2":
            hasher = argon2.PasswordHasher(time_cost=2, memory_cost=102400, parallelism=8)
            phc = encoded[len("argon2"):]

            def reference():
                t = time.perf_counter()
                hasher.verify(phc, PASSWORD)
                return time.perf_counter() - t
        else:
            assert check_password(PASSWORD, encoded)

            def reference():
                t = time.perf_counter()
                check_password(PASSWORD, encoded)
                return time.perf_counter() - t
        a, b = side_by_side(lambda: verify(env), reference, args.repeat)
        target = "1.00" if algorithm == "argon2" else "—"
        rows.append((f"`verify` process, {algorithm} at Django's costs", label, ms(a), ms(b),
                     f"{a / b:.2f}", target))
    del make_password
    table(
        "Whole `verify` processes against the floor and the references "
        f"(median of {args.repeat} or more)",
        ["authctl", "against", "authctl", "reference", "ratio", "target"],
        rows,
    )


def django_bulk_create(args, workdir, rows_file, import_rows):
    """Django's `bulk_create` of the same rows into a fresh SQLite database, beside authctl."""
    code = f"""
import json, sys, time, django
from django.conf import settings
settings.configure(DATABASES={{"default": {{"ENGINE": "django.db.backends.sqlite3",
    "NAME": sys.argv[1]}}}}, INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    USE_TZ=True)
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
t = time.perf_counter()
with open(sys.argv[2]) as f:
    users = [User(username=r["username"], email=r["email"], first_name=r["first_name"],
                  last_name=r["last_name"], password=r["password_hash"])
             for r in map(json.loads, f)]
User.objects.bulk_create(users, batch_size=10000)
print(time.perf_counter() - t)
"""
    out = subprocess.run([sys.executable, "-c", code, str(Path(workdir) / "django.sqlite3"),
                          str(rows_file)], check=True, capture_output=True, text=True)
    django_seconds = float(out.stdout.strip())
    ours = float(import_rows[0][1].split()[0])
    table(
        f"`users import` against Django's `bulk_create` (batches of 10,000, no validation) of "
        f"the same {args.rows:,} rows into SQLite",
        ["authctl import", "Django bulk_create", "ratio"],
        [(f"{ours:.2f} s", f"{django_seconds:.2f} s", f"{ours / django_seconds:.2f}")],
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--parts", default="commands,import,plain,floor,django",
                        help="which tables to make (comma-separated; django needs import)")
    args = parser.parse_args()
    print(f"authctl benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"machine: {hardware()}")
    cheap = pbkdf2(PASSWORD, 1)
    workdir = tempfile.mkdtemp(prefix="authctl-bench-")
    os.chmod(workdir, 0o755)
    port, stop = (None, None) if args.no_postgres else start_postgres(workdir)
    try:
        backends = [("SQLite", None)] + ([("PostgreSQL", port)] if port else [])
        parts = set(args.parts.split(","))
        # 1. Single-user commands: 1 user against N users.
        for backend, pg in backends if "commands" in parts else []:
            sites = []
            for label, n in (("one", 1), ("many", args.users)):
                database = (createdb(pg, label) if pg else str(Path(workdir) / f"{label}.sqlite3"))
                site = Site(workdir, f"{backend}-{label}", database)
                t = time.perf_counter()
                populate(site, n, cheap, postgres=bool(pg))
                sites.append(site)
                print(f"({backend}: {n:,} users made in {time.perf_counter() - t:.1f} s)")
            results = single_user_commands(sites[0], sites[1], args.repeat, cheap)
            table(
                f"Single-user commands on {backend}, 1 user against {args.users:,} "
                f"(pbkdf2 at 1 iteration; median of {args.repeat}; target ratio at most 1.2)",
                ["command", "1 user", f"{args.users:,} users", "ratio"],
                [(k, ms(a), ms(b), f"{b / a:.2f}") for k, a, b in results],
            )
        # 2. Import against a bare insert.
        rows_file = Path(workdir) / "rows.jsonl"
        write_rows(rows_file, args.rows, cheap)
        import_rows = []
        for backend, pg in backends if "import" in parts else []:
            def fresh(label):
                database = createdb(pg, label) if pg else str(Path(workdir) / f"{label}.sqlite3")
                site = Site(workdir, f"{backend}-{label}", database)
                populate(site, 0, cheap, postgres=bool(pg))
                return site

            site = fresh("imported")
            t_import, rss = site.authctl("users", "import", str(rows_file))
            bare = fresh("bare")
            t = time.perf_counter()
            (bare_insert_postgres if pg else bare_insert_sqlite)(bare.database, rows_file)
            t_bare = time.perf_counter() - t
            import_rows.append((backend, f"{t_import:.2f} s", f"{rss // 1024} MB",
                                f"{t_bare:.2f} s", f"{t_import / t_bare:.2f}"))
        if import_rows:
            table(
                f"`users import` of {args.rows:,} pre-hashed rows (JSON Lines) against a bare "
                "bulk insert of the same rows (JSON parsing included; target ratio at most 1.5, "
                "peak memory under 100 MB)",
                ["database", "authctl import", "peak memory", "bare insert", "ratio"],
                import_rows,
            )
        # 3. Plain passwords: every core against one.
        if "plain" in parts:
            plain_rows(args, workdir)
        # 4. The floor, and argon2 and pbkdf2 at Django's costs against the references.
        if "floor" in parts:
            floor_and_hashers(args, workdir)
        # 5. Django's bulk_create of the same rows.
        if "django" in parts and import_rows:
            django_bulk_create(args, workdir, rows_file, import_rows)
    finally:
        if stop:
            stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
