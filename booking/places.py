"""Counting the places a slot has given away. Every decision about places is taken on a
recount made while the slot's row is locked; the counters stored on the slot only feed
displays and are refreshed from the same recount."""

from dataclasses import dataclass, replace
from datetime import datetime

from django.db.models import Count, Sum

from booking.models import Booking, Pool, Slot, WaitlistEntry, holding, offer_holding


@dataclass(frozen=True)
class Taken:
    group: int = 0
    public: int = 0
    groups: int = 0

    def persons(self, pool: str) -> int:
        return self.group if pool == Pool.GROUP else self.public

    def plus(self, pool: str, headcount: int) -> "Taken":
        """The places taken once one more party of ``headcount`` holds some of ``pool``."""
        if pool == Pool.GROUP:
            return replace(self, group=self.group + headcount, groups=self.groups + 1)
        return replace(self, public=self.public + headcount)


def lock_slot(pk: int) -> Slot:
    """The slot, locked until the surrounding transaction ends. On SQLite the immediate
    transaction already holds the database's write lock, which serialises the same way.
    Only the slot's row is locked, not its venue's: slots of one venue book side by side."""
    return Slot.objects.select_for_update(of=("self",)).select_related("venue").get(pk=pk)


def recount(slot: Slot, now: datetime) -> Taken:
    """Places held at ``now`` by bookings and by open waiting-list offers, per pool."""
    totals = {Pool.GROUP: [0, 0], Pool.PUBLIC: [0, 0]}
    holders = (
        Booking.objects.filter(slot=slot).filter(holding(now)),
        WaitlistEntry.objects.filter(slot=slot).filter(offer_holding(now)),
    )
    for queryset in holders:
        rows = queryset.values("pool").annotate(persons=Sum("headcount"), parties=Count("id"))
        for row in rows.order_by():
            totals[row["pool"]][0] += row["persons"]
            totals[row["pool"]][1] += row["parties"]
    return Taken(
        group=totals[Pool.GROUP][0], public=totals[Pool.PUBLIC][0], groups=totals[Pool.GROUP][1]
    )


def refresh(slot: Slot, now: datetime) -> Taken:
    """Recount and store the display counters; the caller holds the slot's lock."""
    taken = recount(slot, now)
    slot.group_taken, slot.public_taken, slot.groups_taken = taken.group, taken.public, taken.groups
    Slot.objects.filter(pk=slot.pk).update(
        group_taken=taken.group, public_taken=taken.public, groups_taken=taken.groups
    )
    return taken
