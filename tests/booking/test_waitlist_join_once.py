"""One place in line per person and slot: not twice, not beside a booking of the same slot,
and not for a party larger than the slot could ever take."""

import pytest

from booking.errors import BookingError
from booking.models import WaitlistEntry
from tests.booking_factories import at, book_group, book_public, make_slot, wait_group, wait_public
from tests.factories import make_user


@pytest.fixture
def full_slot(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5, group_capacity=40)
    book_public(slot, make_user("early@example.cn"), visitors=4)
    return slot


def test_joining_twice_is_refused(visits, full_slot):
    wait_public(full_slot, visits.visitor, visitors=2)

    with pytest.raises(BookingError, match="您已在该场次的候补名单中"):
        wait_public(full_slot, visits.visitor, visitors=3)

    assert WaitlistEntry.objects.count() == 1


def test_a_person_with_a_booking_of_the_slot_cannot_queue_for_more(visits, full_slot):
    book_public(full_slot, visits.visitor, visitors=1)

    with pytest.raises(BookingError, match="您已预约该场次"):
        wait_public(full_slot, visits.visitor, visitors=2)

    assert not WaitlistEntry.objects.exists()


def test_a_group_larger_than_the_slot_is_refused(visits, full_slot):
    schools = visits.schools
    book_group(full_slot, schools.coordinator_b, schools.school_b, students=10, teachers=1)

    with pytest.raises(BookingError, match="该场次学校团体名额共 40 人，容纳不下 48 人"):
        wait_group(full_slot, schools.coordinator_a, schools.school_a)

    assert not WaitlistEntry.objects.exists()
