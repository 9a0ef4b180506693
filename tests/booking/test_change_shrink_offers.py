"""Places freed by a smaller headcount are offered to the waiting list."""

from booking import kinds
from booking.models import Pool, WaitlistEntry
from booking.services import change_headcount
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user
from wechat.models import Message


def test_a_smaller_party_makes_an_offer(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    waiting = make_user("waiting@example.cn")
    entry = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(2), by=waiting, now=NOW)

    change_headcount(booking, by=visits.visitor, visitors=3, now=at(0, 11))

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.OFFERED
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=waiting).count() == 1
    slot.refresh_from_db()
    assert slot.public_taken == 5
