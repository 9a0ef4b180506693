"""WeChat's reports on finished mass and template sends land on the outbox message."""

import pytest
from django.utils import timezone

from tests.wechat.callback_requests import event, post
from wechat.models import Message
from wechat.models.messages import Channel

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def sent_message(channel: str, msgid: str) -> Message:
    return Message.objects.create(
        kind="campaign_alert",
        channel=channel,
        idempotency_key=f"{channel}:{msgid}",
        status=Message.Status.SENT,
        next_attempt_at=timezone.now(),
        sent_at=timezone.now(),
        wechat_msgid=msgid,
        payload={"text": "6·26 国际禁毒日活动通知"},
    )


def test_mass_send_counts_are_stored(client):
    message = sent_message(Channel.MASS, "1000001625")
    xml = event(
        "MASSSENDJOBFINISH",
        openid="mphelper",
        MsgID="1000001625",
        Status="send success",
        TotalCount="100",
        FilterCount="80",
        SentCount="75",
        ErrorCount="5",
    )
    assert post(client, xml).content == b"success"
    message.refresh_from_db()
    assert message.payload["text"] == "6·26 国际禁毒日活动通知"
    assert message.payload["result"] == {
        "status": "send success",
        "TotalCount": 100,
        "FilterCount": 80,
        "SentCount": 75,
        "ErrorCount": 5,
    }
    assert message.status == Message.Status.SENT


def test_report_for_an_unknown_mass_send_is_ignored(client):
    message = sent_message(Channel.MASS, "1")
    post(client, event("MASSSENDJOBFINISH", openid="mphelper", MsgID="2", Status="send success"))
    message.refresh_from_db()
    assert "result" not in message.payload


def test_blocked_template_message_gets_an_error_but_keeps_its_status(client):
    message = sent_message(Channel.TEMPLATE, "200163836")
    post(client, event("TEMPLATESENDJOBFINISH", MsgID="200163836", Status="failed:user block"))
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert "拒收" in message.last_error


def test_delivered_template_message_is_left_alone(client):
    message = sent_message(Channel.TEMPLATE, "200163837")
    post(client, event("TEMPLATESENDJOBFINISH", MsgID="200163837", Status="success"))
    message.refresh_from_db()
    assert message.last_error == ""


def test_reports_of_two_batches_finishing_in_the_same_second_are_both_stored(client):
    first, second = (
        sent_message(Channel.MASS, "1000001626"),
        sent_message(Channel.MASS, "1000001627"),
    )
    for message in (first, second):
        xml = event(
            "MASSSENDJOBFINISH",
            openid="mphelper",
            create_time=1_700_000_000,
            MsgID=message.wechat_msgid,
            Status="send success",
            SentCount="2",
        )
        assert post(client, xml).content == b"success"
    for message in (first, second):
        message.refresh_from_db()
        assert message.payload["result"]["SentCount"] == 2


def test_a_retried_report_is_handled_once(client):
    message = sent_message(Channel.MASS, "1000001628")
    xml = event("MASSSENDJOBFINISH", openid="mphelper", MsgID="1000001628", SentCount="2")
    post(client, xml)
    Message.objects.filter(pk=message.pk).update(payload={})
    post(client, xml)
    message.refresh_from_db()
    assert message.payload == {}


def test_odd_counts_are_left_out(client):
    message = sent_message(Channel.MASS, "1000001629")
    xml = event("MASSSENDJOBFINISH", openid="mphelper", MsgID="1000001629", SentCount="²")
    assert post(client, xml).content == b"success"
    message.refresh_from_db()
    assert "SentCount" not in message.payload["result"]
