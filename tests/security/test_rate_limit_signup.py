"""Signing up: a first sign-up goes through; more than 20 sign-up posts a minute from one
address get a Chinese 429 page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("account_signup")
ADDRESS = "203.0.113.9"


def test_a_first_sign_up_goes_through(client):
    response = client.post(
        URL,
        {"email": "new@example.cn", "password1": "Jindu-2026-safe", "password2": "Jindu-2026-safe"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="new@example.cn").exists()


def test_the_twenty_first_post_in_a_minute_is_refused(client):
    for _ in range(20):
        assert client.post(URL, {}, REMOTE_ADDR=ADDRESS).status_code == 200
    response = client.post(URL, {}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()
