"""Password reset: five requests a minute for one email address are sent, the sixth gets a
Chinese 429 page and no email; another address's first request is still sent."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

URL = reverse("account_reset_password")
ADDRESS = "203.0.113.10"


def test_the_sixth_request_for_one_email_is_refused(client):
    make_user("teacher@example.cn")
    make_user("other@example.cn")
    for _ in range(5):
        sent = client.post(URL, {"email": "teacher@example.cn"}, REMOTE_ADDR=ADDRESS)
        assert sent.status_code == 302
    assert len(mail.outbox) == 5

    response = client.post(URL, {"email": "teacher@example.cn"}, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()
    assert len(mail.outbox) == 5
    assert client.post(URL, {"email": "other@example.cn"}, REMOTE_ADDR=ADDRESS).status_code == 302
    assert len(mail.outbox) == 6
