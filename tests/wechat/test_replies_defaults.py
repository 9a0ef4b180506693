"""The default keyword replies point at the site's sections and are created once."""

import pytest

from tests.factories import build_site
from tests.school_factories import add_quiz_index
from wechat.menu import build_menu
from wechat.models import KeywordReply
from wechat.replies import ensure_default_replies

pytestmark = pytest.mark.django_db


def test_defaults_point_at_the_sections():
    site = build_site()
    ensure_default_replies(site.home)

    pages = {r.keyword_list[0]: r.page.specific for r in KeywordReply.objects.all()}
    assert pages == {
        "答题": site.campaigns,
        "预约": site.campaigns,
        "知识": site.drug_facts,
        "新闻": site.news,
        "活动": site.events,
    }


def test_defaults_are_created_once_and_keep_editors_changes():
    site = build_site()
    ensure_default_replies(site.home)
    KeywordReply.objects.filter(keywords="预约").update(title="预约参观", page=site.events)

    ensure_default_replies(site.home)

    assert KeywordReply.objects.count() == 5
    booking = KeywordReply.objects.get(keywords="预约")
    assert (booking.title, booking.page_id) == ("预约参观", site.events.pk)


def test_an_existing_reply_with_the_keyword_is_kept():
    site = build_site()
    KeywordReply.objects.create(keywords="新闻 资讯", title="最新消息", text="…", page=site.home)
    ensure_default_replies(site.home)
    assert KeywordReply.objects.filter(title="最新消息").exists()
    assert KeywordReply.objects.count() == 5


def test_defaults_make_a_custom_menu():
    site = build_site()
    ensure_default_replies(site.home)
    buttons = build_menu()["button"]
    assert [b["name"] for b in buttons] == ["答题", "预约", "更多"]
    assert [b["name"] for b in buttons[2]["sub_button"]] == ["毒品图鉴", "禁毒资讯", "禁毒活动"]
    assert buttons[0] == {"type": "view", "name": "答题", "url": "http://localhost/campaigns/"}


def test_quiz_keyword_points_at_the_quizzes_once_they_exist():
    site = build_site()
    quizzes = add_quiz_index(site.home)
    ensure_default_replies(site.home)
    assert KeywordReply.objects.get(keywords="答题").page.specific == quizzes


def test_a_keyword_can_open_an_address_given_by_another_app():
    site = build_site()
    ensure_default_replies(site.home, links={"预约": "http://localhost/visit/"})
    booking = KeywordReply.objects.get(keywords="预约")
    assert (booking.page_id, booking.link) == (None, "http://localhost/visit/")
