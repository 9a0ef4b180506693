"""Only the values a page can use get a cache entry: a page number of 1 to 999, a short tag
or category. Anything else is served uncached, so visitors cannot fill the cache with keys."""

import pytest

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query", ["page=2", "tag=禁毒宣传", "tag=safe-campus", "category=campaign"]
)
def test_expected_values_are_cached(client, tree, article, query):
    assert client.get(f"{tree.news.url}?{query}")[HEADER] == "miss"


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=1000",
        "page=12345678",
        "page=-1",
        "page=1&page=2",
        "tag=" + "禁" * 41,
        "tag=a%0Ab",
        "tag=%3Cscript%3E",
        "category=" + "a" * 41,
        "category=a%20b",
    ],
)
def test_other_values_are_served_uncached(client, tree, article, query):
    response = client.get(f"{tree.news.url}?{query}")
    assert response.status_code == 200
    assert HEADER not in response
