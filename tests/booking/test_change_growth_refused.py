"""A booking grows only into places that are left; the growth, not the whole party, has to
fit."""

import pytest

from booking.errors import BookingError
from booking.services import change_headcount
from tests.booking_factories import NOW, at, book_group, make_slot


def test_growth_beyond_the_places_left_is_refused(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), group_capacity=60)
    booking = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)
    book_group(slot, schools.coordinator_b, schools.school_b, students=10, teachers=1)

    with pytest.raises(BookingError, match="名额只剩 1 人，您预约了 2 人"):
        change_headcount(booking, by=schools.coordinator_a, students=47, now=NOW)
    booking.refresh_from_db()
    assert booking.headcount == 48

    change_headcount(booking, by=schools.coordinator_a, students=46, now=NOW)
    slot.refresh_from_db()
    assert (slot.group_taken, slot.groups_taken) == (60, 2)
