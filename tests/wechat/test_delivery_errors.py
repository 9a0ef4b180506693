"""WeChat's error table, applied by the delivery."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import make_user
from tests.wechat.outbox_helpers import (
    BOOKING,
    TEMPLATE_ID,
    bound_user,
    edit_text,
    follower,
    queue,
)
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


@pytest.mark.parametrize("one_by_one", [False, True])
def test_held_messages_take_the_template_id_fixed_meanwhile(
    fake_wechat, django_capture_on_commit_callbacks, one_by_one
):
    """40037 (wrong template ID): staff fix the ID in the kind's text, then resume the pause
    or retry the message; sending the old ID again would only be refused again."""
    from wechat import outbox

    queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, 40037)
    deliver_due(threads=1)
    edit_text(template_id="tpl-fixed")
    with django_capture_on_commit_callbacks(execute=True):
        if one_by_one:
            outbox.retry(Message.objects.get())
            ChannelPause.objects.get().delete()
            deliver_due(threads=1)
        else:
            outbox.resume(ChannelPause.objects.get())
    assert Message.objects.get().status == Message.Status.SENT
    sent_ids = [call.body["template_id"] for call in fake_wechat.template_sends]
    assert sent_ids == [TEMPLATE_ID, "tpl-fixed"]


@pytest.mark.parametrize("code", [43101, 48002, 40003, 40097])
def test_refusals_and_unknown_errors_fail_without_retry(fake_wechat, code):
    message = queue(bound_user(), "k1")
    fake_wechat.fail_next(TEMPLATE_SEND, code)
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert str(code) in message.last_error
    assert Follower.objects.get().subscribed  # refusing one message is not unfollowing
    deliver_due(threads=1, now=timezone.now() + datetime.timedelta(days=1))
    assert len(fake_wechat.template_sends) == 1


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


def test_a_failure_that_cannot_be_recorded_does_not_undo_the_batch(fake_wechat, caplog):
    """Handling one failure breaks (here an odd stored payload): the other sends of the
    batch are still recorded, the run goes on, and the broken one is retried later."""
    odd = queue(bound_user("a@example.cn", "o-a"), "k-odd")
    fine = queue(bound_user("b@example.cn", "o-b"), "k-fine")
    odd.payload["fallback_email"] = {"subject": "缺少收件人"}
    Message.objects.filter(pk=odd.pk).update(payload=odd.payload)
    fake_wechat.unfollowed.add("o-a")
    counts = deliver_due(threads=1)
    assert (counts.sent, counts.retrying) == (1, 1)
    fine.refresh_from_db()
    odd.refresh_from_db()
    assert fine.status == Message.Status.SENT
    assert odd.status == Message.Status.PENDING
    assert odd.lease_until is None and odd.next_attempt_at > timezone.now()
    assert "recording the failure failed" in caplog.text
    assert len(fake_wechat.template_sends) == 2


def test_a_mail_server_that_never_answers_times_out(fake_wechat, settings, monkeypatch):
    """Django waits for the mail server forever unless EMAIL_TIMEOUT is set: the run would
    hang. Email sends have a timeout of their own, and the message is retried."""
    import socket
    import threading

    from wechat import transports

    silent = socket.create_server(("127.0.0.1", 0))
    give_up = threading.Event()

    def hold_the_line() -> None:  # accepts, says nothing, hangs up only when told
        connection, _ = silent.accept()
        give_up.wait(10)
        connection.close()

    threading.Thread(target=hold_the_line, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
    settings.EMAIL_TIMEOUT = None
    monkeypatch.setattr(transports, "EMAIL_TIMEOUT", 0.2)
    message = queue(make_user("parent@example.cn"), "k1")
    try:
        deliver_due(threads=1)
    finally:
        give_up.set()
        silent.close()
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert "timed out" in message.last_error  # not the hang-up that ended a wait
