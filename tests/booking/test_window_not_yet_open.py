"""A slot further ahead than the venue's window cannot be booked yet; the refusal says when
booking opens: the venue's release time, ``opens_days_ahead`` days before the slot."""

from datetime import time

import pytest

from booking import windows
from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_public, make_slot
from wechat.models import Message


def test_a_slot_beyond_the_window_names_its_opening_time(visits):
    slot = make_slot(visits.venue, at(40))

    with pytest.raises(BookingError, match="尚未开放预约，将于 2026-12-17 09:00 开放"):
        book_public(slot, visits.visitor)

    assert windows.booking_state(slot, at(0, 10)) == windows.NOT_YET
    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_the_opening_time_follows_the_venues_release_time(visits):
    visits.venue.release_time = time(14, 30)
    visits.venue.save()
    slot = make_slot(visits.venue, at(40))

    with pytest.raises(BookingError, match="将于 2026-12-17 14:30 开放"):
        book_public(slot, visits.visitor, now=at(10, 14, 29))

    assert book_public(slot, visits.visitor, now=at(10, 14, 30)).slot == slot
    assert windows.opens_at(slot) == at(10, 14, 30)
