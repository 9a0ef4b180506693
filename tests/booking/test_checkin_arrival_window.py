"""A booking is checked in only inside its slot's arrival window (by default from an hour
before the start to an hour after it); outside it, staff are told when the window opens or
that it has passed, and nothing changes."""

import pytest

from booking.checkin import check_in
from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(visits):
    return book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)


def refusal(visits, booking, now) -> str:
    """Why a check-in at ``now`` is refused; the booking is left as it was."""
    with pytest.raises(BookingError) as refused:
        check_in(booking, arrived=48, by=visits.staff, now=now)
    booking.refresh_from_db()
    assert (booking.status, booking.checked_in_at) == (Booking.Status.CONFIRMED, None)
    return refused.value.message


def test_before_the_window_opens(visits, booking):
    assert refusal(visits, booking, at(2, 7, 59)) == "还未到签到时间（08:00 起）。"


def test_a_day_early_the_date_is_given(visits, booking):
    assert refusal(visits, booking, at(1, 8, 30)) == "还未到签到时间（12-09 08:00 起）。"


@pytest.mark.parametrize("now", [at(2, 8, 0), at(2, 9, 0), at(2, 9, 59)])
def test_inside_the_window(visits, booking, now):
    booking = check_in(booking, arrived=48, by=visits.staff, now=now)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ATTENDED
    assert (booking.arrived, booking.checked_in_at, booking.checked_in_by) == (
        48,
        now,
        visits.staff,
    )


def test_when_the_window_has_closed(visits, booking):
    assert refusal(visits, booking, at(2, 10, 0)) == "签到时间已过（10:00 截止）。"


def test_the_venue_sets_the_window(visits, booking):
    visits.venue.arrival_before_minutes = 15
    visits.venue.arrival_after_minutes = 30
    visits.venue.save()
    assert refusal(visits, booking, at(2, 8, 44)) == "还未到签到时间（08:45 起）。"
    assert refusal(visits, booking, at(2, 9, 30)) == "签到时间已过（09:30 截止）。"
    assert check_in(booking, arrived=48, by=visits.staff, now=at(2, 9, 29)).arrived == 48
