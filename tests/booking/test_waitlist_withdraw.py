"""A party leaves the waiting list; leaving with an open offer passes the places on."""

import pytest

from booking.errors import BookingError
from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import join_waitlist, withdraw
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user

Status = WaitlistEntry.Status


def test_withdrawing_leaves_the_line_and_passes_an_offer_on(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    first, second, third = (
        join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(4), by=user, now=NOW)
        for user in (make_user(f"{name}@example.cn") for name in ("one", "two", "three"))
    )

    withdraw(first, by=first.user, now=at(0, 11))
    cancel_booking(booking, by=visits.visitor, now=at(0, 12))
    second.refresh_from_db()
    assert second.status == Status.OFFERED

    withdraw(second, by=second.user, now=at(0, 13))

    assert [WaitlistEntry.objects.get(pk=e.pk).status for e in (first, second, third)] == [
        Status.WITHDRAWN,
        Status.WITHDRAWN,
        Status.OFFERED,
    ]
    with pytest.raises(BookingError, match="该候补已结束（已撤销）"):
        withdraw(first, by=first.user, now=at(0, 14))
