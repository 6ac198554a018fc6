"""Acts on a Django project made by projects.py, the way the site itself would.

Usage: python site.py ACTION < request.json > response.json
Run in the project's directory with DJANGO_SETTINGS_MODULE set (`mysite.settings`). Every
action goes through the project's own user model (get_user_model()), and a user is named by the
value of its USERNAME_FIELD (`login`): the username, or the email address for an email-login
model. Pages (the admin's login, the password reset confirmation) are driven through Django's
test Client, so the site's real views, forms, middleware and session handling answer.

The answer is one JSON object on stdout. A failing action prints one line on stderr and exits 1.
"""

import contextlib
import io
import json
import os
import sys

import django

ACTIONS = {}


def action(fn):
    ACTIONS[fn.__name__] = fn
    return fn


def user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def find_user(login):
    model = user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: login}).first()


def get_user(login):
    user = find_user(login)
    if user is None:
        raise LookupError("no user with %s %r" % (user_model().USERNAME_FIELD, login))
    return user


def stored_password(login):
    user = find_user(login)
    return user.password if user else None


def client():
    """Django's test Client; the first call also installs the test environment so responses
    carry their template context (the reset form's errors are read from it)."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    if not getattr(client, "ready", False):
        setup_test_environment()
        client.ready = True
    return Client()


def as_json(value):
    """A model field's value as JSON: times in ISO 8601, other non-JSON values as text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@action
def authenticate(request):
    from django.contrib.auth import authenticate as django_authenticate

    credentials = {user_model().USERNAME_FIELD: request["login"]}
    user = django_authenticate(None, password=request["password"], **credentials)
    # authenticate() saves a re-encoded hash when the hasher or its costs changed
    # (must_update); the stored hash afterwards shows whether it did.
    return {"authenticated": user is not None, "password": stored_password(request["login"])}


@action
def admin_login(request):
    from django.conf import settings

    c = client()
    url = "/admin/login/?next=/admin/"
    c.get(url)
    # The admin's login form calls its login field `username` whatever the model's is.
    response = c.post(url, {"username": request["login"], "password": request["password"]})
    ok = response.status_code == 302 and response["Location"] == "/admin/"
    cookie = c.cookies.get(settings.SESSION_COOKIE_NAME)
    return {
        "ok": ok,
        "session_key": cookie.value if cookie is not None and cookie.value else None,
        "password": stored_password(request["login"]),
    }


@action
def session_alive(request):
    from django.conf import settings

    c = client()
    c.cookies[settings.SESSION_COOKIE_NAME] = request["session_key"]
    # Django ends the session on this request when the user's session auth hash (an HMAC of
    # the password hash) no longer matches the one stored at login.
    return {"alive": c.get("/admin/").status_code == 200}


@action
def access(request):
    """The site's own answers about a user's groups and permissions."""
    user = get_user(request["login"])
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "all_permissions": sorted(user.get_all_permissions()),
        "has": {perm: user.has_perm(perm) for perm in request.get("check", [])},
    }


@action
def admin_get(request):
    """Logs in to the admin and fetches one admin page: its status code."""
    c = client()
    url = "/admin/login/?next=/admin/"
    c.get(url)
    c.post(url, {"username": request["login"], "password": request["password"]})
    return {"status": c.get(request["path"]).status_code}


@action
def login_round(request):
    """One round of the site's side of alternating logins, in one process: authenticate()
    (which re-encodes an outdated hash, as every login does), a fresh admin login, and whether
    an older admin session (`session_key`) is still alive afterwards."""
    authenticated = authenticate(request)["authenticated"]
    fresh = admin_login(request)
    return {
        "authenticated": authenticated,
        "logged_in": fresh["ok"],
        "alive": session_alive(request)["alive"],
        "password": stored_password(request["login"]),
    }


@action
def row(request):
    user = find_user(request["login"])
    if user is None:
        return None
    return {f.name: as_json(getattr(user, f.attname)) for f in user._meta.concrete_fields}


@action
def create_superuser(request):
    from django.core.management import call_command

    # What `DJANGO_SUPERUSER_PASSWORD=... manage.py createsuperuser --noinput --<field> ...`
    # does.
    os.environ["DJANGO_SUPERUSER_PASSWORD"] = request["password"]
    options = {user_model().USERNAME_FIELD: request["login"]}
    options.update(request.get("fields", {}))
    call_command("createsuperuser", interactive=False, verbosity=0, **options)
    return {"ok": True}


@action
def set_password(request):
    user = get_user(request["login"])
    user.set_password(request["password"])
    user.save()
    return {"ok": True}


@action
def make_token(request):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = get_user(request["login"])
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


@action
def check_token(request):
    from django.contrib.auth.tokens import default_token_generator
    from django.core.exceptions import ValidationError
    from django.utils.http import urlsafe_base64_decode

    try:
        pk = urlsafe_base64_decode(request["uidb64"]).decode()
        user = user_model()._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError, OverflowError, ValidationError):
        user = None
    valid = user is not None and default_token_generator.check_token(user, request["token"])
    return {"valid": valid}


@action
def reset_confirm(request):
    c = client()
    # The emailed link: a valid token is moved into the session and the browser is redirected
    # to .../set-password/, so the token never stays in the address bar.
    link = "/accounts/reset/%s/%s/" % (request["uidb64"], request["token"])
    page = c.get(link, follow=True)
    form_url = page.request["PATH_INFO"]
    if not page.redirect_chain or not (page.context and page.context.get("validlink")):
        return {"ok": False, "errors": ["The password reset link was invalid."]}
    password = request["new_password"]
    response = c.post(form_url, {"new_password1": password, "new_password2": password})
    if response.status_code == 302:
        return {"ok": response["Location"] == "/accounts/reset/done/", "errors": []}
    form = response.context.get("form") if response.context else None
    errors = [m for messages in (form.errors.values() if form else []) for m in messages]
    return {"ok": False, "errors": errors}


@action
def check(request):
    from django.core.management import CommandError, call_command

    output = io.StringIO()
    try:
        call_command("check", stdout=output, stderr=output)
        call_command(
            "makemigrations", check=True, dry_run=True, stdout=output, stderr=output
        )
    except (CommandError, SystemExit) as exc:
        # makemigrations --check exits with status 1 when models have unmigrated changes.
        output.write("\n%s: %s" % (type(exc).__name__, exc))
        return {"ok": False, "output": output.getvalue()}
    return {"ok": True}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ACTIONS:
        sys.exit("usage: python site.py {%s} < request.json" % ",".join(sorted(ACTIONS)))
    name = sys.argv[1]
    request = json.load(sys.stdin)
    # The project's packages, as manage.py finds them.
    sys.path.insert(0, os.getcwd())
    out = sys.stdout
    try:
        # Whatever Django or the project prints must not spoil the one JSON answer.
        with contextlib.redirect_stdout(sys.stderr):
            django.setup()
            answer = ACTIONS[name](request)
    except Exception as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write("site.py %s: %s: %s\n" % (name, type(exc).__name__, message))
        sys.exit(1)
    json.dump(answer, out)
    out.write("\n")


if __name__ == "__main__":
    main()
