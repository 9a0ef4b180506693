"""On PostgreSQL a person's row is locked "for no key update" while they book: a
cancellation that offers freed places to that same person (writing a message that refers
to them) under the slot's lock, at the same moment, must not deadlock with it."""

import threading
import time

import pytest
from django.db import connection, connections

from booking import services, waitlist
from booking.models import Pool
from booking.places import lock_slot
from tests.booking_factories import NOW, make_slot, make_venue, public_party
from tests.factories import make_user

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are a PostgreSQL matter; SQLite serialises transactions",
    ),
]


def test_a_cancellation_and_the_waiting_persons_own_booking_do_not_deadlock(monkeypatch):
    slot = make_slot(make_venue(), public_capacity=3)
    x, w = make_user("x@example.cn"), make_user("w@example.cn")
    booked = services.book_visit(
        slot, pool=Pool.PUBLIC, party=public_party(3), by=x, key="x", now=NOW
    )
    waitlist.join_waitlist(slot, pool=Pool.PUBLIC, party=public_party(1), by=w, now=NOW)
    cancel_holds_slot, booker_locked = threading.Event(), threading.Event()

    def ordered_lock_slot(pk):
        # The booking thread has locked its person when it asks for the slot; the
        # cancelling thread holds the slot a moment longer, so both locks are held at once.
        if threading.current_thread().name == "book":
            booker_locked.set()
            return lock_slot(pk)
        locked = lock_slot(pk)
        if not cancel_holds_slot.is_set():
            cancel_holds_slot.set()
            booker_locked.wait(5)
            time.sleep(0.3)
        return locked

    monkeypatch.setattr(services, "lock_slot", ordered_lock_slot)
    outcomes = {}

    def run(name, step):
        try:
            outcomes[name] = step()
        except Exception as error:  # the assertion below reports it
            outcomes[name] = error
        finally:
            connections.close_all()

    def book():
        cancel_holds_slot.wait(5)
        return services.book_visit(
            slot, pool=Pool.PUBLIC, party=public_party(1), by=w, key="w", now=NOW
        )

    threads = [
        threading.Thread(
            target=run,
            args=("cancel", lambda: services.cancel_booking(booked, by=x, now=NOW)),
            name="cancel",
        ),
        threading.Thread(target=run, args=("book", book), name="book"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    errors = [outcome for outcome in outcomes.values() if isinstance(outcome, Exception)]
    assert errors == []
