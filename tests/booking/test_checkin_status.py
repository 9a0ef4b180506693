"""Only confirmed bookings are checked in: a booking waiting for approval, cancelled or
already a no-show is refused with a message that says why."""

import pytest

from booking.checkin import check_in
from booking.errors import BookingError
from booking.models import Booking
from booking.no_shows import mark_no_shows
from booking.services import approve_booking, cancel_booking
from tests.booking_factories import NOW, at, book_group

pytestmark = pytest.mark.django_db


def refusal(booking, staff) -> str:
    with pytest.raises(BookingError) as refused:
        check_in(booking, arrived=10, by=staff, now=at(2, 9, 0))
    return refused.value.message


def test_pending_booking_is_refused_until_approved(visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    assert booking.status == Booking.Status.PENDING
    assert refusal(booking, visits.staff) == "该预约尚未审核，不能签到。"
    approve_booking(booking, by=visits.manager, now=NOW)
    assert check_in(booking, arrived=10, by=visits.staff, now=at(2, 9, 0)).arrived == 10


def test_cancelled_booking_is_refused(visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    cancel_booking(booking, by=visits.schools.coordinator_a, now=NOW)
    assert refusal(booking, visits.staff) == "该预约已取消，不能签到。"


def test_no_show_is_refused(visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    mark_no_shows(now=at(2, 10, 0))
    with pytest.raises(BookingError) as refused:
        check_in(booking, arrived=10, by=visits.staff, now=at(2, 10, 5))
    assert refused.value.message == "该预约已记为爽约，不能签到。"
