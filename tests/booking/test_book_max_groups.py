"""A slot takes at most ``max_groups`` groups, however many places are left."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Pool
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.school_factories import make_coordinator
from wechat.models import Message


def test_a_group_over_the_slots_group_count_is_refused(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), max_groups=2)
    book_group(slot, schools.coordinator_a, schools.school_a, students=10, teachers=1)
    book_group(slot, schools.coordinator_b, schools.school_b, students=10, teachers=1)
    coordinator_c = make_coordinator(schools.school_c, "teacher.c@example.cn")

    with pytest.raises(BookingError, match="该场次团体已满（每场最多 2 个团体）"):
        book_group(slot, coordinator_c, schools.school_c, students=10, teachers=1)

    assert (Booking.objects.count(), Message.objects.count()) == (2, 2)
    slot.refresh_from_db()
    assert (slot.group_taken, slot.groups_taken, slot.places_left(Pool.GROUP)) == (22, 2, 0)
    assert book_public(slot, visits.visitor).pool == Pool.PUBLIC
