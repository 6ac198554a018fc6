"""Reads a Django project's settings for `authctl config from-django`.

authctl runs this file with the project's own Python (`python -c SCRIPT` or the script on
standard input), in the project's directory and with DJANGO_SETTINGS_MODULE set. It loads the
project the way `manage.py` does (`django.setup()`), looks at what authctl needs to share the
project's users, and prints one JSON object on standard output. Nothing is written, nothing is
hashed and the database is never opened: reading settings must be safe on a production host.

The expected ways to fail (no Django, no settings module, settings that raise) are answered with
`{"error": KIND, "message": SENTENCE}` and exit status 0, so authctl can tell the user what went
wrong in one sentence instead of showing a traceback. Secrets other than the SECRET_KEY (which
authctl needs to make and check reset tokens) never appear in the output: the database and mail
passwords are reported only as present or absent.

Written for Python 3.9+ with the standard library and Django only.
"""

import contextlib
import importlib
import json
import os
import sys

# Cost attributes of Django's hashers (and of subclasses that change them). Each is reported when
# the hasher instance has it, so a project's own subclass with other costs is described truly.
HASHER_COSTS = (
    "iterations",
    "time_cost",
    "memory_cost",
    "parallelism",
    "rounds",
    "work_factor",
    "block_size",
)

# Django's own engines under the short names authctl uses; any other engine is passed on as its
# dotted path so authctl can name it when refusing it.
ENGINES = {
    "django.db.backends.sqlite3": "sqlite",
    "django.db.backends.postgresql": "postgresql",
    # The pre-3.0 name, still accepted by some third-party forks.
    "django.db.backends.postgresql_psycopg2": "postgresql",
}


class Failure(Exception):
    """An expected failure, answered as {"error": kind, "message": message}."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


def describe(exc):
    """`ClassName: message` for an exception, on one line."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return "%s: %s" % (name, text) if text else name


def jsonable(value):
    """`value` if JSON can hold it as it is, else its repr() (settings may hold any object)."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


def optional_int(value):
    """An int from an int or a digit string (PORT is often "5432"); None for "" or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def optional_str(value):
    """A string, with Django's "" for "not set" made None; paths become strings."""
    if value is None or value == "":
        return None
    return os.fspath(value) if hasattr(value, "__fspath__") else str(value)


def load_project():
    """Imports Django and the settings module and runs django.setup(), or raises Failure."""
    # `python -c` and `python -` put "" (the cwd) first on sys.path, but `-I` and `-P` do not;
    # the project's packages must be importable either way, as they are for manage.py.
    cwd = os.getcwd()
    if cwd not in sys.path:
        sys.path.insert(0, cwd)

    try:
        import django
    except ImportError as exc:
        raise Failure(
            "no-django",
            "Django cannot be imported by %s (%s); give the project's Python with --python."
            % (sys.executable, describe(exc)),
        )

    module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if not module:
        raise Failure(
            "no-settings",
            "DJANGO_SETTINGS_MODULE is not set, so there is no settings module to read.",
        )
    # Import the settings module before Django does, so that a module that is not there (a
    # wrong name, or the wrong directory) is told apart from settings that fail in other ways.
    # An ImportError raised inside the module (a package it needs is missing) is also a
    # settings module that cannot be imported, and its text says which package.
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise Failure(
            "no-settings",
            "The settings module %r cannot be imported from %s: %s."
            % (module, cwd, describe(exc)),
        )
    except Exception as exc:
        raise Failure(
            "setup-failed",
            "The settings module %r raised %s." % (module, describe(exc)),
        )

    try:
        django.setup()
    except Exception as exc:
        raise Failure(
            "setup-failed",
            "Django's setup failed for %r: %s." % (module, describe(exc)),
        )
    return django, module


def secret_key(settings):
    # Django 5 raises ImproperlyConfigured when SECRET_KEY is read while empty.
    try:
        return settings.SECRET_KEY or None
    except Exception:
        return None


def database(settings):
    db = settings.DATABASES.get("default", {})
    # No ENGINE (no DATABASES at all) leaves the engine unknown.
    dotted = db.get("ENGINE") or None
    engine = ENGINES.get(dotted, dotted)
    name = db.get("NAME")
    if engine == "sqlite" and name is not None:
        name = os.fspath(name)
        # SQLite opens a relative NAME from the process's directory; authctl runs elsewhere.
        # In-memory databases and `file:` URIs are left as they are.
        if name and name != ":memory:" and not name.startswith("file:"):
            name = os.path.abspath(name)
    else:
        name = optional_str(name)

    options = {}
    has_password = bool(db.get("PASSWORD"))
    for key, value in (db.get("OPTIONS") or {}).items():
        # libpq takes a password (and sslpassword) in OPTIONS too: never print one.
        if "password" in str(key).lower():
            has_password = has_password or bool(value)
            continue
        # Only plain values mean something to authctl (sslmode, connect_timeout, ...); pools,
        # callables and nested settings are Django's business.
        if isinstance(value, (str, int, bool)):
            options[str(key)] = value

    return {
        "engine": engine,
        "name": name,
        "host": optional_str(db.get("HOST")),
        "port": optional_int(db.get("PORT")),
        "user": optional_str(db.get("USER")),
        "has_password": has_password,
        "options": options,
    }


def hashers(settings):
    # One entry per PASSWORD_HASHERS item, each loaded on its own: get_hashers() would fail as a
    # whole on one bad entry, and authctl needs to know which one is bad.
    from django.utils.module_loading import import_string

    out = []
    for path in settings.PASSWORD_HASHERS:
        entry = {"path": path, "algorithm": None, "params": {}}
        try:
            hasher = import_string(path)()
            # A hasher whose library is missing (argon2-cffi, bcrypt) imports fine but fails
            # on first use; loading the library (without hashing) finds that out now.
            if getattr(hasher, "library", None) is not None:
                hasher._load_library()
            algorithm = getattr(hasher, "algorithm", None)
            if not algorithm:
                raise ValueError("the hasher has no algorithm attribute")
        except Exception as exc:
            entry["error"] = describe(exc)
            out.append(entry)
            continue
        entry["algorithm"] = algorithm
        for name in HASHER_COSTS:
            value = getattr(hasher, name, None)
            if isinstance(value, int) and not isinstance(value, bool):
                entry["params"][name] = value
        out.append(entry)
    return out


def validators(settings):
    return [
        {
            "path": item.get("NAME"),
            "options": {
                str(k): jsonable(v) for k, v in (item.get("OPTIONS") or {}).items()
            },
        }
        for item in settings.AUTH_PASSWORD_VALIDATORS
    ]


def email(settings):
    return {
        "backend": settings.EMAIL_BACKEND,
        "host": settings.EMAIL_HOST,
        "port": optional_int(settings.EMAIL_PORT),
        "host_user": settings.EMAIL_HOST_USER,
        "has_host_password": bool(settings.EMAIL_HOST_PASSWORD),
        "use_tls": bool(settings.EMAIL_USE_TLS),
        "use_ssl": bool(settings.EMAIL_USE_SSL),
        "timeout": optional_int(settings.EMAIL_TIMEOUT),
        # Only the file backend's setting, absent from Django's global defaults.
        "file_path": optional_str(getattr(settings, "EMAIL_FILE_PATH", None)),
    }


def reset_path():
    """The password reset confirmation path with {uidb64} and {token} in it, or None."""
    from django.urls import reverse

    # Placeholders that the converters of Django's own pattern (`<uidb64>/<token>`) accept,
    # then ones shaped like a real uid and token for projects that copied the old regex
    # patterns (a token there must contain a dash).
    candidates = [
        ("UIDB64X", "TOKENX"),
        ("MQ", "c0ffee-0123456789abcdef0123456789abcdef"),
    ]
    for uid, token in candidates:
        try:
            path = reverse(
                "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
            )
        except Exception:
            # NoReverseMatch, or a URLconf that fails to import: not reversible.
            continue
        if path.count(uid) == 1 and path.count(token) == 1:
            return path.replace(uid, "{uidb64}").replace(token, "{token}")
    return None


def json_default(value):
    """A field default as JSON: plain values as they are; decimals, dates, times and UUIDs as
    the text Django stores for them; anything else as None."""
    import datetime
    import decimal
    import uuid

    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        # SQLite keeps Django's UUIDs as 32 hex digits; PostgreSQL reads them too.
        return value.hex
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return None
    return value


def field(f):
    has_default = f.has_default()
    default = f.default if has_default else None
    default_is_callable = has_default and callable(default)
    return {
        "name": f.name,
        "column": f.column,
        # Django's prompts and messages name a field by it.
        "verbose_name": str(f.verbose_name),
        "type": f.get_internal_type(),
        "max_length": f.max_length,
        "null": bool(f.null),
        "unique": bool(f.unique),
        "primary_key": bool(f.primary_key),
        "default": None if default_is_callable else json_default(default),
        "default_is_callable": default_is_callable,
        "has_default": has_default,
    }


def user_model():
    from django.contrib.auth import get_user_model

    model = get_user_model()
    meta = model._meta
    # The fields stored in the model's own table: with multi-table inheritance the parent's
    # fields live in the parent's table, so local_concrete_fields, not concrete_fields.
    fields = [field(f) for f in meta.local_concrete_fields]
    columns = {f["name"] for f in fields}
    # get_email_field_name() answers "email" even for a model without such a field, where
    # Django's own password reset form would fail; None says there is no address to use.
    email_field = model.get_email_field_name()
    return {
        "label": meta.label,
        "table": meta.db_table,
        "username_field": model.USERNAME_FIELD,
        "email_field": email_field if email_field in columns else None,
        "required_fields": list(model.REQUIRED_FIELDS),
        "fields": fields,
    }


def introspect():
    django, module = load_project()
    from django.conf import settings

    try:
        return {
            "django_version": django.get_version(),
            "settings_module": module,
            "secret_key": secret_key(settings),
            # SECRET_KEY_FALLBACKS is new in Django 4.1.
            "secret_key_fallbacks": [
                str(k) for k in getattr(settings, "SECRET_KEY_FALLBACKS", [])
            ],
            "database": database(settings),
            "hashers": hashers(settings),
            "validators": validators(settings),
            "password_reset_timeout": optional_int(settings.PASSWORD_RESET_TIMEOUT),
            "session_cookie_age": optional_int(settings.SESSION_COOKIE_AGE),
            "default_from_email": settings.DEFAULT_FROM_EMAIL,
            "email": email(settings),
            "time_zone": settings.TIME_ZONE,
            "use_tz": bool(settings.USE_TZ),
            "reset_path": reset_path(),
            "allowed_hosts": [str(h) for h in settings.ALLOWED_HOSTS],
            "user_model": user_model(),
        }
    except Exception as exc:
        # Settings that load but do not hold up (AUTH_USER_MODEL naming a model that is not
        # installed, a setting of the wrong type): still the project failing to set up.
        raise Failure(
            "setup-failed",
            "The settings of %r could not be read: %s." % (module, describe(exc)),
        )


def main():
    # Settings modules sometimes print (debugging, "using local settings"), from Python or
    # below it; that must not spoil the one JSON object authctl reads. While the project
    # loads, file descriptor 1 itself points at stderr, and the answer goes to the saved
    # original.
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    out = os.fdopen(saved, "w")
    with contextlib.redirect_stdout(sys.stderr):
        try:
            answer = introspect()
        except Failure as failure:
            answer = {"error": failure.kind, "message": failure.message}
        except SystemExit as exc:
            # A settings module that calls sys.exit() is a failed setup too, not an empty
            # answer.
            answer = {
                "error": "setup-failed",
                "message": "The project exited during setup (status %s)." % (exc.code,),
            }
    # str() is the last resort for a setting of an odd type: an answer, never a traceback.
    sys.stdout.flush()
    json.dump(answer, out, indent=1, default=str)
    out.write("\n")
    out.flush()


main()
