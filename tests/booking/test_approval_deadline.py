"""The review deadline of a pending group: once it passes, the group no longer holds its
places. ``lapse_pending`` then lapses it, frees the places for the waiting list and tells
the coordinator; until then staff can still approve it, but only if its places are free."""

from datetime import timedelta

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking, WaitlistEntry
from booking.services import approve_booking, lapse_pending
from tests.booking_factories import NOW, at, book_group, pending_group, wait_group
from wechat.models import Message

LATE = NOW + timedelta(hours=49)


@pytest.fixture
def pending(visits):
    return pending_group(visits, at(10))


def test_nothing_lapses_before_the_deadline(pending):
    assert lapse_pending(now=pending.hold_until - timedelta(seconds=1)) == 0

    pending.refresh_from_db()
    assert pending.status == Booking.Status.PENDING


def test_a_pending_booking_lapses_at_its_deadline(visits, pending):
    schools = visits.schools
    entry = wait_group(
        pending.slot, schools.coordinator_b, schools.school_b, students=28, teachers=2
    )

    assert lapse_pending(now=NOW + timedelta(hours=48)) == 1

    pending.refresh_from_db()
    assert pending.status == Booking.Status.LAPSED
    notice = Message.objects.get(kind=kinds.REFUSED)
    assert notice.user == schools.coordinator_a
    assert "审核超时" in notice.payload["body"]
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.OFFERED
    pending.slot.refresh_from_db()
    assert (pending.slot.group_taken, pending.slot.groups_taken) == (30, 1)
    assert lapse_pending(now=NOW + timedelta(hours=49)) == 0


def test_a_late_approval_is_taken_when_the_places_are_free(visits, pending):
    booking = approve_booking(pending, by=visits.manager, now=LATE)

    assert booking.status == Booking.Status.CONFIRMED
    booking.slot.refresh_from_db()
    assert booking.slot.group_taken == 48


def test_a_late_approval_is_refused_when_others_took_the_places(visits, pending):
    schools = visits.schools
    book_group(
        pending.slot, schools.coordinator_b, schools.school_b, students=47, teachers=3, now=LATE
    )

    with pytest.raises(BookingError, match="名额只剩 10 人，您预约了 48 人"):
        approve_booking(pending, by=visits.manager, now=LATE)

    pending.refresh_from_db()
    assert pending.status == Booking.Status.PENDING
    assert not Message.objects.filter(kind=kinds.CONFIRMED, user=schools.coordinator_a).exists()
