"""What the public sees of venues and slots: the published venues, a venue's calendar of the
coming days (slots with the places left per pool, closed days, booking windows), and the
slot a booking link points to. Places left come from the slots' display counters: they
inform, and the booking services recount under the slot's lock before any booking."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from booking import windows
from booking.models import Closure, Pool, Slot, Venue, VenuePhoto

DAYS = 14
# Paging further than this is no use to anyone (no slot is bookable that far ahead) and
# keeps date arithmetic far from its limits.
MAX_DAYS_AHEAD = 366


@dataclass(frozen=True)
class PoolPlaces:
    pool: str
    label: str
    capacity: int
    left: int

    @property
    def full(self) -> bool:
        return self.left <= 0


@dataclass(frozen=True)
class SlotView:
    slot: Slot
    state: str
    opens_at: datetime
    closes_at: datetime
    pools: list[PoolPlaces]

    @property
    def bookable(self) -> bool:
        return self.state == windows.OPEN


@dataclass
class Day:
    day: date
    closure: Closure | None = None
    slots: list[SlotView] = field(default_factory=list)


@dataclass(frozen=True)
class Calendar:
    start: date
    days: list[Day]
    previous: date | None
    next: date | None


def published_venues() -> QuerySet[Venue]:
    photos = VenuePhoto.objects.select_related("image").prefetch_related("image__renditions")
    return Venue.objects.filter(published=True).prefetch_related(
        Prefetch("photos", queryset=photos.order_by("sort_order"))
    )


def venue_or_404(slug: str) -> Venue:
    return get_object_or_404(published_venues(), slug=slug)


def slot_or_404(pk: int) -> Slot:
    """A slot of a published venue; a forged or unpublished id is a 404."""
    return get_object_or_404(Slot.objects.select_related("venue"), pk=pk, venue__published=True)


def pool_or_404(value: str) -> str:
    if value not in Pool.values:
        raise Http404
    return value


def pool_places(slot: Slot) -> list[PoolPlaces]:
    return [
        PoolPlaces(pool, label, slot.capacity(pool), slot.places_left(pool))
        for pool, label in Pool.choices
    ]


def slot_view(slot: Slot, now: datetime) -> SlotView:
    return SlotView(
        slot=slot,
        state=windows.booking_state(slot, now),
        opens_at=windows.opens_at(slot),
        closes_at=windows.closes_at(slot),
        pools=pool_places(slot),
    )


def start_day(value: str | None, today: date) -> date:
    """The calendar's first day from ``?from=YYYY-MM-DD``: today when missing, malformed,
    in the past or absurdly far ahead."""
    try:
        start = date.fromisoformat(value or "")
    except ValueError:
        return today
    if not today <= start <= today + timedelta(days=MAX_DAYS_AHEAD):
        return today
    return start


def venue_calendar(venue: Venue, start: date, now: datetime, days: int = DAYS) -> Calendar:
    """``days`` days of ``venue`` from ``start``, in two queries (slots, closures)."""
    end = start + timedelta(days=days - 1)
    calendar = {start + timedelta(days=n): Day(start + timedelta(days=n)) for n in range(days)}
    closures = Closure.objects.filter(Q(venue=venue) | Q(venue__isnull=True)).filter(
        first_day__lte=end, last_day__gte=start
    )
    for closure in closures:
        for day in calendar.values():
            if day.closure is None and closure.first_day <= day.day <= closure.last_day:
                day.closure = closure
    slots = Slot.objects.filter(venue=venue, day__range=(start, end)).order_by("starts_at")
    for slot in slots:
        slot.venue = venue
        calendar[slot.day].slots.append(slot_view(slot, now))
    today = timezone.localdate(now)
    following = end + timedelta(days=1)
    return Calendar(
        start=start,
        days=list(calendar.values()),
        previous=max(start - timedelta(days=days), today) if start > today else None,
        next=following if following <= today + timedelta(days=MAX_DAYS_AHEAD) else None,
    )
