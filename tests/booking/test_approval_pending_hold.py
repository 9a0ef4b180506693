"""At a venue that reviews groups, a group booking waits for staff as pending; its places are
held until the review deadline: ``review_hours`` from booking, never past the cut-off."""

from datetime import timedelta

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking, Pool
from tests.booking_factories import NOW, at, book_group, book_public, make_slot
from wechat.models import Message


@pytest.fixture
def reviewed(visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    return visits


def test_a_group_is_pending_and_its_places_are_held(reviewed):
    schools = reviewed.schools
    slot = make_slot(reviewed.venue, at(10), group_capacity=60)

    booking = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)

    assert booking.status == Booking.Status.PENDING
    assert booking.hold_until == NOW + timedelta(hours=48)
    assert list(Message.objects.values_list("kind", "user")) == [
        (kinds.RECEIVED, schools.coordinator_a.pk)
    ]
    slot.refresh_from_db()
    assert (slot.group_taken, slot.groups_taken) == (48, 1)
    with pytest.raises(BookingError, match="名额只剩 12 人"):
        book_group(slot, schools.coordinator_b, schools.school_b, students=13, teachers=1)


def test_the_hold_ends_at_the_cut_off_when_that_comes_first(reviewed):
    schools = reviewed.schools

    booking = book_group(reviewed.slot, schools.coordinator_a, schools.school_a)

    assert booking.hold_until == at(1, 9)


def test_public_bookings_are_confirmed_at_once(reviewed):
    booking = book_public(reviewed.slot, reviewed.visitor)

    assert (booking.pool, booking.status, booking.hold_until) == (
        Pool.PUBLIC,
        Booking.Status.CONFIRMED,
        None,
    )
