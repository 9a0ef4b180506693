"""Starting a broadcast records its recipients and queues batches of at most 10,000 OpenIDs
in one transaction; starting it again changes nothing."""

import pytest
from django.db import connection

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, follower, followers, received, tag
from tests.wechat.concurrent_calls import at_once
from wechat import broadcasts
from wechat.models import Broadcast, BroadcastRecipient, Message

pytestmark = pytest.mark.django_db


def test_followers_are_split_into_even_batches_of_at_most_10000(configured):
    everyone = followers(10_001)
    broadcast = draft()
    user = make_superuser()

    broadcasts.start_broadcast(broadcast, user)

    batches = list(Message.objects.filter(broadcast=broadcast).order_by("pk"))
    assert [len(batch.payload["touser"]) for batch in batches] == [5_000, 5_001]
    assert [batch.idempotency_key for batch in batches] == [
        f"broadcast:{broadcast.pk}:1",
        f"broadcast:{broadcast.pk}:2",
    ]
    assert {batch.channel for batch in batches} == {"mass"}
    assert {batch.payload["text"] for batch in batches} == {broadcast.text}
    sent_to = batches[0].payload["touser"] + batches[1].payload["touser"]
    assert sorted(sent_to) == sorted(f.openid for f in everyone)
    assert BroadcastRecipient.objects.filter(broadcast=broadcast).count() == 10_001
    broadcast.refresh_from_db()
    assert broadcast.status == Broadcast.Status.SENDING
    assert (broadcast.recipients, broadcast.capped) == (10_001, 0)
    assert broadcast.started_by == user
    assert broadcast.started_at is not None


def test_only_tagged_followers_under_the_cap_are_recorded(configured):
    district = tag("江城区")
    first, second, capped = follower(district), follower(district), follower(district)
    follower()  # not in the district
    received(capped, 4)
    broadcast = draft(district)

    broadcasts.start_broadcast(broadcast, None)

    recorded = BroadcastRecipient.objects.filter(broadcast=broadcast)
    assert {row.follower_id for row in recorded} == {first.pk, second.pk}
    (batch,) = Message.objects.filter(broadcast=broadcast)
    assert sorted(batch.payload["touser"]) == sorted([first.openid, second.openid])
    broadcast.refresh_from_db()
    assert (broadcast.recipients, broadcast.capped) == (2, 1)


def test_a_follower_reaching_the_cap_with_this_broadcast_is_not_counted_as_capped(configured):
    third_this_month, other = follower(), follower()
    received(third_this_month, 3)
    broadcast = draft()

    broadcasts.start_broadcast(broadcast, None)

    broadcast.refresh_from_db()
    assert (broadcast.recipients, broadcast.capped) == (2, 0)
    assert BroadcastRecipient.objects.filter(broadcast=broadcast).count() == 2
    assert other.pk in {row.follower_id for row in broadcast.recipient_rows.all()}


def test_starting_twice_queues_once(configured):
    followers(3)
    broadcast = draft()
    broadcasts.start_broadcast(broadcast, None)
    again = broadcasts.start_broadcast(broadcast, None)
    assert again.status == Broadcast.Status.SENDING
    assert Message.objects.filter(broadcast=broadcast).count() == 1
    assert BroadcastRecipient.objects.filter(broadcast=broadcast).count() == 3


def test_refused_without_wechat_and_nothing_is_written(settings):
    settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""
    followers(3)
    broadcast = draft()
    with pytest.raises(broadcasts.BroadcastError, match="尚未配置"):
        broadcasts.start_broadcast(broadcast, None)
    assert not Message.objects.exists()
    assert not BroadcastRecipient.objects.exists()
    broadcast.refresh_from_db()
    assert broadcast.status == Broadcast.Status.DRAFT


def test_refused_with_fewer_than_two_recipients(configured):
    follower()
    broadcast = draft()
    with pytest.raises(broadcasts.BroadcastError, match="两位"):
        broadcasts.start_broadcast(broadcast, None)
    assert not Message.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent transactions: PostgreSQL only"
)
def test_two_broadcasts_started_at_once_respect_the_monthly_cap(configured):
    everyone = followers(3)
    for person in everyone:
        received(person, 3)
    first, second = draft(), draft()

    outcomes = at_once(_start, [(first.pk,), (second.pk,)])

    assert sorted(outcomes) == ["refused", "started"]
    for person in everyone:
        assert BroadcastRecipient.objects.filter(follower=person).count() == 4


def _start(pk: int) -> str:
    try:
        broadcasts.start_broadcast(Broadcast.objects.get(pk=pk), None)
    except broadcasts.BroadcastError:
        return "refused"
    return "started"
