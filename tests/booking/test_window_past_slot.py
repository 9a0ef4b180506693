"""A slot that has started or ended cannot be booked."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import NOW, at, book_group, book_public, make_slot
from wechat.models import Message


@pytest.mark.parametrize(
    "starts_at", [at(-1), at(0, 9, 30), NOW], ids=["yesterday", "begun", "now"]
)
def test_a_slot_that_has_begun_is_refused(visits, starts_at):
    schools = visits.schools
    slot = make_slot(visits.venue, starts_at)

    with pytest.raises(BookingError, match="该场次已经开始或结束"):
        book_group(slot, schools.coordinator_a, schools.school_a)
    with pytest.raises(BookingError, match="该场次已经开始或结束"):
        book_public(slot, visits.visitor)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)
