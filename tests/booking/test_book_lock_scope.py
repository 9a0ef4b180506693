"""Booking locks the slot's row only, not its venue's: while one request holds a slot, another
slot of the same venue books at once and staff can still edit the venue. (PostgreSQL: SQLite
has no row locks; its immediate transactions serialise every write.)"""

import threading

import pytest
from django.db import DatabaseError, connection, connections, transaction

from booking.models import Slot, Venue
from booking.places import lock_slot
from tests.booking_factories import at, make_slot, make_venue

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only"),
]


def _try_lock(model, pk, outcome):
    """In a connection of its own, lock ``model`` row ``pk`` without waiting."""
    try:
        with transaction.atomic():
            model.objects.select_for_update(nowait=True).get(pk=pk)
        outcome.append("locked")
    except DatabaseError:
        outcome.append("busy")
    finally:
        connections.close_all()


def _attempt(model, pk):
    outcome = []
    thread = threading.Thread(target=_try_lock, args=(model, pk, outcome))
    thread.start()
    thread.join()
    return outcome[0]


def test_a_locked_slot_leaves_its_venue_and_sibling_slots_free():
    venue = make_venue()
    slot, sibling = make_slot(venue, at(2)), make_slot(venue, at(3))

    with transaction.atomic():
        lock_slot(slot.pk)
        outcomes = (
            _attempt(Slot, slot.pk),
            _attempt(Slot, sibling.pk),
            _attempt(Venue, venue.pk),
        )

    assert outcomes == ("busy", "locked", "locked")
