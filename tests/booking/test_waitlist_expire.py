"""An offer not taken up in time expires and its places go to the next in line with a new
offer of their own."""

from datetime import timedelta

from booking import kinds
from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import expire_offers, join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user
from wechat.models import Message

Status = WaitlistEntry.Status


def test_an_expired_offer_passes_to_the_next_in_line(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    late_user, next_user = make_user("late@example.cn"), make_user("next@example.cn")
    late = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(3), by=late_user, now=NOW)
    following = join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(5), by=next_user, now=NOW)
    cancel_booking(booking, by=visits.visitor, now=at(0, 11))
    late.refresh_from_db()
    assert late.offer_expires_at == at(0, 23)

    assert expire_offers(now=at(0, 23) - timedelta(seconds=1)) == 0
    assert expire_offers(now=at(0, 23)) == 1

    late.refresh_from_db()
    following.refresh_from_db()
    assert (late.status, following.status) == (Status.EXPIRED, Status.OFFERED)
    assert following.offer_expires_at == at(1, 11)
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=next_user).count() == 1
    assert expire_offers(now=at(0, 23)) == 0
