"""From the venue's cut-off (24 hours before the slot by default) a slot takes no bookings,
and the refusal names the cut-off."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_group, book_public
from wechat.models import Message


def test_booking_stops_at_the_cut_off(visits):
    schools, slot = visits.schools, visits.slot

    with pytest.raises(BookingError, match="该场次已于 2026-12-08 09:00 截止预约"):
        book_group(slot, schools.coordinator_a, schools.school_a, now=at(1, 9))
    with pytest.raises(BookingError, match="截止预约"):
        book_public(slot, visits.visitor, now=at(1, 20))
    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)

    assert book_public(slot, visits.visitor, now=at(1, 8, 59)).slot == slot
