"""A click on a custom-menu button (key reply:<id>) is answered like its keyword."""

import pytest

from tests.factories import build_site
from tests.wechat.callback_requests import OPENID, event, post, reply
from wechat.models import Follower, KeywordReply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def test_click_gets_the_reply_card(client):
    site = build_site()
    quiz = KeywordReply.objects.create(
        title="参加禁毒知识答题", text="测一测。", page=site.campaigns, menu_label="答题"
    )
    answer = reply(post(client, event("CLICK", EventKey=f"reply:{quiz.pk}")))

    assert answer["MsgType"] == "news"
    assert answer["Articles"]["item"]["Url"] == "http://localhost/campaigns/"
    assert Follower.objects.get(openid=OPENID).last_interaction_at is not None


def test_click_on_a_removed_reply_gets_help(client):
    KeywordReply.objects.create(keywords="电话", title="联系我们", text="0000-12345")
    answer = reply(post(client, event("CLICK", EventKey="reply:999")))
    assert "回复「电话」：联系我们" in answer["Content"]


def test_click_with_another_key_gets_success(client):
    assert post(client, event("CLICK", EventKey="V1001_TODAY_MUSIC")).content == b"success"
    assert post(client, event("CLICK", EventKey="reply:abc")).content == b"success"


@pytest.mark.parametrize("key", ["reply:²", "reply:" + "9" * 30, "reply:"])
def test_click_with_an_odd_number_gets_no_error(client, key):
    assert post(client, event("CLICK", EventKey=key)).status_code == 200
