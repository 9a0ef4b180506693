"""A booking inside the rules is confirmed at once, holds its places and tells the booker."""

from booking import kinds
from booking.models import Booking, Pool
from tests.booking_factories import book_group
from wechat.models import Message


def test_a_group_booking_is_confirmed_and_the_coordinator_told(visits):
    schools, slot = visits.schools, visits.slot

    booking = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)

    assert booking.status == Booking.Status.CONFIRMED
    assert (booking.school, booking.user, booking.headcount) == (
        schools.school_a,
        schools.coordinator_a,
        48,
    )
    slot.refresh_from_db()
    assert (slot.group_taken, slot.groups_taken, slot.places_left(Pool.GROUP)) == (48, 1, 72)
    message = Message.objects.get()
    assert (message.kind, message.user) == (kinds.CONFIRMED, schools.coordinator_a)
    assert message.not_after == slot.starts_at
