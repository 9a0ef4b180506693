"""An unpublished page is gone for readers at once, not when its cached copy expires."""

import pytest

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def test_unpublishing_makes_the_page_404(client, article):
    client.get(article.url)
    assert client.get(article.url)[HEADER] == "hit"

    article.unpublish()

    response = client.get(article.url)
    assert response.status_code == 404
    assert HEADER not in response
    assert client.get(article.url).status_code == 404


def test_deleting_makes_the_page_404(client, article):
    url = article.url
    client.get(url)
    article.delete()
    assert client.get(url).status_code == 404
