"""An account with an authenticator app is logged in only after the password and a valid
code from the app; the password alone leaves it logged out, on the code page."""

import pytest
from django.urls import reverse

from tests.mfa_helpers import enter_code, log_in, log_in_with_code, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def test_the_password_alone_does_not_log_in(client, enrolled_account):
    user, _secret = enrolled_account("school coordinator")

    response = log_in(client, user.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "请打开手机上的身份验证器" in page
    assert 'inputmode="numeric"' in page


def test_the_code_logs_in(client, enrolled_account):
    user, secret = enrolled_account("superuser")

    response = log_in_with_code(client, user, totp_code(secret))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_code_from_the_next_period_is_accepted_for_clock_drift(client, enrolled_account):
    user, secret = enrolled_account("editor")

    log_in_with_code(client, user, totp_code(secret, steps=1))

    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_code_is_used_only_once(client, enrolled_account):
    user, secret = enrolled_account("lecturer")
    code = totp_code(secret)
    log_in_with_code(client, user, code)
    client.logout()

    log_in(client, user.email)
    response = enter_code(client, code)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_enrolled_account_is_not_sent_to_set_up_after_login(
    client, enrolled_account, mfa_required
):
    user, secret = enrolled_account("booking manager")
    log_in_with_code(client, user, totp_code(secret))
    assert client.get(reverse("my_roles")).status_code == 200
