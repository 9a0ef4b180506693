"""Signing in: the right password gets in at once; five wrong passwords for an account lock
it for five minutes, so the sixth try is refused even with the right password; and one
address that posts the form more than 30 times a minute gets a Chinese 429 page."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

URL = reverse("account_login")
ADDRESS = "203.0.113.7"


@pytest.fixture
def teacher():
    return make_user("teacher@example.cn")


def log_in(client, password: str):
    return client.post(
        URL, {"login": "teacher@example.cn", "password": password}, REMOTE_ADDR=ADDRESS
    )


def test_the_limits_are_set_explicitly():
    limits = settings.ACCOUNT_RATE_LIMITS
    assert limits["login"] == "30/m/ip"
    assert limits["login_failed"] == "10/m/ip,5/5m/key"


def test_the_right_password_gets_in_at_once(client, teacher):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == teacher.pk


def test_five_wrong_passwords_lock_the_account(client, teacher):
    for _ in range(5):
        refused = log_in(client, "wrong-password")
        assert refused.status_code == 200
        assert "登录失败次数过多" not in refused.content.decode()

    response = log_in(client, PASSWORD)

    assert response.status_code == 200
    assert "登录失败次数过多，请稍后重试。" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_posts_from_one_address_get_a_429_page(client, teacher):
    for _ in range(30):
        assert client.post(URL, {}, REMOTE_ADDR=ADDRESS).status_code == 200
    response = client.post(URL, {}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()
    # Another address is not held back.
    assert client.post(URL, {}, REMOTE_ADDR="203.0.113.8").status_code == 200
