"""Saving a draft or taking an edit lock changes nothing a reader sees, so stored pages stay
hits; publishing still renders afresh."""

import pytest
from django.utils import timezone

from education.page_cache import HEADER
from tests.factories import add_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(tree):
    return add_article(tree.news, "禁毒知识竞赛报名开始", "欢迎各校组织学生参加。")


def test_a_draft_of_another_page_keeps_the_hit(client, article, other):
    client.get(article.url)
    other.title = "尚未发布的新标题"
    other.save_revision()
    assert client.get(article.url)[HEADER] == "hit"


def test_an_edit_lock_keeps_the_hit(client, article, other, admin_user):
    client.get(article.url)
    other.locked, other.locked_by, other.locked_at = True, admin_user, timezone.now()
    other.save(update_fields=["locked", "locked_by", "locked_at"])
    assert client.get(article.url)[HEADER] == "hit"


def test_publishing_another_page_renders_afresh(
    client, article, other, django_capture_on_commit_callbacks
):
    client.get(article.url)
    other.title = "禁毒知识竞赛圆满结束"
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    assert client.get(article.url)[HEADER] == "miss"
