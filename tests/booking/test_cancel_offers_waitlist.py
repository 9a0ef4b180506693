"""Places freed by a cancellation are offered to the waiting list at once."""

from booking import kinds
from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user
from wechat.models import Message


def test_a_cancellation_makes_an_offer_to_the_next_in_line(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    waiting = make_user("waiting@example.cn")
    entry = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(4), by=waiting, now=NOW)

    cancel_booking(booking, by=visits.visitor, now=at(0, 12))

    entry.refresh_from_db()
    assert (entry.status, entry.offered_at) == (WaitlistEntry.Status.OFFERED, at(0, 12))
    offer = Message.objects.get(kind=kinds.WAITLIST_OFFER)
    assert (offer.user, offer.not_after) == (waiting, entry.offer_expires_at)
    slot.refresh_from_db()
    assert slot.public_taken == 4
