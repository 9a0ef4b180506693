"""School groups and the public book from separate pools: a full public pool does not stop a
group, and a full group pool does not stop the public."""

import pytest

from booking.errors import BookingError
from booking.models import Pool
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.factories import make_user


def test_a_full_public_pool_does_not_block_a_group(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    book_public(slot, visits.visitor, visitors=5)

    with pytest.raises(BookingError, match="个人/家庭名额只剩 0 人"):
        book_public(slot, make_user("family@example.cn"), visitors=1)

    group = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)
    assert group.pool == Pool.GROUP


def test_a_full_group_pool_does_not_block_the_public(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), group_capacity=48)
    book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)

    with pytest.raises(BookingError, match="学校团体名额只剩 0 人"):
        book_group(slot, schools.coordinator_b, schools.school_b, students=10, teachers=1)

    assert book_public(slot, visits.visitor, visitors=5).pool == Pool.PUBLIC
    slot.refresh_from_db()
    assert (slot.group_taken, slot.public_taken) == (48, 5)
