"""Staff refuse a pending group with a reason the coordinator is told; its places are freed
and offered to the waiting list."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking, WaitlistEntry
from booking.services import refuse_booking
from tests.booking_factories import NOW, at, pending_group, wait_group
from wechat.models import Message


@pytest.fixture
def pending(visits):
    return pending_group(visits, at(3))


@pytest.mark.parametrize(
    ("reason", "error"), [("  ", "请填写未通过的原因"), ("因" * 121, "原因最多 120 字")]
)
def test_a_refusal_needs_a_short_reason(visits, pending, reason, error):
    with pytest.raises(BookingError, match=error):
        refuse_booking(pending, by=visits.manager, reason=reason, now=NOW)

    pending.refresh_from_db()
    assert pending.status == Booking.Status.PENDING
    assert not Message.objects.filter(kind=kinds.REFUSED).exists()


def test_a_refusal_frees_the_places_for_the_waiting_list(visits, pending):
    schools = visits.schools
    entry = wait_group(
        pending.slot, schools.coordinator_b, schools.school_b, students=28, teachers=2
    )

    refuse_booking(pending, by=visits.manager, reason="当天已安排其他活动", now=at(0, 11))

    pending.refresh_from_db()
    assert (pending.status, pending.refusal_reason) == (
        Booking.Status.REFUSED,
        "当天已安排其他活动",
    )
    refusal = Message.objects.get(kind=kinds.REFUSED)
    assert refusal.user == schools.coordinator_a
    assert "当天已安排其他活动" in refusal.payload["body"]
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.OFFERED
    assert Message.objects.filter(kind=kinds.WAITLIST_OFFER, user=schools.coordinator_b).exists()
    pending.slot.refresh_from_db()
    assert pending.slot.group_taken == 30
