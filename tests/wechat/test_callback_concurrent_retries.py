"""WeChat's retries can overlap the first delivery still being handled: one is handled, the
others wait for it and get the same reply."""

import pytest
from django.db import connection
from django.test import Client

from tests.wechat.callback_requests import OPENID, configure, event, post
from tests.wechat.concurrent_calls import at_once
from wechat.models import Follower, InboundMessage

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL only"
    ),
]


def test_overlapping_deliveries_of_one_event_are_handled_once(settings):
    configure(settings)
    xml = event("subscribe", create_time=1_800_000_000)

    responses = at_once(lambda: post(Client(), xml), [()] * 3)

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert len({r.content for r in responses}) == 1
    assert "感谢关注".encode() in responses[0].content
    assert InboundMessage.objects.count() == 1
    assert Follower.objects.filter(openid=OPENID, subscribed=True).count() == 1
