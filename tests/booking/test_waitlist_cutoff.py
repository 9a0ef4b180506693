"""No offer goes out from the waiting-list cut-off (24 hours before the slot by default):
places freed later stay free, and offers made just before end at the cut-off."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Pool, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user
from wechat.models import Message


@pytest.fixture
def waiting(visits):
    """A full public pool of a slot on day 2 at 14:00 (cut-off: day 1 at 14:00) and one
    person waiting."""
    slot = make_slot(visits.venue, at(2, 14), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    entry = join_waitlist(
        slot, pool=Pool.PUBLIC, party=public_party(2), by=make_user("w@example.cn"), now=NOW
    )
    return booking, entry


def test_no_offer_after_the_cut_off(visits, waiting):
    booking, entry = waiting

    cancel_booking(booking, by=visits.manager, reason="临时有事", by_staff=True, now=at(1, 14))

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WAITING
    assert not Message.objects.filter(kind=kinds.WAITLIST_OFFER).exists()


def test_an_offer_just_before_the_cut_off_ends_at_it(visits, waiting):
    booking, entry = waiting

    cancel_booking(booking, by=visits.visitor, now=at(1, 8))

    entry.refresh_from_db()
    assert (entry.status, entry.offer_expires_at) == (WaitlistEntry.Status.OFFERED, at(1, 14))


def test_nobody_joins_after_the_cut_off(visits):
    visits.venue.waitlist_cutoff_hours = 48
    visits.venue.save()
    slot = make_slot(visits.venue, at(2, 14), public_capacity=5)
    book_public(slot, visits.visitor, visitors=5)

    late = make_user("late@example.cn")

    with pytest.raises(BookingError, match="该场次当前不接受候补"):
        join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(2), by=late, now=at(0, 14))

    assert join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(2), by=late, now=at(0, 13))
