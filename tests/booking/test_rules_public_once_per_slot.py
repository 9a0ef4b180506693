"""A person holds one public booking per slot: a second one is refused (change the headcount
instead), and booking again after cancelling is allowed."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import NOW, at, book_public, make_slot


def test_a_second_booking_of_the_same_slot_is_refused(visits):
    first = book_public(visits.slot, visits.visitor, visitors=2)

    with pytest.raises(BookingError, match="您已预约该场次，如需调整人数请修改已有预约"):
        book_public(visits.slot, visits.visitor, visitors=1)

    assert list(Booking.objects.all()) == [first]
    assert book_public(make_slot(visits.venue, at(3)), visits.visitor)


def test_booking_again_after_cancelling_is_allowed(visits):
    first = book_public(visits.slot, visits.visitor, visitors=2)
    cancel_booking(first, by=visits.visitor, now=NOW)

    again = book_public(visits.slot, visits.visitor, visitors=3)

    assert again.status == Booking.Status.CONFIRMED
