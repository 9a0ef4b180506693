"""Staff approve a pending group: it is confirmed, with the guide they assign, and the
coordinator is told. Only a pending booking of a slot still to come can be approved."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking
from booking.services import approve_booking
from tests.booking_factories import NOW, at, book_group
from wechat.models import Message


@pytest.fixture
def pending(visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    schools = visits.schools
    return book_group(visits.slot, schools.coordinator_a, schools.school_a)


def test_approval_confirms_and_tells_the_coordinator(visits, pending):
    booking = approve_booking(pending, by=visits.manager, guide=" 王讲解员 ", now=at(0, 11))

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert (booking.decided_by, booking.decided_at, booking.guide) == (
        visits.manager,
        at(0, 11),
        "王讲解员",
    )
    coordinator = visits.schools.coordinator_a
    assert Message.objects.filter(kind=kinds.CONFIRMED, user=coordinator).count() == 1
    assert Message.objects.filter(kind=kinds.RECEIVED, user=coordinator).count() == 1


def test_an_approved_booking_cannot_be_approved_again(visits, pending):
    approve_booking(pending, by=visits.manager, now=NOW)

    with pytest.raises(BookingError, match="只能审核待审核的预约（当前：已确认）"):
        approve_booking(pending, by=visits.manager, now=NOW)

    assert Message.objects.filter(kind=kinds.CONFIRMED).count() == 1


def test_a_slot_that_has_begun_cannot_be_approved(visits, pending):
    with pytest.raises(BookingError, match="该场次已经开始或结束，不能再批准"):
        approve_booking(pending, by=visits.manager, now=at(2, 9))

    pending.refresh_from_db()
    assert pending.status == Booking.Status.PENDING
    assert not Message.objects.filter(kind=kinds.CONFIRMED).exists()
