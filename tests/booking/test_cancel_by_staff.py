"""Staff cancel with a reason the booker is told, also after the booker's deadline, until
the slot ends."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import at, book_group
from wechat.models import Message


@pytest.mark.parametrize(
    ("reason", "error"), [("", "请填写取消原因"), ("因" * 121, "原因最多 120 字")]
)
def test_staff_need_a_short_reason(visits, reason, error):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)

    with pytest.raises(BookingError, match=error):
        cancel_booking(booking, by=visits.manager, reason=reason, by_staff=True, now=at(1, 12))

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert not Message.objects.filter(kind=kinds.CANCELLED).exists()


def test_staff_cancel_after_the_bookers_deadline(visits):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)

    cancel_booking(booking, by=visits.manager, reason=" 场馆临时闭馆 ", by_staff=True, now=at(2, 8))

    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason, booking.cancelled_by) == (
        Booking.Status.CANCELLED,
        "场馆临时闭馆",
        visits.manager,
    )
    notice = Message.objects.get(kind=kinds.CANCELLED)
    assert notice.user == schools.coordinator_a
    assert "场馆临时闭馆" in notice.payload["body"]


def test_staff_cannot_cancel_once_the_slot_ended(visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)

    with pytest.raises(BookingError, match="该场次已结束，不能再取消"):
        cancel_booking(booking, by=visits.manager, reason="补录", by_staff=True, now=at(2, 10, 30))
