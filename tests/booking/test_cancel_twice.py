"""A cancelled booking cannot be cancelled again; the booker is told once."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.services import cancel_booking
from tests.booking_factories import NOW, book_public
from wechat.models import Message


def test_a_cancelled_booking_cannot_be_cancelled_again(visits):
    booking = book_public(visits.slot, visits.visitor)
    cancel_booking(booking, by=visits.visitor, now=NOW)

    with pytest.raises(BookingError, match="该预约当前为“已取消”，无法取消"):
        cancel_booking(booking, by=visits.visitor, now=NOW)
    with pytest.raises(BookingError, match="该预约当前为“已取消”"):
        cancel_booking(booking, by=visits.manager, reason="重复操作", by_staff=True, now=NOW)

    assert Message.objects.filter(kind=kinds.CANCELLED).count() == 1
