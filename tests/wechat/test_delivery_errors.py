"""WeChat's error table, applied by the delivery."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import make_user
from tests.wechat.outbox_helpers import BOOKING, bound_user, follower, queue
from wechat.delivery import deliver_due
from wechat.models import ChannelPause, Follower, Message
from wechat.models.messages import Channel

pytestmark = pytest.mark.django_db

TEMPLATE_SEND = "/cgi-bin/message/template/send"
BEIJING = ZoneInfo("Asia/Shanghai")


def test_unfollowed_user_is_marked_and_not_retried(fake_wechat):
    follower("o-gone")
    message = queue("o-gone", "k1")
    fake_wechat.unfollowed.add("o-gone")
    counts = deliver_due(threads=1)
    message.refresh_from_db()
    assert counts.failed == 1
    assert message.status == Message.Status.FAILED
    assert "43004" in message.last_error
    gone = Follower.objects.get(openid="o-gone")
    assert not gone.subscribed and gone.unsubscribed_at is not None
    deliver_due(threads=1, now=timezone.now() + datetime.timedelta(days=2))
    assert len(fake_wechat.template_sends) == 1


def test_unfollowed_user_with_email_gets_the_same_content_by_email(fake_wechat):
    user = bound_user("parent@example.cn", "o-parent")
    message = queue(user, "booking:3:confirmed")
    fake_wechat.unfollowed.add("o-parent")
    deliver_due(threads=1)
    email = Message.objects.get(channel=Channel.EMAIL)
    assert email.idempotency_key == "booking:3:confirmed:email"
    assert email.status == Message.Status.SENT
    assert email.payload == message.payload["fallback_email"]
    assert [m.subject for m in mail.outbox] == ["预约成功：市禁毒教育基地"]


def test_known_unfollowed_follower_is_skipped_without_calling_wechat(fake_wechat):
    follower("o-left")
    message = queue("o-left", "k1")
    Follower.objects.filter(openid="o-left").update(subscribed=False)
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert fake_wechat.template_sends == []


def test_daily_quota_pauses_the_channel_until_midnight_beijing(fake_wechat):
    user = bound_user()
    first = queue(user, "k1")
    second = queue(user, "k2")
    fake_wechat.fail_next(TEMPLATE_SEND, 45009)
    now = datetime.datetime(2026, 6, 26, 22, 30, tzinfo=BEIJING)
    Message.objects.update(next_attempt_at=now)
    deliver_due(threads=1, batch_size=1, now=now)
    midnight = datetime.datetime(2026, 6, 27, 0, 0, tzinfo=BEIJING)
    pause = ChannelPause.objects.get()
    assert (pause.channel, pause.kind, pause.paused_until) == ("template", "", midnight)
    assert pause.error_code == 45009
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Message.Status.PENDING
    assert first.next_attempt_at == midnight
    assert first.attempts == 0  # a full channel does not count against the message
    assert second.attempts == 0  # the paused channel was not tried again
    assert len(fake_wechat.template_sends) == 1

    deliver_due(threads=1, now=midnight + datetime.timedelta(seconds=1))
    assert Message.objects.filter(status=Message.Status.SENT).count() == 2


def test_rate_limit_pauses_at_least_a_minute(fake_wechat):
    message = queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, 45011)
    now = timezone.now()
    deliver_due(threads=1, now=now)
    pause = ChannelPause.objects.get()
    assert pause.paused_until >= now + datetime.timedelta(seconds=60)
    deliver_due(threads=1, now=now + datetime.timedelta(seconds=30))
    assert len(fake_wechat.template_sends) == 1
    deliver_due(threads=1, now=now + datetime.timedelta(seconds=61))
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


def test_rate_limit_does_not_shorten_a_daily_pause(fake_wechat):
    from wechat.delivery import pause_channel

    now = timezone.now()
    pause_channel("template", now + datetime.timedelta(hours=3), 45009, "quota")
    pause_channel("template", now + datetime.timedelta(seconds=60), 45011, "rate")
    assert ChannelPause.objects.get().error_code == 45009


def test_configuration_error_holds_pauses_the_kind_and_alerts_once(
    fake_wechat, caplog, settings, django_capture_on_commit_callbacks
):
    settings.ADMINS = [("运维", "ops@example.cn")]
    user = bound_user()
    other = bound_user("b@example.cn", "o-b")
    messages = [queue(user, "k1"), queue(other, "k2"), queue(user, "k3")]
    fake_wechat.fail_next(TEMPLATE_SEND, 47003, 47003)
    with django_capture_on_commit_callbacks(execute=True):
        deliver_due(threads=1, batch_size=2)
    statuses = sorted(Message.objects.values_list("status", flat=True))
    assert statuses == ["held", "held", "pending"]  # the third was never tried
    pause = ChannelPause.objects.get()
    assert (pause.channel, pause.kind, pause.paused_until) == ("template", BOOKING.key, None)
    assert pause.error_code == 47003
    assert [m.to for m in mail.outbox] == [["ops@example.cn"]]
    assert "微信消息发送已暂停" in mail.outbox[0].subject
    assert [r.levelname for r in caplog.records if "已暂停" in r.getMessage()] == ["ERROR"]
    assert "模板ID" in Message.objects.get(pk=messages[0].pk).last_error

    deliver_due(threads=1, now=timezone.now() + datetime.timedelta(days=3))
    assert len(fake_wechat.template_sends) == 2  # paused until staff resume it


def test_resume_sends_held_messages(fake_wechat, django_capture_on_commit_callbacks):
    from wechat import outbox

    queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, 40037)
    deliver_due(threads=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.resume(ChannelPause.objects.get()) == 1
    assert Message.objects.get().status == Message.Status.SENT
    assert not ChannelPause.objects.exists()


def test_drop_codes_fail_without_retry(fake_wechat):
    message = queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, 43101)
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert "43101" in message.last_error
    assert Follower.objects.get().subscribed  # refusing one message is not unfollowing


def test_unknown_error_fails(fake_wechat):
    message = queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, 40097)
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED


def test_past_deadline_expires_unsent(fake_wechat):
    now = timezone.now()
    message = queue(bound_user(), "k1", not_after=now + datetime.timedelta(hours=1))
    counts = deliver_due(threads=1, now=now + datetime.timedelta(hours=2))
    message.refresh_from_db()
    assert counts.expired == 1
    assert message.status == Message.Status.EXPIRED
    assert fake_wechat.template_sends == []


def test_retry_that_would_miss_the_deadline_expires(fake_wechat):
    message = queue(bound_user(), "k1", not_after=timezone.now() + datetime.timedelta(seconds=10))
    now = timezone.now()
    fake_wechat.fail_next(TEMPLATE_SEND, -1)
    deliver_due(threads=1, now=now)
    message.refresh_from_db()
    assert message.status == Message.Status.EXPIRED
    assert "最晚发送时间" in message.last_error


def test_smtp_failure_is_retried(fake_wechat, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens: connection refused
    settings.EMAIL_TIMEOUT = 1
    message = queue(make_user("parent@example.cn"), "k1")
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert "邮件发送失败" in message.last_error
    assert message.next_attempt_at > timezone.now()
