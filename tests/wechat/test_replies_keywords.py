"""Keywords are answered with a link card into the site, or a text; anything else gets the
list of keywords."""

import pytest

from tests.factories import build_site, make_image
from tests.wechat.callback_requests import ACCOUNT, OPENID, message, post, reply
from wechat.models import KeywordReply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


@pytest.fixture
def site():
    site = build_site()
    KeywordReply.objects.create(
        keywords="知识、毒品， drugs",
        title="毒品图鉴",
        text="认清毒品的样子、俗称和危害。",
        page=site.drug_facts,
        menu_order=2,
    )
    KeywordReply.objects.create(
        keywords="答题",
        title="参加禁毒知识答题",
        text="测一测。",
        page=site.campaigns,
        menu_order=1,
    )
    KeywordReply.objects.create(
        keywords="电话", title="联系我们", text="禁毒热线：0000-12345", menu_order=3
    )
    return site


def card(content: str, client) -> dict:
    answer = reply(post(client, message(content)))
    assert answer["MsgType"] == "news", answer
    assert answer["ArticleCount"] == "1"
    return answer["Articles"]["item"]


@pytest.mark.parametrize("content", ["知识", " 毒品 ", "DRUGS", "drugs"])
def test_each_keyword_gets_the_page_card(client, site, content):
    item = card(content, client)
    assert item["Title"] == "毒品图鉴"
    assert item["Description"] == "认清毒品的样子、俗称和危害。"
    assert item["Url"] == "http://localhost/drugs/"


def test_reply_goes_from_the_account_to_the_user(client, site):
    answer = reply(post(client, message("答题")))
    assert answer["FromUserName"] == ACCOUNT
    assert answer["ToUserName"] == OPENID


def test_a_keyword_inside_a_sentence_is_not_a_match(client, site):
    answer = reply(post(client, message("我想了解毒品知识")))
    assert answer["MsgType"] == "text"
    assert "回复「知识」" in answer["Content"]


def test_reply_without_a_link_is_text(client, site):
    answer = reply(post(client, message("电话")))
    assert answer == {**answer, "MsgType": "text", "Content": "禁毒热线：0000-12345"}


def test_address_link_and_image(client, site):
    KeywordReply.objects.create(
        keywords="视频",
        title="禁毒宣传片",
        text="观看。",
        url="https://video.example.cn/626",
        image=make_image(),
    )
    item = card("视频", client)
    assert item["Url"] == "https://video.example.cn/626"
    assert item["PicUrl"].startswith("http://127.0.0.1:8000/media/images/")


def test_unpublished_page_falls_back_to_text(client, site):
    site.drug_facts.unpublish()
    answer = reply(post(client, message("知识")))
    assert answer["MsgType"] == "text"
    assert answer["Content"] == "认清毒品的样子、俗称和危害。"


def test_inactive_reply_is_not_used(client, site):
    KeywordReply.objects.filter(title="毒品图鉴").update(active=False)
    answer = reply(post(client, message("知识")))
    assert answer["MsgType"] == "text"
    assert "回复「知识」" not in answer["Content"]


@pytest.mark.parametrize("content", ["帮助", "?", "？", "随便说点什么"])
def test_help_lists_the_keywords_in_order(client, site, content):
    answer = reply(post(client, message(content)))
    assert answer["MsgType"] == "text"
    text = answer["Content"]
    assert "回复「答题」：参加禁毒知识答题" in text
    assert "回复「知识」：毒品图鉴" in text
    assert text.index("答题") < text.index("知识") < text.index("电话")


def test_other_message_types_get_success(client, site):
    xml = message("x").replace("<MsgType>text</MsgType>", "<MsgType>voice</MsgType>")
    assert post(client, xml).content == b"success"


def test_xml_in_editor_text_stays_inside_the_reply(client, site):
    KeywordReply.objects.create(keywords="测试", title="t", text="a]]></Content><b>x</b>")
    answer = reply(post(client, message("测试")))
    assert answer["Content"] == "a]]></Content><b>x</b>"
