"""Whatever goes wrong in the page cache store, readers get the page and editors can publish:
the error is logged and the page served uncached."""

import logging

import pytest
from django.core.cache import caches

from education.page_cache import ALIAS, HEADER

pytestmark = pytest.mark.django_db


def broken(*args, **kwargs):
    raise RuntimeError("cache store unavailable")


@pytest.mark.parametrize("method", ["get_many", "add", "get", "set"])
def test_a_failing_store_serves_the_page_uncached(client, article, monkeypatch, caplog, method):
    caches[ALIAS].clear()  # the first reader starts a generation with ``add``
    monkeypatch.setattr(caches[ALIAS], method, broken)
    with caplog.at_level(logging.ERROR, logger="education.page_cache"):
        response = client.get(article.url)
    assert response.status_code == 200
    assert "青少年禁毒宣传周" in response.content.decode()
    assert response.get(HEADER) != "hit"
    assert "Page cache" in caplog.text


def test_publishing_works_when_the_generation_cannot_be_advanced(
    client, article, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(caches[ALIAS], "incr", broken)
    article.title = "江州市禁毒宣传周圆满结束"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "江州市禁毒宣传周圆满结束" in client.get(article.url).content.decode()
