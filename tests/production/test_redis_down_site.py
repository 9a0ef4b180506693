"""With Redis unreachable the site keeps serving: pages render, a visitor logs in and stays
logged in (sessions live in the database, so another process reads it from there)."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, build_site, make_user
from tests.production.redis_caches import CLOSED_PORT, degrading

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_down():
    with override_settings(CACHES=degrading(CLOSED_PORT)):
        yield


def test_pages_render(client):
    build_site()
    assert client.get("/").status_code == 200
    assert client.get("/news/").status_code == 200


def test_login_holds_across_processes(client):
    build_site()
    user = make_user("parent@example.cn")
    response = client.post(
        reverse("account_login"), {"login": "parent@example.cn", "password": PASSWORD}
    )
    assert response.status_code == 302
    # Another process has nothing of this session in its memory: it reads the database.
    caches["default"]._memory.clear()
    assert client.get(reverse("account_email")).status_code == 200
    assert client.session["_auth_user_id"] == str(user.pk)
