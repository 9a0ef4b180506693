"""A person holds at most ``max_open_per_person`` open future public bookings at a venue."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_group, book_public, make_slot, make_venue


def test_the_next_booking_over_the_limit_is_refused(visits):
    venue = visits.venue
    book_public(visits.slot, visits.visitor)
    book_public(make_slot(venue, at(3)), visits.visitor)

    with pytest.raises(BookingError, match="每人在本场馆最多同时持有 2 个未完成的预约"):
        book_public(make_slot(venue, at(4)), visits.visitor)

    assert Booking.objects.count() == 2
    assert book_public(make_slot(make_venue("西湖区禁毒教育基地", "xihu"), at(4)), visits.visitor)


def test_group_bookings_of_a_coordinator_do_not_count(visits):
    schools, venue = visits.schools, visits.venue
    book_group(visits.slot, schools.coordinator_a, schools.school_a)
    book_group(make_slot(venue, at(3)), schools.coordinator_a, schools.school_a)

    assert book_public(make_slot(venue, at(4)), schools.coordinator_a)
