"""The custom menu is built from the keyword replies that have a menu name."""

import pytest

from tests.factories import build_site
from wechat.menu import MenuError, build_menu
from wechat.models import KeywordReply

pytestmark = pytest.mark.django_db


def add(label: str, order: int, group: str = "", **fields) -> KeywordReply:
    fields.setdefault("text", "…")
    return KeywordReply.objects.create(
        title=label, menu_label=label, menu_group=group, menu_order=order, **fields
    )


def test_menu_with_view_click_and_sub_buttons():
    site = build_site()
    add("答题", 1, page=site.campaigns)
    hotline = add("禁毒热线", 4, group="服务")
    add("新闻", 3, group="服务", url="https://example.cn/news")
    add("毒品图鉴", 2, group="知识", page=site.drug_facts)
    KeywordReply.objects.create(keywords="不在菜单", title="x", text="…")
    add("停用", 0, active=False)

    assert build_menu() == {
        "button": [
            {"type": "view", "name": "答题", "url": "http://localhost/campaigns/"},
            {
                "name": "知识",
                "sub_button": [
                    {"type": "view", "name": "毒品图鉴", "url": "http://localhost/drugs/"}
                ],
            },
            {
                "name": "服务",
                "sub_button": [
                    {"type": "view", "name": "新闻", "url": "https://example.cn/news"},
                    {"type": "click", "name": "禁毒热线", "key": f"reply:{hotline.pk}"},
                ],
            },
        ]
    }


def test_empty_menu_is_an_error():
    with pytest.raises(MenuError, match="自定义菜单为空"):
        build_menu()


def test_too_many_buttons_saved_without_validation_are_an_error():
    for n, label in enumerate(["答题", "预约", "知识", "新闻"]):
        add(label, n)
    with pytest.raises(MenuError, match="最多 3 个一级菜单"):
        build_menu()
