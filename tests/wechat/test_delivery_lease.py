"""A worker killed between its claim and its sends leaves a lease that runs out; the
message is then sent by the next run, once, with the same idempotency key."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.wechat.outbox_helpers import (
    bound_user,
    delivered_keys,
    queue,
    queue_many,
    sends_by_key,
)
from wechat.delivery import LEASE, claim, deliver_due
from wechat.models import Message

pytestmark = pytest.mark.django_db


def test_killed_worker_message_is_sent_after_the_lease(fake_wechat):
    message = queue(bound_user(), "booking:7:confirmed")
    now = timezone.now()
    lease, batch = claim(now, 10)  # the worker dies here, before sending
    assert [m.pk for m in batch] == [message.pk]

    assert deliver_due(threads=2, now=now + LEASE / 2).sent == 0  # still leased
    assert fake_wechat.template_sends == []

    counts = deliver_due(threads=2, now=lease + LEASE / 10)
    message.refresh_from_db()
    assert counts.sent == 1
    assert message.status == Message.Status.SENT
    assert message.attempts == 2
    assert delivered_keys(fake_wechat) == ["booking:7:confirmed"]


def test_outcome_of_a_lost_lease_is_not_recorded(fake_wechat):
    """A slow worker whose lease ran out and was re-claimed does not record its result."""
    message = queue(bound_user(), "booking:8:confirmed")
    now = timezone.now()
    slow_lease, _ = claim(now, 10)
    deliver_due(threads=1, now=slow_lease + LEASE / 10)  # another worker sends it
    from wechat.delivery import Counts, _record

    counts = Counts()
    _record([(message, "123")], slow_lease, timezone.now(), counts)
    assert counts.lost == 1
    message.refresh_from_db()
    assert message.wechat_msgid != "123"
    assert sends_by_key(fake_wechat) == {"booking:8:confirmed": 1}


def test_claim_does_not_take_leased_rows(fake_wechat):
    queue(bound_user(), "k1")
    now = timezone.now()
    _, first = claim(now, 10)
    _, second = claim(now, 10)
    assert len(first) == 1 and second == []


def test_no_send_starts_when_too_little_of_the_lease_is_left(fake_wechat):
    """A batch that takes longer than its lease (slow WeChat, many messages) stops starting
    sends while a send could still outlive the lease: another run would send them again."""
    from concurrent.futures import ThreadPoolExecutor

    from wechat.delivery import Counts, _send_batch

    messages = queue_many(3)
    lease, batch = claim(timezone.now(), 10)
    counts = Counts()
    with ThreadPoolExecutor(max_workers=2) as pool:
        _send_batch(pool, batch, lease, lambda: lease - timedelta(seconds=1), counts)
    assert fake_wechat.template_sends == []
    assert counts.released == 3
    released = Message.objects.filter(status=Message.Status.PENDING, lease_until=None)
    assert sorted(released.values_list("attempts", flat=True)) == [0, 0, 0]

    assert deliver_due(threads=2).sent == 3  # claimed again at once, sent once each
    assert sends_by_key(fake_wechat) == {m.idempotency_key: 1 for m in messages}
