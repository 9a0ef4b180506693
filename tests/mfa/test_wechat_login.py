"""WeChat login (an allauth social login) of a staff account with an authenticator app stops
at the code page like a password login; the code completes it."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_totp, enter_code, totp_code
from tests.wechat.wechat_login import log_in, wechat_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture
def staff():
    user = PRIVILEGED["base staff"]()
    SocialAccount.objects.create(user=user, provider="wechat_mp", uid="o-base-staff")
    return user


def test_wechat_login_asks_for_the_code(client, fake_wechat, staff):
    secret = enrol_totp(staff)

    response = log_in(client, fake_wechat, "code-1", wechat_user("o-base-staff"))

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    enter_code(client, totp_code(secret))
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_wechat_login_without_an_authenticator_is_sent_to_set_one_up(
    client, fake_wechat, staff, mfa_required
):
    log_in(client, fake_wechat, "code-1", wechat_user("o-base-staff"))

    assert client.session["_auth_user_id"] == str(staff.pk)
    response = client.get(reverse("my_roles"))
    assert response["Location"] == reverse("mfa_activate_totp")
