"""Check-in posts are rate-limited per staff member: past the limit a clear message and 429,
and nothing is written."""

import pytest
from django.urls import reverse

from booking.checkin_views import CHECK_IN_RATE
from booking.models import Booking
from tests.booking_factories import book_group, make_base_staff

pytestmark = pytest.mark.django_db

LIMIT = int(CHECK_IN_RATE.split("/")[0])


def test_posts_past_the_limit_are_refused(client, visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    url = reverse("booking:checkin_booking", args=[booking.code])
    client.force_login(visits.staff)
    for _ in range(LIMIT):
        assert client.post(url, {"arrived": 99}).status_code == 200  # refused counts too
    response = client.post(url, {"arrived": 48})
    assert response.status_code == 429
    assert "操作过于频繁，请稍候一分钟再试。" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).arrived is None

    client.force_login(make_base_staff("door2@example.cn"))
    assert client.post(url, {"arrived": 99}).status_code == 200  # the limit is per person
