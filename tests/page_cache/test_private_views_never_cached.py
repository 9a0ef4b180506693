"""Quiz pages, booking pages, search and account pages are rendered for every request."""

import pytest

from education.page_cache import HEADER
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.mark.parametrize(
    "url",
    ["quiz", "quiz index", "/visit/", "/search/?q=毒品", "/accounts/login/", "/join/"],
)
def test_never_stored_nor_served_from_the_cache(client, world, url):
    url = {"quiz": world.quiz.url, "quiz index": world.index.url}.get(url, url)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, url
        assert HEADER not in response
