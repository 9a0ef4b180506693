"""A person who books a slot directly stops waiting for it, and an offer they held passes
on; an offer never goes to a party that could not accept it."""

from datetime import timedelta

from booking import services, waitlist
from booking.models import Pool, Suspension, WaitlistEntry
from tests.booking_factories import NOW, at, book_public, make_slot, public_party
from tests.factories import make_user

Status = WaitlistEntry.Status


def _wait(slot, user, visitors=1):
    return waitlist.join_waitlist(
        slot, pool=Pool.PUBLIC, party=public_party(visitors), by=user, now=NOW
    )


def test_booking_directly_ends_the_wait_and_frees_the_offer(visits):
    slot = make_slot(visits.venue, at(2, 14), public_capacity=3)
    x, w, z = (make_user(f"{n}@example.cn") for n in "xwz")
    first = book_public(slot, x, visitors=3)
    entry = _wait(slot, w)
    services.change_headcount(first, by=x, visitors=2, now=NOW)
    services.change_headcount(first, by=x, visitors=1, now=NOW)
    entry.refresh_from_db()
    assert entry.status == Status.OFFERED

    book_public(slot, w, visitors=1)

    entry.refresh_from_db()
    slot.refresh_from_db()
    assert (entry.status, slot.public_taken) == (Status.WITHDRAWN, 2)
    book_public(slot, z, visitors=1)


def test_a_suspended_party_is_passed_over(visits):
    slot = make_slot(visits.venue, at(2, 14), public_capacity=3)
    x, w, v = (make_user(f"{n}@example.cn") for n in "xwv")
    first = book_public(slot, x, visitors=3)
    suspended, next_in_line = _wait(slot, w), _wait(slot, v)
    Suspension.objects.create(
        user=w, starts_at=NOW, ends_at=NOW + timedelta(days=30), reason="爽约"
    )

    services.change_headcount(first, by=x, visitors=2, now=NOW)

    suspended.refresh_from_db()
    next_in_line.refresh_from_db()
    assert (suspended.status, next_in_line.status) == (Status.WAITING, Status.OFFERED)
