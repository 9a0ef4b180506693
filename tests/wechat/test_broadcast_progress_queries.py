"""The broadcast progress page reads its batches in a fixed number of queries, however many
batches the broadcast has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, followers
from wechat import broadcasts
from wechat.models import Message

pytestmark = pytest.mark.django_db

PROGRESS_QUERIES = 10


def add_batches(broadcast, count: int) -> None:
    for number in range(count):
        Message.objects.create(
            kind="broadcast",
            channel="mass",
            broadcast=broadcast,
            idempotency_key=f"broadcast:{broadcast.pk}:extra-{number}",
            next_attempt_at=timezone.now(),
            status=Message.Status.SENT,
            payload={"result": {"SentCount": "2"}},
        )


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_count_is_pinned_whatever_the_batches(client, configured):
    followers(3)
    broadcast = broadcasts.start_broadcast(draft(), None)
    client.force_login(make_superuser())
    url = reverse("wechat_broadcasts:progress", args=[broadcast.pk])
    one = queries(client, url)
    add_batches(broadcast, 5)
    assert queries(client, url) == one == PROGRESS_QUERIES
