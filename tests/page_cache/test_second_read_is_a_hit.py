"""The second anonymous reader of a page gets the stored rendering, without one query."""

import pytest

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("which", ["home", "index", "article"])
def test_a_second_read_is_a_hit_without_queries(
    client, tree, article, which, django_assert_num_queries
):
    url = {"home": "/", "index": tree.news.url, "article": article.url}[which]
    first = client.get(url)
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "zh-hans"
    assert "Cookie" in second["Vary"]
    assert not second.cookies
