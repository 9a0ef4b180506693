"""A signed-in visitor whose user cannot be looked up (the database went down between
requests) gets the 503 page, not a 500: the lookup fails inside the middleware stack, in the
two-factor check's ``process_view``, which no middleware's ``process_exception`` sees. The
production benchmarks' server, with URLs of its own, answers the same."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.db import OperationalError
from django.test import Client

from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("urls", ["config.urls", "benchmarks.load.urls"])
def test_503_page(monkeypatch, settings, urls):
    settings.ROOT_URLCONF = urls
    settings.MFA_REQUIRED = True
    client = Client(raise_request_exception=False)
    client.force_login(make_user())

    def database_down(backend, user_id):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(ModelBackend, "get_user", database_down)
    response = client.get("/accounts/email/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "系统维护中，请稍后再试" in response.content.decode()
