"""Editors get a clear message for keyword replies WeChat or the account could not use."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from wechat.models import KeywordReply

pytestmark = pytest.mark.django_db


def errors(**fields) -> dict[str, list[str]]:
    fields.setdefault("title", "标题")
    fields.setdefault("text", "内容")
    try:
        KeywordReply(**fields).full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_valid_reply_passes():
    assert errors(keywords="答题", url="https://example.cn/quiz", menu_label="答题") == {}


def test_needs_a_keyword_or_a_menu_name():
    assert "请至少填写一个关键词" in errors(keywords=" ,、 ")["keywords"][0]
    assert errors(menu_label="热线") == {}


def test_help_words_are_reserved():
    assert "帮助" in errors(keywords="帮助")["keywords"][0]
    assert "?" in errors(keywords="热线 ?")["keywords"][0]


def test_a_keyword_is_used_by_one_active_reply():
    KeywordReply.objects.create(keywords="知识", title="毒品图鉴", text="…")
    assert "已被「毒品图鉴」使用" in errors(keywords="资料、知识")["keywords"][0]
    assert errors(keywords="知识", active=False) == {}


def test_page_and_address_are_exclusive():
    page = Page.get_first_root_node()
    assert "只能填写一项" in errors(keywords="a", page=page, url="https://example.cn/")["url"][0]


def test_menu_label_widths():
    assert "4 个汉字" in errors(keywords="a", menu_label="禁毒知识答题")["menu_label"][0]
    assert errors(keywords="a", menu_label="禁毒知识") == {}
    assert errors(keywords="a", menu_label="Quiz2024") == {}
    assert (
        "8 个汉字"
        in errors(keywords="a", menu_label="参加禁毒知识答题活动", menu_group="学习")["menu_label"][
            0
        ]
    )
    assert (
        "4 个汉字"
        in errors(keywords="a", menu_label="答题", menu_group="禁毒学习园地")["menu_group"][0]
    )
    assert "请先填写菜单名称" in errors(keywords="a", menu_group="学习")["menu_group"][0]


def test_at_most_three_top_level_buttons():
    for label in ["答题", "预约", "知识"]:
        KeywordReply.objects.create(title=label, text="…", menu_label=label)
    assert "最多 3 个一级菜单" in errors(menu_label="新闻")["menu_label"][0]
    assert errors(menu_label="新闻", active=False) == {}


def test_at_most_five_sub_buttons():
    for n in range(5):
        KeywordReply.objects.create(
            title=f"t{n}", text="…", menu_label=f"子菜单{n}", menu_group="学习"
        )
    assert "最多 5 个子菜单" in errors(menu_label="第六个", menu_group="学习")["menu_group"][0]
    assert errors(menu_label="答题", menu_group="服务") == {}


def test_editing_a_reply_does_not_count_it_twice():
    replies = [
        KeywordReply.objects.create(title=label, text="…", menu_label=label)
        for label in ["答题", "预约", "知识"]
    ]
    replies[0].menu_label = "知识答题"
    replies[0].full_clean()
