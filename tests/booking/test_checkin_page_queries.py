"""The door pages answer in a fixed number of queries, however many groups come that day."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.booking_factories import book_group, book_public, make_slot
from tests.factories import make_user

pytestmark = pytest.mark.django_db

# Session, user, the user's and the groups' permissions (is the user staff?), the venues,
# the day's bookings with their slots and schools, and the site shell (site, platform
# settings, menu restrictions, menu pages, whether to link 「我的学校」).
LIST_QUERIES = 11
# Session, user, permissions, the booking with its slot, venue, school, class and the staff
# member who checked it in, and the site shell.
BOOKING_QUERIES = 10


def queries(client, url: str) -> int:
    client.get(url)  # warm what a running site keeps (the site root, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def today_slot(visits, hour_offset: int = 0):
    start = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=hour_offset)
    return make_slot(visits.venue, start), start - timedelta(days=2)


def test_the_day_list(client, visits):
    client.force_login(visits.staff)
    slot, booked_at = today_slot(visits)
    schools = visits.schools
    book_group(slot, schools.coordinator_a, schools.school_a, now=booked_at)
    one = queries(client, reverse("booking:checkin"))

    book_group(slot, schools.coordinator_b, schools.school_b, now=booked_at)
    for number in range(4):
        book_public(slot, make_user(f"family{number}@example.cn"), now=booked_at)
    assert queries(client, reverse("booking:checkin")) == one == LIST_QUERIES


def test_a_booking_page(client, visits):
    client.force_login(visits.staff)
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    url = reverse("booking:checkin_booking", args=[booking.code])
    assert queries(client, url) == BOOKING_QUERIES
