"""A slot staff closed (a holiday, maintenance) takes no bookings and no waiting list; the
refusal gives the slot's note."""

import pytest

from booking import windows
from booking.errors import BookingError
from booking.models import Booking, Pool, WaitlistEntry
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from wechat.models import Message


def test_a_closed_slot_is_refused_with_its_note(visits):
    slot = make_slot(visits.venue, at(3), closed=True, note="展厅设备检修")

    with pytest.raises(BookingError, match="该场次已停开：展厅设备检修"):
        book_public(slot, visits.visitor)
    with pytest.raises(BookingError, match="不接受候补"):
        join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(), by=visits.visitor, now=NOW)

    assert windows.booking_state(slot, NOW) == windows.CLOSED
    assert (Booking.objects.count(), WaitlistEntry.objects.count()) == (0, 0)
    assert not Message.objects.exists()


def test_a_closed_slot_without_a_note_points_to_other_slots(visits):
    slot = make_slot(visits.venue, at(3), closed=True)

    with pytest.raises(BookingError, match="该场次已停开：请选择其他场次"):
        book_public(slot, visits.visitor)
