"""An editor publishes a new revision: the next reader sees the new text."""

import pytest

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def test_the_next_read_after_publishing_shows_the_new_revision(
    client, article, django_capture_on_commit_callbacks
):
    client.get(article.url)
    assert "青少年禁毒宣传周" in client.get(article.url).content.decode()

    article.title = "江州市禁毒宣传周圆满结束"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    response = client.get(article.url)
    assert response[HEADER] == "miss"
    assert "江州市禁毒宣传周圆满结束" in response.content.decode()
    # Pages that list it are renewed too: the home page's latest news.
    assert "江州市禁毒宣传周圆满结束" in client.get("/").content.decode()


def test_a_draft_changes_nothing_readers_see(client, article):
    client.get(article.url)
    article.title = "尚未发布的标题"
    article.save_revision()
    assert "尚未发布的标题" not in client.get(article.url).content.decode()
