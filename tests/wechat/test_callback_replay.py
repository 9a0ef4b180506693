"""WeChat retries a message it got no answer to in time: each message is handled once."""

import pytest
from django.core.cache import cache

from tests.factories import build_site
from tests.wechat.callback_requests import OPENID, event, message, post
from wechat.models import Follower, InboundMessage, KeywordReply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def test_a_retried_message_is_handled_once_and_gets_the_same_reply(client):
    site = build_site()
    KeywordReply.objects.create(
        keywords="知识", title="毒品图鉴", text="认清毒品。", page=site.drug_facts
    )
    xml = message("知识", msg_id=1234567890123456)

    first = post(client, xml)
    seen_at = Follower.objects.get(openid=OPENID).last_interaction_at
    second = post(client, xml)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert InboundMessage.objects.filter(key="msg:1234567890123456").count() == 1
    assert Follower.objects.get(openid=OPENID).last_interaction_at == seen_at


def test_a_retry_after_the_reply_expired_gets_success(client):
    xml = message("你好")
    post(client, xml)
    cache.clear()
    response = post(client, xml)
    assert response.content == b"success"
    assert InboundMessage.objects.count() == 1


def test_a_retried_event_is_handled_once(client):
    xml = event("subscribe", create_time=1_700_000_000)
    post(client, xml)
    Follower.objects.filter(openid=OPENID).update(subscribed=False)  # as if unfollowed since

    assert post(client, xml).status_code == 200
    assert Follower.objects.get(openid=OPENID).subscribed is False
    assert InboundMessage.objects.count() == 1


def test_same_sender_and_time_but_another_event_is_not_a_retry(client):
    post(client, event("subscribe", create_time=1_700_000_000))
    post(client, event("unsubscribe", create_time=1_700_000_000))
    assert InboundMessage.objects.count() == 2
    assert Follower.objects.get(openid=OPENID).subscribed is False
