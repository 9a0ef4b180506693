"""An open offer holds its places: nobody else can book them until it is taken, declined or
has expired."""

import pytest

from booking.errors import BookingError
from booking.models import Pool
from booking.services import change_headcount
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user


def test_offered_places_are_not_for_anyone_else(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    entry = join_waitlist(
        slot, pool=Pool.PUBLIC, party=public_party(3), by=make_user("w@example.cn"), now=NOW
    )
    change_headcount(booking, by=visits.visitor, visitors=2, now=at(0, 11))
    entry.refresh_from_db()
    newcomer = make_user("newcomer@example.cn")

    with pytest.raises(BookingError, match="个人/家庭名额只剩 0 人，您预约了 1 人"):
        book_public(slot, newcomer, visitors=1, now=at(0, 12))
    slot.refresh_from_db()
    assert slot.public_taken == 5

    assert book_public(slot, newcomer, visitors=3, now=entry.offer_expires_at)
