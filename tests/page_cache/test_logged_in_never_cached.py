"""A logged-in visitor never gets the shared copy and never fills it with their page."""

import pytest

from education.page_cache import HEADER
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_logged_in_reader_gets_their_own_rendering(client, article):
    anonymous = client.get(article.url)
    assert anonymous[HEADER] == "miss"

    client.force_login(make_user("teacher@example.cn"))
    for _ in range(2):
        response = client.get(article.url)
        assert HEADER not in response
        assert "teacher@example.cn" in response.content.decode()


def test_a_logged_in_reader_does_not_fill_the_cache(client, article):
    client.force_login(make_user("teacher@example.cn"))
    client.get(article.url)
    client.get(article.url)
    client.logout()

    response = client.get(article.url)
    assert response[HEADER] == "miss"
    assert "teacher@example.cn" not in response.content.decode()
