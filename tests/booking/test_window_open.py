"""Between its opening and its cut-off a slot is open: booking works from the opening minute
to the minute before the cut-off."""

from datetime import timedelta

from booking import windows
from booking.models import Booking
from tests.booking_factories import at, book_public, make_slot, make_venue


def test_a_slot_is_open_from_its_opening_to_just_before_its_cut_off(visits):
    slot = make_slot(visits.venue, at(30))
    opening, cut_off = windows.opens_at(slot), windows.closes_at(slot)

    assert (opening, cut_off) == (at(0, 9), at(29, 9))
    assert windows.booking_state(slot, opening - timedelta(seconds=1)) == windows.NOT_YET
    assert windows.booking_state(slot, opening) == windows.OPEN
    assert windows.booking_state(slot, cut_off - timedelta(seconds=1)) == windows.OPEN
    assert windows.booking_state(slot, cut_off) == windows.CLOSED

    assert book_public(slot, visits.visitor, now=opening).status == Booking.Status.CONFIRMED


def test_the_window_follows_the_venues_own_rules(db):
    venue = make_venue(opens_days_ahead=7, cutoff_hours=2)
    slot = make_slot(venue, at(7, 14))

    assert windows.opens_at(slot) == at(0, 9)
    assert windows.closes_at(slot) == at(7, 12)
