"""Signing in: the right password gets in at once; five wrong passwords for an account lock
it for five minutes, from whatever addresses they come, so the sixth try is refused even
with the right password while other accounts still sign in; ten wrong passwords a minute
from one address, for any accounts, hold that address back; and one address that posts the
form more than 30 times a minute gets a Chinese 429 page."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

URL = reverse("account_login")
ADDRESS = "203.0.113.7"
TOO_MANY = "登录失败次数过多，请稍后重试。"


@pytest.fixture
def teacher():
    return make_user("teacher@example.cn")


def log_in(client, password: str, login: str = "teacher@example.cn", address: str = ADDRESS):
    return client.post(URL, {"login": login, "password": password}, REMOTE_ADDR=address)


def assert_logged_in(client, response, user) -> None:
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_right_password_gets_in_at_once(client, teacher):
    assert_logged_in(client, log_in(client, PASSWORD), teacher)


def test_five_wrong_passwords_lock_the_account(client, teacher):
    for _ in range(5):
        refused = log_in(client, "wrong-password")
        assert refused.status_code == 200
        assert "登录失败次数过多" not in refused.content.decode()

    response = log_in(client, PASSWORD)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_follows_the_account_across_addresses(client, teacher):
    colleague = make_user("colleague@example.cn")
    for last_octet in range(1, 6):
        refused = log_in(client, "wrong-password", address=f"198.51.100.{last_octet}")
        assert TOO_MANY not in refused.content.decode()

    response = log_in(client, PASSWORD, address="198.51.100.6")

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert_logged_in(client, log_in(client, PASSWORD, colleague.email, "198.51.100.6"), colleague)


def test_ten_wrong_passwords_from_one_address_hold_it_back(client, teacher):
    for number in range(10):
        log_in(client, "wrong-password", f"nobody{number}@example.cn")

    response = log_in(client, PASSWORD)

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert_logged_in(client, log_in(client, PASSWORD, address="203.0.113.8"), teacher)


def test_too_many_posts_from_one_address_get_a_429_page(client, teacher):
    for _ in range(30):
        assert client.post(URL, {}, REMOTE_ADDR=ADDRESS).status_code == 200
    response = client.post(URL, {}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()
    # Another address is not held back.
    assert client.post(URL, {}, REMOTE_ADDR="203.0.113.8").status_code == 200
