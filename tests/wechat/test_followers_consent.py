"""订阅通知 consent events: which templates each follower accepted or rejected."""

import pytest

from tests.wechat.callback_requests import OPENID, event, post
from wechat.models import Follower

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def items(*entries: str) -> str:
    return "".join(f"<List>{entry}</List>" for entry in entries)


def choice(template_id: str, status: str) -> str:
    return (
        f"<TemplateId><![CDATA[{template_id}]]></TemplateId>"
        f"<SubscribeStatusString><![CDATA[{status}]]></SubscribeStatusString>"
        "<PopupScene>2</PopupScene>"
    )


def test_popup_choices_are_recorded(client):
    xml = event(
        "subscribe_msg_popup_event",
        SubscribeMsgPopupEvent=items(choice("tpl-booking", "accept"), choice("tpl-quiz", "reject")),
    )
    assert post(client, xml).content == b"success"
    follower = Follower.objects.get(openid=OPENID)
    assert follower.subscriptions == {"tpl-booking": "accept", "tpl-quiz": "reject"}


def test_a_single_choice_is_recorded(client):
    post(
        client,
        event("subscribe_msg_popup_event", SubscribeMsgPopupEvent=items(choice("tpl-a", "accept"))),
    )
    assert Follower.objects.get(openid=OPENID).subscriptions == {"tpl-a": "accept"}


def test_changing_a_choice_keeps_the_others(client):
    Follower.objects.create(openid=OPENID, subscriptions={"tpl-a": "accept", "tpl-b": "accept"})
    post(
        client,
        event(
            "subscribe_msg_change_event", SubscribeMsgChangeEvent=items(choice("tpl-b", "reject"))
        ),
    )
    assert Follower.objects.get(openid=OPENID).subscriptions == {
        "tpl-a": "accept",
        "tpl-b": "reject",
    }


def test_a_refused_send_withdraws_consent(client):
    Follower.objects.create(openid=OPENID, subscriptions={"tpl-a": "accept", "tpl-b": "accept"})
    sent = items(
        "<TemplateId>tpl-a</TemplateId><MsgID>1</MsgID><ErrorCode>43101</ErrorCode>"
        "<ErrorStatus>fail</ErrorStatus>",
        "<TemplateId>tpl-b</TemplateId><MsgID>2</MsgID><ErrorCode>0</ErrorCode>"
        "<ErrorStatus>success</ErrorStatus>",
    )
    post(client, event("subscribe_msg_sent_event", SubscribeMsgSentEvent=sent))
    assert Follower.objects.get(openid=OPENID).subscriptions == {
        "tpl-a": "reject",
        "tpl-b": "accept",
    }


def test_odd_consent_events_change_nothing(client):
    post(
        client,
        event("subscribe_msg_popup_event", SubscribeMsgPopupEvent=items(choice("tpl-a", "maybe"))),
    )
    post(client, event("subscribe_msg_popup_event", create_time=1_800_000_000))
    assert Follower.objects.filter(subscriptions={}).count() == Follower.objects.count()
