"""A booker cancels until the venue's cancellation deadline: the booking is cancelled, its
places freed, and the booker told."""

from booking import kinds
from booking.models import Booking, Pool
from booking.services import cancel_booking
from tests.booking_factories import at, book_group
from wechat.models import Message


def test_the_booker_cancels_before_the_deadline(visits):
    schools, slot = visits.schools, visits.slot
    booking = book_group(slot, schools.coordinator_a, schools.school_a)
    booked_at = booking.updated_at

    cancel_booking(booking, by=schools.coordinator_a, now=at(1, 8, 59))

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert (booking.cancelled_at, booking.cancelled_by, booking.cancel_reason) == (
        at(1, 8, 59),
        schools.coordinator_a,
        "预约人取消",
    )
    assert booking.updated_at > booked_at
    notice = Message.objects.get(kind=kinds.CANCELLED)
    assert (notice.user, notice.not_after) == (schools.coordinator_a, None)
    slot.refresh_from_db()
    assert (slot.group_taken, slot.groups_taken, slot.places_left(Pool.GROUP)) == (0, 0, 120)
