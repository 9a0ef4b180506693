"""An account with an authenticator app is logged in only after the password and a valid
code from the app; the password alone leaves it logged out, on the code page."""

import pytest
from django.urls import reverse

from tests.factories import build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_totp, log_in, log_in_with_totp, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def test_the_password_alone_does_not_log_in(client):
    user = PRIVILEGED["school coordinator"]()
    enrol_totp(user)

    response = log_in(client, user.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "请打开手机上的身份验证器" in page
    assert 'inputmode="numeric"' in page


def test_the_code_logs_in(client):
    user = PRIVILEGED["superuser"]()
    secret = enrol_totp(user)

    response = log_in_with_totp(client, user, secret)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_code_from_the_next_period_is_accepted_for_clock_drift(client):
    user = PRIVILEGED["editor"]()
    secret = enrol_totp(user)
    log_in(client, user.email)

    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret, steps=1)})

    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_code_is_used_only_once(client):
    user = PRIVILEGED["lecturer"]()
    secret = enrol_totp(user)
    code = totp_code(secret)
    log_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.logout()

    log_in(client, user.email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_enrolled_account_is_not_sent_to_set_up_after_login(client, mfa_required):
    user = PRIVILEGED["booking manager"]()
    secret = enrol_totp(user)
    log_in_with_totp(client, user, secret)
    assert client.get(reverse("my_roles")).status_code == 200
