"""A booking is checked in once: a second check-in (another phone, a double tap) is refused
with the time of the first, and changes nothing."""

import pytest
from wagtail.models import ModelLogEntry

from booking.checkin import check_in
from booking.errors import BookingError
from tests.booking_factories import at, book_group, make_base_staff

pytestmark = pytest.mark.django_db


def test_second_check_in_is_refused_and_changes_nothing(visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    check_in(booking, arrived=46, by=visits.staff, now=at(2, 8, 40))
    other_phone = make_base_staff("door2@example.cn")

    with pytest.raises(BookingError) as refused:
        check_in(booking, arrived=48, by=other_phone, now=at(2, 8, 45))

    assert refused.value.message == "该预约已于 08:40 签到，实到 46 人。"
    booking.refresh_from_db()
    assert (booking.arrived, booking.checked_in_at, booking.checked_in_by) == (
        46,
        at(2, 8, 40),
        visits.staff,
    )
    logged = ModelLogEntry.objects.filter(action="booking.check_in", object_id=str(booking.pk))
    assert logged.count() == 1
    assert logged.get().data["arrived"] == 46
