import pytest
from django.db import transaction

from tests.factories import make_user
from tests.wechat.outbox_helpers import (
    BOOKING,
    CONTEXT,
    SUBSCRIBE_ID,
    TEMPLATE_ID,
    bound_user,
    edit_text,
    follower,
    queue,
)
from wechat import outbox
from wechat.models import Follower, Message
from wechat.models.messages import Channel

pytestmark = pytest.mark.django_db


def test_rolled_back_transaction_leaves_no_message(fake_wechat, django_capture_on_commit_callbacks):
    user = bound_user()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                outbox.notify(user, BOOKING.key, CONTEXT, key="booking:1:confirmed")
                raise RuntimeError("the booking failed")
    assert not Message.objects.exists()
    assert callbacks == []
    assert fake_wechat.template_sends == []


def test_committed_message_is_sent_after_commit(fake_wechat, django_capture_on_commit_callbacks):
    user = bound_user()
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(user, "booking:1:confirmed")
        assert fake_wechat.template_sends == []  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert len(fake_wechat.template_sends) == 1


def test_same_key_twice_is_one_message(fake_wechat):
    user = bound_user()
    first = queue(user, "booking:1:confirmed")
    second = queue(user, "booking:1:confirmed", context={**CONTEXT, "venue": "别的场馆"})
    assert second.pk == first.pk
    assert Message.objects.count() == 1
    assert second.payload["data"]["thing1"] == "市禁毒教育基地"


def test_duplicate_insert_keeps_callers_transaction_usable(fake_wechat):
    """Two requests racing with one key: the loser gets the winner's row, its own
    transaction still works."""
    user = bound_user()
    with transaction.atomic():
        first = outbox.notify(user, BOOKING.key, CONTEXT, key="booking:1:confirmed")
        duplicate = Message(
            kind=BOOKING.key,
            channel=Channel.EMAIL,
            idempotency_key="booking:1:confirmed",
            payload={},
        )
        assert outbox._save(duplicate).pk == first.pk
        assert Message.objects.count() == 1  # the transaction is still usable


def test_subscribed_follower_gets_a_template_message(fake_wechat, settings):
    user = bound_user()
    message = queue(user, "k1")
    assert message.channel == Channel.TEMPLATE
    assert message.status == Message.Status.PENDING
    assert message.payload["touser"] == "o-teacher"
    assert message.payload["template_id"] == TEMPLATE_ID
    assert message.payload["data"] == {
        "thing1": "市禁毒教育基地",
        "time2": "2024年6月26日 09:00",
        "character_string3": "AB12CD",
        "phrase4": "已确认",
    }
    assert message.payload["url"] == settings.WAGTAILADMIN_BASE_URL + "/booking/AB12CD/"
    assert message.payload["client_msg_id"] == "k1"
    assert message.payload["fallback_email"]["to"] == "teacher@example.cn"


def test_openid_recipient(fake_wechat):
    follower("o-visitor")
    message = queue("o-visitor", "k1")
    assert message.channel == Channel.TEMPLATE
    assert message.user is None
    assert "fallback_email" not in message.payload


def test_subscribe_channel_when_preferred_and_consented(fake_wechat, settings):
    follower("o-yes", subscriptions={SUBSCRIBE_ID: "accept"})
    follower("o-no", subscriptions={SUBSCRIBE_ID: "reject"})
    consented = queue("o-yes", "r1", kind="test_reminder")
    refused = queue("o-no", "r2", kind="test_reminder")
    assert consented.channel == Channel.SUBSCRIBE
    assert consented.payload["template_id"] == SUBSCRIBE_ID
    assert refused.channel == Channel.TEMPLATE

    # A one-time opt-in allows one send: the next message goes as a template message.
    again = queue("o-yes", "r3", kind="test_reminder")
    assert again.channel == Channel.TEMPLATE
    assert Follower.objects.get(openid="o-yes").subscriptions == {SUBSCRIBE_ID: "spent"}
    # The same event queued again is the first message and spends nothing.
    assert queue("o-yes", "r1", kind="test_reminder").pk == consented.pk


def test_user_without_wechat_gets_email(fake_wechat):
    user = make_user("parent@example.cn")
    message = queue(user, "k1")
    assert message.channel == Channel.EMAIL
    assert message.email == "parent@example.cn"
    assert message.payload["subject"] == "预约成功：市禁毒教育基地"
    assert "预约码 AB12CD" in message.payload["body"]


def test_unsubscribed_follower_gets_email(fake_wechat):
    user = bound_user(subscribed=False)
    assert queue(user, "k1").channel == Channel.EMAIL


def test_wechat_not_configured_means_email(settings):
    settings.WECHAT_APP_ID = ""
    user = bound_user()
    assert queue(user, "k1").channel == Channel.EMAIL


def test_nobody_to_reach_is_a_failed_row_saying_why(fake_wechat):
    user = make_user("nomail@example.cn")
    user.email = ""
    user.save()
    message = queue(user, "k1")
    assert message.status == Message.Status.FAILED
    assert message.last_error == "该用户未绑定微信，且没有邮箱"
    stranger = queue("o-unknown", "k2")
    assert stranger.status == Message.Status.FAILED
    assert stranger.last_error == "收件人不是本公众号的关注者"
    assert "o-" not in stranger.last_error


def test_kind_without_template_id_goes_by_email(fake_wechat):
    from wechat import kinds

    user = bound_user()
    assert kinds.get("channel_test").template_id == ""
    message = queue(user, "k1", kind="channel_test", context={"time": "15:01"})
    assert message.channel == Channel.EMAIL


def test_editing_a_text_does_not_change_queued_messages(fake_wechat):
    user = bound_user()
    queued = queue(user, "k1")
    edit_text(fields={"thing1": "新场馆 {venue}"}, email_subject="新标题")
    later = queue(user, "k2")
    queued.refresh_from_db()
    assert queued.payload["data"]["thing1"] == "市禁毒教育基地"
    assert later.payload["data"]["thing1"] == "新场馆 市禁毒教育基地"
    assert later.payload["fallback_email"]["subject"] == "新标题"


def test_long_keys_are_hashed(fake_wechat):
    user = bound_user()
    message = queue(user, "booking:" + "x" * 200)
    assert len(message.idempotency_key) <= 150
    assert len(message.payload["client_msg_id"]) == 64
    assert queue(user, "booking:" + "x" * 200).pk == message.pk


def test_unknown_kind_is_refused(fake_wechat):
    with pytest.raises(LookupError):
        queue(bound_user(), "k1", kind="no_such_kind")
