"""A public booking is 1 to ``max_party_size`` visitors, counted as visitors only."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_public
from wechat.models import Message


@pytest.mark.parametrize("visitors", [0, 6])
def test_a_party_outside_the_bounds_is_refused(visits, visitors):
    with pytest.raises(BookingError, match=f"个人/家庭预约每单 1 至 5 人，现为 {visitors} 人"):
        book_public(visits.slot, visits.visitor, visitors=visitors)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_students_or_a_school_in_a_public_booking_are_refused(visits):
    with pytest.raises(BookingError, match="个人/家庭预约请只填写参观人数"):
        book_public(visits.slot, visits.visitor, visitors=2, students=1)
    with pytest.raises(BookingError, match="个人/家庭预约请只填写参观人数"):
        book_public(visits.slot, visits.visitor, school=visits.schools.school_a)

    assert not Booking.objects.exists()


@pytest.mark.parametrize("visitors", [1, 5])
def test_a_party_inside_the_bounds_is_booked(visits, visitors):
    booking = book_public(visits.slot, visits.visitor, visitors=visitors)

    assert (booking.visitors, booking.headcount, booking.school) == (visitors, visitors, None)
