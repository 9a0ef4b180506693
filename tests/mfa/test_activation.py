"""Setting up the authenticator app: after the password is confirmed, the page shows a QR code
drawn in the page (no outside service, no data: address the security policy would block) and
the secret; the app's code activates it and leads to ten recovery codes."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories import PASSWORD
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture
def activation_page(client, mfa_required):
    user = PRIVILEGED["school coordinator"]()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    return user, response.content.decode()


def test_the_page_shows_the_qr_code_inline(activation_page):
    _user, page = activation_page
    assert "开启两步验证" in page
    assert re.search(r"<svg[^>]*>", page)
    assert "data:image" not in page
    assert "<?xml" not in page
    assert 'href="otpauth://totp/' in page


def test_the_apps_code_activates_it(client, activation_page):
    user, page = activation_page
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', page).group(1)

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}, follow=True)

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    codes = re.findall(r"<li><code>(\d{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("my_roles")).status_code == 200


def test_a_wrong_code_does_not(client, activation_page):
    user, _page = activation_page
    response = client.post(reverse("mfa_activate_totp"), {"code": "12345"})
    assert "验证码不正确" in response.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()
