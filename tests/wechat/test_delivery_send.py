import pytest
from django.core import mail

from tests.factories import make_user
from tests.wechat.outbox_helpers import bound_user, delivered_keys, queue, queue_many, sends_by_key
from wechat.delivery import deliver_due
from wechat.models import Message
from wechat.models.messages import Channel

pytestmark = pytest.mark.django_db


def test_template_message_is_sent_once(fake_wechat):
    message = queue(bound_user(), "booking:1:confirmed")
    counts = deliver_due(threads=4)
    message.refresh_from_db()
    assert (counts.sent, message.status, message.attempts) == (1, Message.Status.SENT, 1)
    assert message.sent_at is not None
    assert message.lease_until is None
    [call] = fake_wechat.template_sends
    assert call.body["touser"] == "o-teacher"
    assert call.body["client_msg_id"] == "booking:1:confirmed"
    assert call.body["data"]["thing1"] == {"value": "市禁毒教育基地"}
    assert message.wechat_msgid == str(call.response["msgid"])
    assert deliver_due(threads=4).sent == 0  # nothing twice


def test_email_message(fake_wechat):
    message = queue(make_user("parent@example.cn"), "booking:2:confirmed")
    deliver_due(threads=4)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    [email] = mail.outbox
    assert email.to == ["parent@example.cn"]
    assert email.subject == "预约成功：市禁毒教育基地"
    assert "预约码 AB12CD" in email.body
    assert "/booking/AB12CD/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and "市禁毒教育基地" in html


def test_many_messages_through_the_thread_pool(fake_wechat):
    messages = queue_many(120)
    counts = deliver_due(batch_size=50, threads=8)
    assert counts.sent == 120
    assert Message.objects.filter(status=Message.Status.SENT).count() == 120
    assert sorted(delivered_keys(fake_wechat)) == sorted(m.idempotency_key for m in messages)
    assert set(sends_by_key(fake_wechat).values()) == {1}


def test_api_down_for_a_while_then_back_delivers_each_once(fake_wechat):
    """WeChat unreachable, then answering -1, 5xx and timeouts, then fine: every message is
    delivered exactly once (a timed-out send WeChat acted on is not delivered again)."""
    messages = queue_many(30)
    fake_wechat.down = True
    first = deliver_due(threads=4)
    assert first.retrying == 30 and first.sent == 0
    fake_wechat.down = False
    path = "/cgi-bin/message/template/send"
    fake_wechat.fail_next(path, -1, 503, "timeout", -1, 502)
    now = max(Message.objects.values_list("next_attempt_at", flat=True))
    for _ in range(3):
        deliver_due(threads=4, now=now)
        now = max(Message.objects.values_list("next_attempt_at", flat=True))
    assert Message.objects.filter(status=Message.Status.SENT).count() == 30
    assert sorted(delivered_keys(fake_wechat)) == sorted(m.idempotency_key for m in messages)
    attempts = Message.objects.values_list("attempts", flat=True)
    assert min(attempts) == 2 and max(attempts) == 3


def test_retries_back_off(fake_wechat):
    message = queue(bound_user(), "k1")
    fake_wechat.down = True
    delays = []
    for _ in range(4):
        message.refresh_from_db()
        before = message.next_attempt_at
        deliver_due(threads=1, now=before)
        message.refresh_from_db()
        delays.append((message.next_attempt_at - before).total_seconds())
    assert 24 <= delays[0] <= 30
    assert 48 <= delays[1] <= 60
    assert 96 <= delays[2] <= 120
    assert 192 <= delays[3] <= 240
    assert message.status == Message.Status.PENDING
    assert "无法连接微信接口" in message.last_error


def test_gives_up_after_max_attempts(fake_wechat):
    message = queue(bound_user(), "k1")
    Message.objects.filter(pk=message.pk).update(attempts=11)
    fake_wechat.fail_next("/cgi-bin/message/template/send", -1)
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert "尝试 12 次仍未成功" in message.last_error


def test_not_configured_at_send_time_holds(fake_wechat, settings):
    message = queue(bound_user(), "k1")
    settings.WECHAT_APP_SECRET = ""
    assert deliver_due(threads=1).held == 1
    message.refresh_from_db()
    assert message.status == Message.Status.HELD
    assert "未配置" in message.last_error
    assert fake_wechat.template_sends == []


def test_mass_message(fake_wechat):
    from wechat import outbox

    message = outbox.queue_mass(["o-1", "o-2"], "6·26 国际禁毒日", key="broadcast:1:1")
    deliver_due(threads=1)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    [call] = fake_wechat.calls_to("/cgi-bin/message/mass/send")
    assert call.body["clientmsgid"] == "broadcast:1:1"
    assert message.wechat_msgid == str(call.response["msg_id"])
    assert message.channel == Channel.MASS


def test_management_command_sends_what_is_due(fake_wechat):
    from io import StringIO

    from django.core.management import call_command

    message = queue(bound_user(), "k1")
    out = StringIO()
    call_command("deliver_messages", threads=2, stdout=out)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert "sent: 1" in out.getvalue()
