"""Closing a slot ends its waiting list: nobody waits for, or holds places in, a slot that
will not be held."""

from booking.models import Closure, WaitlistEntry
from booking.slot_generation import close_days
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user


def test_waiting_and_offered_entries_end_when_their_slot_closes(visits):
    slot = make_slot(visits.venue, at(3), public_capacity=4)
    first = book_public(slot, visits.visitor, visitors=4)
    waiting = [
        join_waitlist(
            slot, pool="public", party=public_party(2), by=make_user(f"w{n}@example.cn"), now=NOW
        )
        for n in range(2)
    ]
    from booking.services import change_headcount

    change_headcount(first, by=visits.visitor, visitors=2, now=NOW)
    assert WaitlistEntry.objects.get(pk=waiting[0].pk).status == WaitlistEntry.Status.OFFERED

    closure = Closure.objects.create(
        venue=visits.venue, first_day=slot.day, last_day=slot.day, reason="设备检修"
    )
    close_days(closure, by=visits.manager, now=NOW)

    statuses = set(WaitlistEntry.objects.values_list("status", flat=True))
    assert statuses == {WaitlistEntry.Status.EXPIRED}
    slot.refresh_from_db()
    assert (slot.closed, slot.public_taken) == (True, 0)
