"""A party joins the waiting list only when it does not fit: while places are left it is told
to book directly."""

import pytest

from booking.errors import BookingError
from booking.models import Pool, WaitlistEntry
from tests.booking_factories import at, book_group, book_public, make_slot, wait_group, wait_public
from tests.factories import make_user


def test_a_party_that_fits_is_sent_to_book(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    book_public(slot, visits.visitor, visitors=3)
    family = make_user("family@example.cn")

    with pytest.raises(BookingError, match="该场次还有足够名额，请直接预约"):
        wait_public(slot, family, visitors=2)
    assert not WaitlistEntry.objects.exists()

    entry = wait_public(slot, family, visitors=3)
    assert (entry.status, entry.headcount, entry.user) == (WaitlistEntry.Status.WAITING, 3, family)


def test_a_group_joins_when_the_slot_has_its_groups(visits):
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), max_groups=1)
    book_group(slot, schools.coordinator_a, schools.school_a, students=10, teachers=1)

    entry = wait_group(slot, schools.coordinator_b, schools.school_b, students=10, teachers=1)

    assert (entry.school, entry.pool, entry.grade) == (schools.school_b, Pool.GROUP, 7)
