"""Two-factor login in tests: give an account an authenticator app (and recovery codes),
work out the codes the app would show, and log in through every stage as a person would."""

import time

from allauth.mfa import app_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from tests.factories import PASSWORD


def enrol_totp(user) -> str:
    """Give ``user`` an authenticator app, as the activation page does; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, steps: int = 0) -> str:
    """The code an authenticator app with ``secret`` shows now (``steps`` periods later)."""
    counter = int(time.time()) // app_settings.TOTP_PERIOD + steps
    return format_hotp_value(hotp_value(secret, counter))


def enrol_recovery_codes(user) -> list[str]:
    """Recovery codes for ``user`` (who has an authenticator app): the ten one-time codes."""
    return RecoveryCodes.activate(user).get_unused_codes()


def log_in(client, email: str, password: str = PASSWORD):
    """The login form's first step: the response is the redirect to the code page when the
    account has an authenticator app."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def enter_code(client, code: str):
    """The code page's form, sent with the authenticator's code or a recovery code."""
    return client.post(reverse("mfa_authenticate"), {"code": code})


def log_in_with_code(client, user, code: str, password: str = PASSWORD):
    """Log ``user`` in with the password and then ``code``; returns the response to the code."""
    first = log_in(client, user.email, password)
    assert first["Location"] == reverse("mfa_authenticate"), first
    return enter_code(client, code)
