"""Rows that hang off a slot (bookings, waiting-list entries), read again once their slot is
locked: what a request saw before the lock may have changed under it."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import Model, Q

from booking.models import Slot
from booking.places import lock_slot


def reread(row: Model, slot: Slot) -> Model:
    """``row`` as it stands now, with its people and the locked ``slot`` attached."""
    fresh = type(row).objects.select_related("school", "user").get(pk=row.pk)
    fresh.slot = slot
    return fresh


def sweep(model: type[Model], due: Q, act: Callable[[Model, Slot], object]) -> int:
    """Each row of ``model`` that ``due`` selects, in its own transaction under its slot's
    lock: read again and handed to ``act`` if ``due`` still selects it. Returns how many."""
    count = 0
    for row in model.objects.filter(due).only("pk", "slot_id"):
        with transaction.atomic():
            slot = lock_slot(row.slot_id)
            fresh = model.objects.select_related("school", "user").filter(due, pk=row.pk).first()
            if fresh is not None:
                fresh.slot = slot
                act(fresh, slot)
                count += 1
    return count
