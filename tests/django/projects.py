"""Makes real Django projects on disk for authctl's tests.

Usage: python projects.py create < request.json > response.json

The request: {"dir": "/abs/path", "kind": "a"|"b"|"c"|"d", "database": SQLITE_FILE_OR_PG_URL,
"secret_key": "...", "costs": {...}, "package": "mysite" (optional), "venv_python": "..."
(optional: the Python that runs the project's manage.py, when it is not this one)}.

The project is what `django-admin startproject` leaves behind, edited the way a developer edits
it: an `accounts` app with a custom user model (kinds b-d), the auth URLs, password hashers and
validators chosen in settings.py. Its migrations come from Django's own makemigrations, then
migrate creates the tables. Kinds:

  a  the tutorial's project: Django's own auth.User, argon2 first in PASSWORD_HASHERS
  b  `class CustomUser(AbstractUser): pass`
  c  AbstractUser plus `age` (nullable) and `department` (NOT NULL, no default, required)
  d  AbstractBaseUser + PermissionsMixin, logging in by email, with `full_name` required

`costs` is djhelper's: authctl's setting sections holding Django's hasher attribute names
(`{"argon2": {"memory_cost": 64}, "bcrypt": {"rounds": 4}, ...}`); the project's hashers.py
subclasses Django's hashers at those costs so the tests stay fast.
"""

import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

KINDS = ("a", "b", "c", "d")

# Django's hashers as the project's hashers.py subclasses them: (class, algorithm, cost names).
HASHERS = [
    ("PBKDF2PasswordHasher", "pbkdf2_sha256", ("iterations",)),
    ("PBKDF2SHA1PasswordHasher", "pbkdf2_sha1", ("iterations",)),
    ("Argon2PasswordHasher", "argon2", ("time_cost", "memory_cost", "parallelism")),
    ("BCryptSHA256PasswordHasher", "bcrypt_sha256", ("rounds",)),
    ("BCryptPasswordHasher", "bcrypt", ("rounds",)),
    ("ScryptPasswordHasher", "scrypt", ("work_factor", "block_size", "parallelism")),
    ("MD5PasswordHasher", "md5", ()),
]


def section(algorithm):
    """authctl's setting section for an algorithm's costs: both bcrypts share `bcrypt`."""
    return "bcrypt" if algorithm == "bcrypt_sha256" else algorithm


def hasher_order(kind):
    """Algorithms in PASSWORD_HASHERS order: the tutorial project prefers argon2, as Django's
    documentation recommends; the others keep Django's default order."""
    algorithms = [algorithm for _, algorithm, _ in HASHERS]
    if kind == "a":
        algorithms.remove("argon2")
        algorithms.insert(0, "argon2")
    return algorithms


MANAGE_PY = '''\
#!/usr/bin/env python
"""The project's command-line entry point, as startproject writes it."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{package}.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Django is not importable; is the virtual environment active?"
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
'''

WSGI_PY = '''\
"""WSGI entry point of the {package} project."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{package}.settings")

application = get_wsgi_application()
'''

ASGI_PY = '''\
"""ASGI entry point of the {package} project."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{package}.settings")

application = get_asgi_application()
'''

URLS_PY = '''\
"""The {package} project's URLs: the admin, and Django's login, logout and password pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
]
'''

SETTINGS_PY = '''\
"""
Settings of the {package} project.

Started from `django-admin startproject {package}` (Django 5.2) and edited by hand.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = {secret_key}

DEBUG = True

ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
{apps}]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "{package}.urls"

TEMPLATES = [
    {{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {{
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        }},
    }},
]

WSGI_APPLICATION = "{package}.wsgi.application"

DATABASES = {{
    "default": {database}
}}
{user_model}
# Django's hashers at cheap costs (see hashers.py); the first one hashes new passwords.
PASSWORD_HASHERS = [
{hashers}]

AUTH_PASSWORD_VALIDATORS = [
    {{
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
    }},
    {{
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",{min_length}
    }},
    {{
        "NAME": "django.contrib.auth.password_validation.CommonPasswordValidator",
    }},
    {{
        "NAME": "django.contrib.auth.password_validation.NumericPasswordValidator",
    }},
]

LANGUAGE_CODE = "en-us"

TIME_ZONE = "UTC"

USE_I18N = True

USE_TZ = True

STATIC_URL = "static/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
'''

APPS_PY = '''\
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
'''

MODELS_PY = {
    "b": '''\
from django.contrib.auth.models import AbstractUser


class CustomUser(AbstractUser):
    """Django's user, under our own name so it can grow later."""

    pass
''',
    "c": '''\
from django.contrib.auth.models import AbstractUser
from django.db import models


class CustomUser(AbstractUser):
    """Django's user with the two things HR asked for."""

    age = models.PositiveIntegerField(null=True, blank=True)
    department = models.CharField(max_length=40)

    REQUIRED_FIELDS = ["email", "department"]
''',
    "d": '''\
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone


class CustomUserManager(BaseUserManager):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users must have an email address.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        # None gives an unusable password, as Django's own manager does.
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True:
            raise ValueError("Superuser must have is_staff=True.")
        if extra_fields["is_superuser"] is not True:
            raise ValueError("Superuser must have is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class CustomUser(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=100)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = CustomUserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    def __str__(self):
        return self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name
''',
}

ADMIN_PY = {
    "b": '''\
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import CustomUser

admin.site.register(CustomUser, UserAdmin)
''',
    "c": '''\
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import CustomUser


@admin.register(CustomUser)
class CustomUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Work", {"fields": ("department", "age")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Work", {"fields": ("email", "department", "age")}),
    )
''',
    "d": '''\
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import CustomUser


@admin.register(CustomUser)
class CustomUserAdmin(UserAdmin):
    # UserAdmin's own lists name username, first_name and last_name, which this model lacks.
    ordering = ("email",)
    list_display = ("email", "full_name", "is_staff")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal info", {"fields": ("full_name",)}),
        (
            "Permissions",
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "usable_password", "password1", "password2"),
            },
        ),
    )
''',
}


def literal(text):
    """A Python string literal in double quotes (JSON's string syntax is also Python's)."""
    return json.dumps(text)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def hashers_py(costs):
    """hashers.py: one cheap subclass per Django hasher, each keeping its algorithm name."""
    unknown = set(costs) - {section(a) for _, a, _ in HASHERS}
    if unknown:
        raise ValueError("costs for no hasher: %s" % sorted(unknown))
    lines = [
        '"""Django\'s password hashers at low costs, so the test suite runs fast.\n',
        "Each keeps its parent's `algorithm`: the hashes look exactly like production ones.",
        '"""',
        "",
        "from django.contrib.auth import hashers",
    ]
    for name, algorithm, known in HASHERS:
        attributes = costs.get(section(algorithm), {})
        extra = set(attributes) - set(known)
        if extra:
            raise ValueError("%s has no costs %s" % (name, sorted(extra)))
        lines += ["", "", "class Cheap%s(hashers.%s):" % (name, name)]
        lines += ["    %s = %r" % item for item in sorted(attributes.items())] or ["    pass"]
    return "\n".join(lines) + "\n"


def database_py(database, root):
    """The DATABASES["default"] literal, written as a developer would."""
    if not database.startswith(("postgres://", "postgresql://")):
        path = Path(database)
        try:
            # The usual `BASE_DIR / "db.sqlite3"`: NAME is then a Path, as in most projects.
            name = 'BASE_DIR / "%s"' % path.relative_to(root).as_posix()
        except ValueError:
            name = literal(str(path))
        return '{\n        "ENGINE": "django.db.backends.sqlite3",\n        "NAME": %s,\n    }' % name
    url = urlsplit(database)
    lines = [
        '"ENGINE": "django.db.backends.postgresql"',
        '"NAME": %s' % literal(unquote(url.path.lstrip("/"))),
        '"USER": %s' % literal(unquote(url.username or "")),
        # The password never goes into the file, as deployment guides say.
        '"PASSWORD": os.environ.get("PGPASSWORD", "")',
        '"HOST": %s' % literal(url.hostname or ""),
        '"PORT": %s' % literal(str(url.port or 5432)),
        '"OPTIONS": {"sslmode": "disable"}',
    ]
    return "{\n" + "".join("        %s,\n" % line for line in lines) + "    }"


def settings_py(request, package, root):
    kind = request["kind"]
    by_algorithm = {algorithm: name for name, algorithm, _ in HASHERS}
    hashers = "".join(
        '    "%s.hashers.Cheap%s",\n' % (package, by_algorithm[a]) for a in hasher_order(kind)
    )
    return SETTINGS_PY.format(
        package=package,
        secret_key=literal(request["secret_key"]),
        apps='    "accounts",\n' if kind != "a" else "",
        database=database_py(request["database"], root),
        user_model='\nAUTH_USER_MODEL = "accounts.CustomUser"\n' if kind != "a" else "",
        hashers=hashers,
        min_length=(
            '\n        "OPTIONS": {\n            "min_length": 12,\n        },' if kind == "d" else ""
        ),
    )


def write_project(request, root, package):
    kind = request["kind"]
    write(root / "manage.py", MANAGE_PY.format(package=package))
    (root / "manage.py").chmod(0o755)
    pkg = root / package
    write(pkg / "__init__.py", "")
    write(pkg / "settings.py", settings_py(request, package, root))
    write(pkg / "urls.py", URLS_PY.format(package=package))
    write(pkg / "wsgi.py", WSGI_PY.format(package=package))
    write(pkg / "asgi.py", ASGI_PY.format(package=package))
    write(pkg / "hashers.py", hashers_py(request["costs"]))
    if kind == "a":
        return
    app = root / "accounts"
    write(app / "__init__.py", "")
    write(app / "apps.py", APPS_PY)
    write(app / "models.py", MODELS_PY[kind])
    write(app / "admin.py", ADMIN_PY[kind])
    write(app / "migrations" / "__init__.py", "")


def manage_steps(kind):
    """The manage.py commands a developer runs after writing the models."""
    steps = [] if kind == "a" else [["makemigrations", "accounts"]]
    return steps + [["migrate"]]


def run_django(request, root, package):
    steps = manage_steps(request["kind"])
    python = request.get("venv_python")
    if python and os.path.realpath(python) != os.path.realpath(sys.executable):
        # Another interpreter: run manage.py itself, one process per command.
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="%s.settings" % package)
        for args in steps:
            subprocess.run(
                [python, "manage.py"] + args + ["--verbosity", "0"],
                cwd=str(root),
                env=env,
                check=True,
            )
        return
    # This interpreter: the same commands in this process, which saves a Django start-up each.
    os.chdir(str(root))
    sys.path.insert(0, str(root))
    os.environ["DJANGO_SETTINGS_MODULE"] = "%s.settings" % package
    import django
    from django.core.management import call_command

    django.setup()
    for args in steps:
        call_command(*args, verbosity=0)
        # migrate must find the migration files makemigrations has just written.
        importlib.invalidate_caches()


def create(request):
    started = time.monotonic()
    if request.get("kind") not in KINDS:
        raise ValueError("kind must be one of %s" % ", ".join(KINDS))
    root = Path(request["dir"])
    if not root.is_absolute():
        raise ValueError("dir must be an absolute path")
    package = request.get("package", "mysite")
    root.mkdir(parents=True, exist_ok=True)
    write_project(request, root, package)
    run_django(request, root, package)
    return {
        "dir": str(root),
        "package": package,
        "settings_module": "%s.settings" % package,
        "seconds": round(time.monotonic() - started, 3),
    }


ACTIONS = {"create": create}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ACTIONS:
        sys.exit("usage: python projects.py create < request.json")
    answer = ACTIONS[sys.argv[1]](json.load(sys.stdin))
    json.dump(answer, sys.stdout)
    sys.stdout.write("\n")
