"""Declining an offer passes its places to the next in line."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import decline_offer
from tests.booking_factories import at, line_behind_full_slot
from wechat.models import Message

Status = WaitlistEntry.Status


def test_a_declined_offer_goes_to_the_next_in_line(visits):
    booking, (first, second) = line_behind_full_slot(
        visits, ("first@example.cn", 5), ("second@example.cn", 4)
    )
    first_user, second_user = first.user, second.user
    cancel_booking(booking, by=visits.visitor, now=at(0, 11))

    decline_offer(first, by=first_user, now=at(0, 12))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.DECLINED, Status.OFFERED)
    assert second.offered_at == at(0, 12)
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=second_user).count() == 1
    with pytest.raises(BookingError, match="该候补当前为“已放弃”"):
        decline_offer(first, by=first_user, now=at(0, 12))
