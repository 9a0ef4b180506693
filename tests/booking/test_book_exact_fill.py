"""A slot's pool can be filled to the last place; one person more is refused with the number
of places left."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Pool
from tests.booking_factories import at, book_group, make_slot
from wechat.models import Message


def test_the_last_places_go_and_one_more_is_refused(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), group_capacity=100)
    book_group(slot, schools.coordinator_a, schools.school_a, students=57, teachers=3)

    with pytest.raises(BookingError, match="该场次学校团体名额只剩 40 人，您预约了 41 人"):
        book_group(slot, schools.coordinator_b, schools.school_b, students=39, teachers=2)
    assert (Booking.objects.count(), Message.objects.count()) == (1, 1)

    book_group(slot, schools.coordinator_b, schools.school_b, students=38, teachers=2)
    slot.refresh_from_db()
    assert (slot.group_taken, slot.places_left(Pool.GROUP)) == (100, 0)

    with pytest.raises(BookingError, match="名额只剩 0 人，您预约了 10 人"):
        book_group(slot, schools.coordinator_a, schools.school_a, students=9, teachers=1)
    assert (Booking.objects.count(), Message.objects.count()) == (2, 2)
