"""Freed places go to the waiting list in the order it joined: the first party that fits gets
the offer; a bigger, earlier party that does not fit is passed over but keeps its place and
gets the next places that fit it."""

from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking, change_headcount
from booking.waitlist import decline_offer, join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user

Status = WaitlistEntry.Status


def _statuses(*entries):
    return [WaitlistEntry.objects.get(pk=entry.pk).status for entry in entries]


def test_the_first_that_fits_is_served_and_the_bigger_keeps_its_place(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    big, pair, single = (
        join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(size), by=user, now=NOW)
        for size, user in (
            (4, make_user("big@example.cn")),
            (2, make_user("pair@example.cn")),
            (1, make_user("single@example.cn")),
        )
    )

    change_headcount(booking, by=visits.visitor, visitors=3, now=at(0, 11))
    assert _statuses(big, pair, single) == [Status.WAITING, Status.OFFERED, Status.WAITING]

    decline_offer(pair, by=pair.user, now=at(0, 12))
    assert _statuses(big, pair, single) == [Status.WAITING, Status.DECLINED, Status.OFFERED]

    cancel_booking(booking, by=visits.visitor, now=at(0, 13))
    assert _statuses(big, pair, single) == [Status.OFFERED, Status.DECLINED, Status.OFFERED]
    slot.refresh_from_db()
    assert slot.public_taken == 5
