"""WeChat's and campaign parameters on a shared link share the page's entry; page numbers
and filters get entries of their own; a parameter no page knows bypasses the cache."""

import pytest

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def test_wechat_parameters_read_the_same_entry(client, article):
    assert client.get(article.url)[HEADER] == "miss"
    shared = client.get(f"{article.url}?from=timeline&isappinstalled=0&utm_source=wechat")
    assert shared[HEADER] == "hit"
    assert "from=timeline" not in shared.content.decode()


def test_a_first_reader_from_a_shared_link_stores_a_page_fit_for_everyone(client, article):
    first = client.get(f"{article.url}?from=singlemessage")
    assert first[HEADER] == "miss"
    assert "singlemessage" not in first.content.decode()
    assert client.get(article.url)[HEADER] == "hit"


def test_page_numbers_and_filters_are_entries_of_their_own(client, tree, article):
    index = tree.news.url
    client.get(index)
    filtered = client.get(f"{index}?category=school")
    assert filtered[HEADER] == "miss"
    assert article.title not in filtered.content.decode()
    assert client.get(f"{index}?category=school")[HEADER] == "hit"
    assert article.title in client.get(index).content.decode()


def test_an_unknown_parameter_bypasses_the_cache(client, article):
    client.get(article.url)
    for _ in range(2):
        assert HEADER not in client.get(f"{article.url}?preview=1")
