import datetime

import pytest
from django.utils import timezone

from tests.wechat.outbox_helpers import bound_user, queue
from wechat import outbox
from wechat.delivery import claim, deliver_due
from wechat.models import Message

pytestmark = pytest.mark.django_db


def _with_status(status: str, **fields) -> Message:
    message = queue(bound_user(), f"k-{status}")
    Message.objects.filter(pk=message.pk).update(status=status, attempts=3, **fields)
    message.refresh_from_db()
    return message


@pytest.mark.parametrize("status", ["failed", "held", "expired"])
def test_retry_queues_again_now_and_keeps_attempts(fake_wechat, status):
    message = _with_status(status, next_attempt_at=timezone.now() + datetime.timedelta(days=1))
    outbox.retry(message)
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert message.attempts == 3
    assert message.next_attempt_at <= timezone.now()
    assert deliver_due(threads=1).sent == 1


def test_retry_of_an_expired_message_drops_the_past_deadline(fake_wechat):
    message = _with_status("expired", not_after=timezone.now() - datetime.timedelta(hours=1))
    outbox.retry(message)
    message.refresh_from_db()
    assert message.not_after is None
    assert deliver_due(threads=1).sent == 1


@pytest.mark.parametrize("status", ["pending", "sent", "cancelled"])
def test_retry_refuses_other_states(fake_wechat, status):
    message = _with_status(status)
    with pytest.raises(outbox.OutboxError, match="只能重试失败、已暂停或已过期的消息"):
        outbox.retry(message)
    message.refresh_from_db()
    assert message.status == status


@pytest.mark.parametrize("status", ["pending", "held"])
def test_cancel(fake_wechat, status):
    message = _with_status(status)
    outbox.cancel(message)
    message.refresh_from_db()
    assert message.status == Message.Status.CANCELLED
    assert deliver_due(threads=1).sent == 0
    assert fake_wechat.template_sends == []


@pytest.mark.parametrize("status", ["sent", "failed", "expired", "cancelled"])
def test_cancel_refuses_other_states(fake_wechat, status):
    message = _with_status(status)
    with pytest.raises(outbox.OutboxError, match="只能取消待发送或已暂停的消息"):
        outbox.cancel(message)


def test_cancel_refuses_a_message_being_sent(fake_wechat):
    message = queue(bound_user(), "k1")
    claim(timezone.now(), 10)
    with pytest.raises(outbox.OutboxError, match="正在发送"):
        outbox.cancel(message)
    stale = Message.objects.get(pk=message.pk)
    stale.lease_until = None  # a copy read before the claim
    with pytest.raises(outbox.OutboxError, match="正在发送"):
        outbox.cancel(stale)
