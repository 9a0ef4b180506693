"""The language is part of the key: switching gives the other language, each one cached.

The switch carries no CSRF token (cached pages hold none), so it works without one."""

import pytest
from django.test import Client

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def switch(client, language):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response.status_code == 302


def test_the_switch_gives_the_other_language_from_the_cache_too(tree):
    client = Client(enforce_csrf_checks=True)
    chinese = client.get("/")
    assert chinese[HEADER] == "miss"
    assert '<html lang="zh-Hans">' in chinese.content.decode()
    assert "csrfmiddlewaretoken" not in chinese.content.decode()

    switch(client, "en")
    english = client.get("/")
    assert english[HEADER] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert client.get("/")[HEADER] == "hit"

    switch(client, "zh-hans")
    again = client.get("/")
    assert again[HEADER] == "hit"
    assert '<html lang="zh-Hans">' in again.content.decode()
