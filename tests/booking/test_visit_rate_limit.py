"""Posts of the booking site are limited per account: past the limit a clear message with
status 429, and nothing is written."""

import uuid

from django.urls import reverse
from django.utils import timezone

from booking.booking_views import POST_RATE
from booking.models import Booking
from tests.booking_factories import at, make_slot
from tests.factories import make_user

LIMIT = int(POST_RATE.split("/")[0])


def test_posts_past_the_limit_are_refused_with_429(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    url = reverse("booking:book_public", args=[slot.pk])
    client.force_login(visits.visitor)
    bad = {"key": uuid.uuid4().hex, "contact_name": "李女士", "phone": "1", "visitors": 1}
    for _ in range(LIMIT):
        assert client.post(url, bad).status_code == 200  # refused by the form, still counted

    good = {**bad, "phone": "13900000002"}
    response = client.post(url, good)

    assert response.status_code == 429
    assert "操作过于频繁，请一分钟后再试" in response.content.decode()
    assert not Booking.objects.exists()

    client.force_login(make_user("neighbour@example.cn"))
    assert client.post(url, {**good, "key": uuid.uuid4().hex}).status_code == 302
