"""From the cancellation deadline a booker can no longer cancel; the refusal names the
deadline and the venue's phone to call."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import at, book_public
from wechat.models import Message


def test_the_booker_cannot_cancel_after_the_deadline(visits):
    booking = book_public(visits.slot, visits.visitor)

    with pytest.raises(BookingError) as refused:
        cancel_booking(booking, by=visits.visitor, now=at(1, 9))

    assert refused.value.message == (
        "已过取消截止时间（2026-12-08 09:00），如需取消请致电基地：0571-12345678。"
    )
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert not Message.objects.filter(kind=kinds.CANCELLED).exists()
