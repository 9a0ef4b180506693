"""With MFA_REQUIRED on, a privileged account without an authenticator app is sent to set one
up, with a Chinese explanation; enrolled and ordinary accounts go where they asked."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.mfa.roles import ORDINARY, PRIVILEGED
from tests.mfa_helpers import enrol_totp

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.mark.parametrize("role", PRIVILEGED)
def test_privileged_accounts_are_sent_to_set_up(client, mfa_required, role):
    client.force_login(PRIVILEGED[role]())

    response = client.get(reverse("my_roles"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    [message] = get_messages(response.wsgi_request)
    assert "必须开启两步验证" in str(message)


@pytest.mark.parametrize("role", ORDINARY)
def test_ordinary_accounts_are_not(client, mfa_required, role):
    client.force_login(ORDINARY[role]())
    assert client.get(reverse("my_roles")).status_code == 200


def test_an_enrolled_account_goes_on(client, mfa_required):
    user = PRIVILEGED["school coordinator"]()
    enrol_totp(user)
    client.force_login(user)
    assert client.get(reverse("my_roles")).status_code == 200


def test_nobody_is_sent_when_it_is_off(client, settings):
    settings.MFA_REQUIRED = False
    client.force_login(PRIVILEGED["superuser"]())
    assert client.get(reverse("my_roles")).status_code == 200


def test_the_admin_sends_too(client, mfa_required):
    client.force_login(PRIVILEGED["editor"]())
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"] == reverse("mfa_activate_totp")
