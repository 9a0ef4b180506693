"""Editors manage keyword replies in the Wagtail admin, with the model's checks as form errors."""

import pytest
from django.urls import reverse

from tests.factories import build_site, make_superuser
from wechat.models import KeywordReply

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_wechat_keywordreply:add"


@pytest.fixture
def editor(client):
    client.force_login(make_superuser())
    return client


def form(**fields) -> dict:
    data = {
        "keywords": "答题",
        "title": "参加禁毒知识答题",
        "text": "测一测你的禁毒知识。",
        "page": "",
        "url": "",
        "image": "",
        "menu_label": "",
        "menu_group": "",
        "menu_order": "0",
        "active": "on",
    }
    return {**data, **fields}


def test_editor_adds_a_reply_linking_a_page(editor):
    site = build_site()
    response = editor.post(reverse(ADD), form(page=str(site.campaigns.pk), menu_label="答题"))
    assert response.status_code == 302
    reply = KeywordReply.objects.get()
    assert reply.link == "http://localhost/campaigns/"


def test_editor_sees_why_a_reply_is_refused(editor):
    response = editor.post(reverse(ADD), form(menu_label="参加禁毒知识答题"))
    assert response.status_code == 200
    assert "一级菜单名称最多 4 个汉字" in response.content.decode()
    assert not KeywordReply.objects.exists()


def test_listing_and_search(editor):
    KeywordReply.objects.create(keywords="预约", title="预约参观", text="…")
    listing = reverse("wagtailsnippets_wechat_keywordreply:list")
    assert "预约参观" in editor.get(listing).content.decode()
    assert "预约参观" in editor.get(listing, {"q": "预约"}).content.decode()
