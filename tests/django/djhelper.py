"""Runs real Django for authctl's interoperability tests.

Usage: python djhelper.py ACTION < request.json > response.json
Every request is a JSON object; `database` (optional) is the SQLite file Django should use, or a
`postgresql://user@host:port/name` URL,
`secret_key` its SECRET_KEY and `costs` (always sent by the tests, from their one cheap-cost
setting) the hash costs: `{"argon2": {"memory_cost": 64, ...}, "pbkdf2_sha256": {"iterations":
100}, ...}`, authctl's setting sections holding Django's hasher attribute names. Django hashes
with subclasses of its hashers at those costs. The answer is whatever Django computed, as JSON.
"""

import json
import sys

import django
from django.conf import settings

ALL_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]

# The cost attributes of Django's hashers, by algorithm.
COSTS = {
    "pbkdf2_sha256": ["iterations"],
    "pbkdf2_sha1": ["iterations"],
    "argon2": ["time_cost", "memory_cost", "parallelism"],
    "bcrypt_sha256": ["rounds"],
    "bcrypt": ["rounds"],
    "scrypt": ["work_factor", "block_size", "parallelism"],
    "md5": [],
}


def authctl_section(algorithm):
    """authctl's setting section for an algorithm's costs: both bcrypts share `bcrypt`."""
    return "bcrypt" if algorithm == "bcrypt_sha256" else algorithm


def cheap_hashers(costs):
    """ALL_HASHERS, each as a subclass with the requested costs, for PASSWORD_HASHERS."""
    from django.utils.module_loading import import_string

    module = sys.modules[__name__]
    names, used = [], set()
    for dotted in ALL_HASHERS:
        base = import_string(dotted)
        section = authctl_section(base.algorithm)
        attributes = costs.get(section, {})
        unknown = set(attributes) - set(COSTS[base.algorithm])
        assert not unknown, "%s has no costs %s" % (base.__name__, unknown)
        used.add(section)
        cheap = type("Cheap" + base.__name__, (base,), dict(attributes))
        setattr(module, cheap.__name__, cheap)
        names.append("%s.%s" % (__name__, cheap.__name__))
    assert used >= set(costs), "costs for no hasher: %s" % (set(costs) - used)
    return names


def database_setting(database):
    """Django's DATABASES["default"] for a SQLite file or a PostgreSQL URL."""
    if not database.startswith(("postgres://", "postgresql://")):
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": database}
    from urllib.parse import unquote, urlsplit

    url = urlsplit(database)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(url.path.lstrip("/")),
        "HOST": url.hostname,
        "PORT": url.port or 5432,
        "USER": unquote(url.username or ""),
        "PASSWORD": unquote(url.password or ""),
        "OPTIONS": {"sslmode": "disable"},
    }


def configure(request):
    settings.configure(
        SECRET_KEY=request.get("secret_key", "authctl-tests-secret-key"),
        SECRET_KEY_FALLBACKS=request.get("secret_key_fallbacks", []),
        DATABASES={"default": database_setting(request.get("database", ":memory:"))},
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.admin",
            "django.contrib.messages",
        ],
        PASSWORD_HASHERS=cheap_hashers(request["costs"]),
        AUTH_PASSWORD_VALIDATORS=[
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        USE_TZ=True,
        # Django's token timestamps come from the process's local clock; UTC is what authctl uses.
        TIME_ZONE="UTC",
        PASSWORD_RESET_TIMEOUT=request.get("password_reset_timeout", 259200),
    )
    django.setup()


def hasher_defaults(request):
    """Django's own default costs, read from its hasher classes (nothing is hashed)."""
    from django.utils.module_loading import import_string

    out = {}
    for dotted in ALL_HASHERS:
        hasher = import_string(dotted)
        if COSTS[hasher.algorithm]:
            out[hasher.algorithm] = {name: getattr(hasher, name) for name in COSTS[hasher.algorithm]}
    return out


def hash_passwords(request):
    from django.contrib.auth.hashers import make_password

    return [
        {"password": p, "hasher": h, "encoded": make_password(p, hasher=h)}
        for p in request["passwords"]
        for h in request["algorithms"]
    ]


def check_passwords(request):
    from django.contrib.auth.hashers import check_password, identify_hasher

    out = []
    for item in request["items"]:
        matches = check_password(item["password"], item["encoded"])
        preferred = identify_hasher(item["encoded"]) if matches else None
        out.append(
            {
                "matches": matches,
                "must_update": bool(preferred and preferred.must_update(item["encoded"])),
            }
        )
    return out


def validate(request):
    from django.contrib.auth.models import User
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    out = []
    for item in request["items"]:
        user = User(
            username=item.get("username", ""),
            email=item.get("email", ""),
            first_name=item.get("first_name", ""),
            last_name=item.get("last_name", ""),
        )
        try:
            validate_password(item["password"], user)
            out.append([])
        except ValidationError as err:
            out.append(list(err.messages))
    return out


def check_fields(request):
    from django.contrib.auth.models import User
    from django.core.exceptions import ValidationError

    def errors(field, value):
        try:
            User._meta.get_field(field).clean(value, None)
            return []
        except ValidationError as err:
            return list(err.messages)

    return {
        "usernames": [errors("username", u) for u in request["usernames"]],
        "emails": [errors("email", e) for e in request["emails"]],
        "normalized_emails": [User.objects.normalize_email(e) for e in request["emails"]],
    }


def migrate(request):
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return {"ok": True}


def migrate_apps(request):
    """Only the named apps' migrations (and what they depend on)."""
    from django.core.management import call_command

    for app in request["apps"]:
        call_command("migrate", app, verbosity=0, interactive=False)
    return {"ok": True}


def create_superuser(request):
    import os

    from django.core.management import call_command

    os.environ["DJANGO_SUPERUSER_PASSWORD"] = request["password"]
    call_command(
        "createsuperuser",
        interactive=False,
        username=request["username"],
        email=request["email"],
        verbosity=0,
    )
    return {"ok": True}


def create_users(request):
    """Users written by Django's ORM behind authctl's back, then Django's own case-insensitive
    look-ups (`iexact`, as its forms and reset view make them) of the names asked about."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for user in request.get("users", []):
        User.objects.create_user(user["username"], user.get("email", ""), user["password"])
    for rename in request.get("renames", []):
        user = User.objects.get(username=rename["from"])
        user.username = rename["to"]
        user.email = rename.get("email", user.email)
        user.save()
    found = {
        name: list(User.objects.filter(username__iexact=name).values_list("username", flat=True))
        for name in request.get("lookups", [])
    }
    return {"found": found}


def project(request):
    """A Django project's database: migrated, with a superuser made by Django's createsuperuser."""
    migrate(request)
    return create_superuser(request)


def authenticate(request):
    from django.contrib.auth import authenticate as django_authenticate
    from django.contrib.auth.models import User

    user = django_authenticate(username=request["username"], password=request["password"])
    row = User.objects.filter(username=request["username"]).first()
    return {
        "authenticated": user is not None,
        "password": row.password if row else None,
        "is_superuser": bool(row and row.is_superuser),
        "is_staff": bool(row and row.is_staff),
    }


def session_auth_hash(request):
    from django.contrib.auth.models import User

    return {"hash": User.objects.get(username=request["username"]).get_session_auth_hash()}


def set_password(request):
    from django.contrib.auth.models import User

    user = User.objects.get(username=request["username"])
    user.set_password(request["password"])
    user.save()
    return {"ok": True}


def delete_user(request):
    """Django's own DELETE of a user row, on its connection (the ORM's collector would also
    visit the admin's log, which a database authctl made has no table for)."""
    from django.contrib.auth.models import User

    users = User.objects.filter(username=request["username"])
    return {"deleted": users._raw_delete(users.db)}


def tokens(request):
    """Django's PasswordResetTokenGenerator for unsaved users at given moments (UTC)."""
    from datetime import datetime

    from django.contrib.auth.models import User
    from django.contrib.auth.tokens import PasswordResetTokenGenerator

    def user(spec):
        last_login = spec["last_login"]
        return User(
            pk=spec["id"],
            password=spec["password"],
            email=spec["email"],
            last_login=datetime.fromisoformat(last_login) if last_login else None,
        )

    def generator(now):
        class At(PasswordResetTokenGenerator):
            def _now(self):
                return datetime.fromisoformat(now)

        return At()

    made = [generator(m["now"]).make_token(user(m["user"])) for m in request["make"]]
    checked = [generator(c["now"]).check_token(user(c["user"]), c["token"]) for c in request["check"]]
    return {"made": made, "checked": checked}


def db_make_token(request):
    from django.contrib.auth.models import User
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = User.objects.get(username=request["username"])
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


def db_check_token(request):
    from django.contrib.auth.models import User
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.http import urlsafe_base64_decode

    pk = urlsafe_base64_decode(request["uidb64"]).decode()
    user = User.objects.get(pk=pk)
    return {"valid": default_token_generator.check_token(user, request["token"])}


def access(request):
    """Django's own answers about a user's groups and permissions (ModelBackend)."""
    from django.contrib.auth.models import User

    user = User.objects.get(username=request["username"])
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "all_permissions": sorted(user.get_all_permissions()),
        "has": {perm: user.has_perm(perm) for perm in request.get("check", [])},
    }


def grant_in_django(request):
    """Sets up groups and permissions through Django's ORM, as an admin or migration would:
    `permissions` to create ({app_label, model, codename, name}), `groups` ({name, permissions,
    members}) and `user_permissions` ({username: [perm, ...]})."""
    from django.contrib.auth.models import Group, Permission, User
    from django.contrib.contenttypes.models import ContentType

    def permission(key):
        app_label, codename = key.split(".", 1)
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for spec in request.get("permissions", []):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=spec["app_label"], model=spec["model"]
        )
        Permission.objects.get_or_create(
            content_type=content_type, codename=spec["codename"], defaults={"name": spec["name"]}
        )
    for spec in request.get("groups", []):
        group, _ = Group.objects.get_or_create(name=spec["name"])
        group.permissions.add(*[permission(p) for p in spec.get("permissions", [])])
        for username in spec.get("members", []):
            User.objects.get(username=username).groups.add(group)
    for username, perms in request.get("user_permissions", {}).items():
        User.objects.get(username=username).user_permissions.add(*[permission(p) for p in perms])
    return {"ok": True}


def permission_rows(request):
    """Every auth_permission row as Django's ORM reads it."""
    from django.contrib.auth.models import Permission

    return [
        [p.id, p.content_type.app_label, p.content_type.model, p.codename, p.name]
        for p in Permission.objects.order_by("id")
    ]


ACTIONS = {
    "access": access,
    "create_users": create_users,
    "grant_in_django": grant_in_django,
    "permission_rows": permission_rows,
    "hasher_defaults": hasher_defaults,
    "hash": hash_passwords,
    "check": check_passwords,
    "validate": validate,
    "fields": check_fields,
    "migrate": migrate,
    "migrate_apps": migrate_apps,
    "project": project,
    "authenticate": authenticate,
    "session_auth_hash": session_auth_hash,
    "set_password": set_password,
    "delete_user": delete_user,
    "tokens": tokens,
    "db_make_token": db_make_token,
    "db_check_token": db_check_token,
}

if __name__ == "__main__":
    request = json.load(sys.stdin)
    configure(request)
    json.dump(ACTIONS[sys.argv[1]](request), sys.stdout)
