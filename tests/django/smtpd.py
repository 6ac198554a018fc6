"""A real SMTP server for authctl's email tests: aiosmtpd on 127.0.0.1.

Usage: python smtpd.py MAILDIR {none|starttls|tls} [USER:PASSWORD]
Prints "READY <port> <ca.pem>" once listening, saves each message as MAILDIR/<n>.eml, and exits
when stdin closes or after two minutes, whichever is first, so it can never outlive a test run.

A relay that misbehaves after the connection, for the tests of what that may reveal:
SMTPD_DELAY=SECONDS takes that long to accept each message, and while the file named by
SMTPD_TEMPFAIL_FILE exists every recipient gets a temporary refusal (450).
"""

import asyncio
import logging
import os
import socket
import ssl
import sys
import threading
import warnings

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# aiosmtpd warns (once through `warnings`, once through its log) that a login without TLS is
# risky: these tests ask for exactly that to cover plain SMTP with a login. And it logs its own
# use of its deprecated Session.login_data on every login. Neither concerns authctl, so those
# three notices alone are dropped; anything else aiosmtpd reports still shows.
warnings.filterwarnings(
    "ignore", message="Requiring AUTH while not requiring TLS", category=UserWarning
)


class DropKnownNotices(logging.Filter):
    KNOWN = (
        "auth_required == True but auth_require_tls == False",
        "Session.login_data is deprecated",
    )

    def filter(self, record):
        return not record.getMessage().startswith(self.KNOWN)


logging.getLogger("mail.log").addFilter(DropKnownNotices())


class Save:
    def __init__(self, maildir):
        self.maildir = maildir
        self.count = 0
        self.delay = float(os.environ.get("SMTPD_DELAY", "0"))
        self.tempfail = os.environ.get("SMTPD_TEMPFAIL_FILE")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.tempfail and os.path.exists(self.tempfail):
            return "450 4.2.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        path = os.path.join(self.maildir, "%d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"


def main():
    maildir, mode = sys.argv[1], sys.argv[2]
    login = sys.argv[3].split(":", 1) if len(sys.argv) > 3 else None
    os.makedirs(maildir, exist_ok=True)

    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    ca_path = os.path.join(maildir, "..", "ca.pem")
    ca.cert_pem.write_to_path(ca_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and [
            auth_data.login.decode(),
            auth_data.password.decode(),
        ] == login
        # handled=False makes aiosmtpd answer a failure with its 535 reply.
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if login:
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    if mode == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    elif mode == "tls":
        kwargs.update(ssl_context=context)

    # aiosmtpd connects to its own port to see that it started, so it needs a real one.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Save(maildir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("READY", port, os.path.abspath(ca_path), flush=True)

    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(timeout=120)
    controller.stop()


if __name__ == "__main__":
    main()
