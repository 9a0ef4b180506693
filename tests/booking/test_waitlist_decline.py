"""Declining an offer passes its places to the next in line."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import decline_offer, join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user
from wechat.models import Message

Status = WaitlistEntry.Status


def test_a_declined_offer_goes_to_the_next_in_line(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    first_user, second_user = make_user("first@example.cn"), make_user("second@example.cn")
    first = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(5), by=first_user, now=NOW)
    second = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(4), by=second_user, now=NOW)
    cancel_booking(booking, by=visits.visitor, now=at(0, 11))

    decline_offer(first, by=first_user, now=at(0, 12))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.DECLINED, Status.OFFERED)
    assert second.offered_at == at(0, 12)
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=second_user).count() == 1
    with pytest.raises(BookingError, match="该候补当前为“已放弃”"):
        decline_offer(first, by=first_user, now=at(0, 12))
