"""A recovery code stands in for the authenticator's code once; used again it is refused."""

import pytest
from django.urls import reverse

from tests.factories import build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_recovery_codes, enrol_totp, log_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def test_a_recovery_code_works_once(client):
    user = PRIVILEGED["city admin"]()
    enrol_totp(user)
    code = enrol_recovery_codes(user)[0]

    log_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert code not in enrol_recovery_codes(user)
    client.logout()

    log_in(client, user.email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert "验证码不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session
