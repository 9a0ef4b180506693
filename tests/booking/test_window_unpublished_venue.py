"""A venue taken off the public site takes no bookings and no waiting list."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Pool, WaitlistEntry
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, book_group, book_public, group_party
from wechat.models import Message


def test_an_unpublished_venue_is_refused(visits):
    schools, slot = visits.schools, visits.slot
    visits.venue.published = False
    visits.venue.save()

    with pytest.raises(BookingError, match="该场馆暂不接受预约"):
        book_group(slot, schools.coordinator_a, schools.school_a)
    with pytest.raises(BookingError, match="该场馆暂不接受预约"):
        book_public(slot, visits.visitor)
    with pytest.raises(BookingError, match="不接受候补"):
        join_waitlist(
            slot,
            pool=Pool.GROUP,
            party=group_party(schools.school_a),
            by=schools.coordinator_a,
            now=NOW,
        )

    assert (Booking.objects.count(), WaitlistEntry.objects.count()) == (0, 0)
    assert not Message.objects.exists()
