"""A wrong code is refused with a Chinese message; after five wrong codes the account's code
page refuses even the right one for a while (allauth's login_failed limit)."""

import pytest
from django.urls import reverse

from tests.factories import build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_totp, log_in, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_wrong_code_is_refused_in_chinese(client):
    user = PRIVILEGED["district officer"]()
    secret = enrol_totp(user)
    log_in(client, user.email)

    response = client.post(reverse("mfa_authenticate"), {"code": wrong(totp_code(secret))})

    assert response.status_code == 200
    assert "验证码不正确，请核对后重新输入。" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_codes_are_rate_limited(client):
    user = PRIVILEGED["superuser"]()
    secret = enrol_totp(user)
    log_in(client, user.email)
    for _ in range(5):
        client.post(reverse("mfa_authenticate"), {"code": "000000"})

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
