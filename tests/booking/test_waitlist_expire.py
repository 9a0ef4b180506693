"""An offer not taken up in time expires and its places go to the next in line with a new
offer of their own."""

from datetime import timedelta

from booking import kinds
from booking.models import WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import expire_offers
from tests.booking_factories import at, line_behind_full_slot
from wechat.models import Message

Status = WaitlistEntry.Status


def test_an_expired_offer_passes_to_the_next_in_line(visits):
    booking, (late, following) = line_behind_full_slot(
        visits, ("late@example.cn", 3), ("next@example.cn", 5)
    )
    cancel_booking(booking, by=visits.visitor, now=at(0, 11))
    late.refresh_from_db()
    assert late.offer_expires_at == at(0, 23)

    assert expire_offers(now=at(0, 23) - timedelta(seconds=1)) == 0
    assert expire_offers(now=at(0, 23)) == 1

    late.refresh_from_db()
    following.refresh_from_db()
    assert (late.status, following.status) == (Status.EXPIRED, Status.OFFERED)
    assert following.offer_expires_at == at(1, 11)
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=following.user).count() == 1
    assert expire_offers(now=at(0, 23)) == 0
