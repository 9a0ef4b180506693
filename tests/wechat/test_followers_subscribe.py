"""Following and unfollowing the account keep the Follower row current."""

import pytest

from tests.wechat.callback_requests import OPENID, event, message, post, reply
from wechat.models import Follower

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def test_subscribe_creates_a_follower_and_greets_with_the_keywords(client):
    answer = reply(post(client, event("subscribe")))

    follower = Follower.objects.get(openid=OPENID)
    assert follower.subscribed is True
    assert follower.subscribed_at is not None
    assert follower.last_interaction_at is not None
    assert answer["MsgType"] == "text"
    assert "感谢关注" in answer["Content"]


def test_unsubscribe_marks_the_follower(client):
    post(client, event("subscribe"))
    response = post(client, event("unsubscribe", create_time=1_900_000_000))

    assert response.content == b"success"
    follower = Follower.objects.get(openid=OPENID)
    assert follower.subscribed is False
    assert follower.unsubscribed_at is not None
    assert follower.subscribed_at is not None


def test_subscribing_again_clears_the_unsubscribe(client):
    post(client, event("subscribe", create_time=1_800_000_000))
    post(client, event("unsubscribe", create_time=1_800_000_010))
    post(client, event("subscribe", create_time=1_800_000_020))

    follower = Follower.objects.get(openid=OPENID)
    assert follower.subscribed is True
    assert follower.unsubscribed_at is None


def test_unsubscribe_of_an_unknown_user_is_recorded(client):
    post(client, event("unsubscribe"))
    assert Follower.objects.get(openid=OPENID).subscribed is False


def test_any_message_opens_the_service_window(client):
    follower = Follower.objects.create(openid=OPENID, subscribed=True)
    post(client, message("你好"))
    first = Follower.objects.get(pk=follower.pk).last_interaction_at
    post(client, event("VIEW", EventKey="http://localhost/"))
    assert first is not None
    assert Follower.objects.get(pk=follower.pk).last_interaction_at >= first


def test_reports_do_not_create_followers(client):
    post(client, event("MASSSENDJOBFINISH", openid="mphelper", MsgID="1", Status="send success"))
    post(client, event("some_future_event"))
    assert not Follower.objects.exists()
