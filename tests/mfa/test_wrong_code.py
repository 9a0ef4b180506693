"""A wrong code is refused with a Chinese message; after five wrong codes the account's code
page refuses even the right one for a while (allauth's login_failed limit)."""

import pytest

from tests.mfa_helpers import enter_code, log_in, log_in_with_code, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_wrong_code_is_refused_in_chinese(client, enrolled_account):
    user, secret = enrolled_account("district officer")

    response = log_in_with_code(client, user, wrong(totp_code(secret)))

    assert response.status_code == 200
    assert "验证码不正确，请核对后重新输入。" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_codes_are_rate_limited(client, enrolled_account):
    user, secret = enrolled_account("superuser")
    log_in(client, user.email)
    for _ in range(5):
        enter_code(client, "000000")

    response = enter_code(client, totp_code(secret))

    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
