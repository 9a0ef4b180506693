"""An arrival below the venue's share of the booked headcount (50 % by default) is checked
in but flagged as a partial no-show; at the share or above it is a full show."""

import pytest

from booking.checkin import check_in
from tests.booking_factories import at, book_group

pytestmark = pytest.mark.django_db

DOOR = at(2, 9, 5)


@pytest.fixture
def booking(visits):
    return book_group(
        visits.slot, visits.schools.coordinator_a, visits.schools.school_a, students=36, teachers=2
    )


@pytest.mark.parametrize(("arrived", "partial"), [(18, True), (19, False), (38, False)])
def test_partial_show_below_half_of_38(visits, booking, arrived, partial):
    booking = check_in(booking, arrived=arrived, by=visits.staff, now=DOOR)
    booking.refresh_from_db()
    assert booking.partial_show is partial
    assert booking.counts_as_no_show is partial


def test_the_venue_sets_the_share(visits, booking):
    visits.venue.partial_show_percent = 80
    visits.venue.save()
    booking = check_in(booking, arrived=30, by=visits.staff, now=DOOR)  # 30 < 30.4
    assert booking.partial_show is True
