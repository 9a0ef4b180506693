"""A school holds at most ``max_open_per_school`` open future bookings at a venue. Bookings of
past slots, cancelled ones and those at another venue do not count."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import at, book_group, make_slot, make_venue


@pytest.fixture
def limited(visits):
    visits.venue.max_open_per_school = 2
    visits.venue.save()
    return visits


def test_the_next_booking_over_the_limit_is_refused(limited):
    schools, venue = limited.schools, limited.venue
    book_group(limited.slot, schools.coordinator_a, schools.school_a)
    book_group(make_slot(venue, at(3)), schools.coordinator_a, schools.school_a)

    with pytest.raises(BookingError, match="每所学校在本场馆最多同时持有 2 个未完成的预约"):
        book_group(make_slot(venue, at(4)), schools.coordinator_a, schools.school_a)

    assert Booking.objects.count() == 2
    assert book_group(make_slot(venue, at(4, 14)), schools.coordinator_b, schools.school_b)


def test_a_cancelled_booking_frees_its_turn(limited):
    schools, venue = limited.schools, limited.venue
    first = book_group(limited.slot, schools.coordinator_a, schools.school_a)
    book_group(make_slot(venue, at(3)), schools.coordinator_a, schools.school_a)

    cancel_booking(first, by=schools.coordinator_a, now=at(0, 11))

    assert book_group(make_slot(venue, at(4)), schools.coordinator_a, schools.school_a)


def test_a_past_visit_no_longer_counts(limited):
    schools, venue = limited.schools, limited.venue
    book_group(limited.slot, schools.coordinator_a, schools.school_a)
    book_group(make_slot(venue, at(3)), schools.coordinator_a, schools.school_a)

    later = make_slot(venue, at(5))
    assert book_group(later, schools.coordinator_a, schools.school_a, now=at(2, 12))


def test_bookings_at_another_venue_do_not_count(limited):
    schools = limited.schools
    other = make_venue("西湖区禁毒教育基地", "xihu-base", max_open_per_school=2)
    book_group(make_slot(other, at(3)), schools.coordinator_a, schools.school_a)
    book_group(make_slot(other, at(4)), schools.coordinator_a, schools.school_a)

    assert book_group(limited.slot, schools.coordinator_a, schools.school_a)
