"""From the cancellation deadline the headcount can no longer be changed online; the refusal
gives the venue's phone."""

import pytest

from booking.errors import BookingError
from booking.services import change_headcount
from tests.booking_factories import at, book_group


def test_no_change_after_the_deadline(visits):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)

    with pytest.raises(BookingError, match="已过修改截止时间，如需调整请致电基地：0571-12345678"):
        change_headcount(booking, by=schools.coordinator_a, students=40, now=at(1, 9))

    booking.refresh_from_db()
    assert booking.students == 45
