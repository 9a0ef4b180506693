"""Slots: made ahead of time from each venue's weekly rules, changed one at a time by staff,
and closed on the days a venue is shut.

Generation never touches a slot that exists (one slot per venue and start time), so the
one-off changes staff make to a slot (its capacities, a note, closing it) survive every run,
and running it twice makes nothing twice."""

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from booking.errors import BookingError
from booking.models import Booking, Closure, Slot, Venue, WeeklyRule
from booking.places import Taken, lock_slot, recount
from booking.services import OPEN_STATUSES, cancel_booking
from booking.waitlist import end_waitlist, offer_places

# Slots are made this many days past the last day a venue opens for booking, so the
# booking window never reaches a day without slots between two runs.
MARGIN_DAYS = 7


class SlotChangeRefused(BookingError):
    """A one-off change that would leave a slot smaller than what is booked on it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def days_between(first_day: date, last_day: date) -> Iterator[date]:
    day = first_day
    while day <= last_day:
        yield day
        day += timedelta(days=1)


def closures_by_day(venue: Venue, first_day: date, last_day: date) -> dict[date, str]:
    """The days from first to last on which the venue (or every venue) is closed, with the
    closure's reason."""
    closures = Closure.objects.filter(
        Q(venue=venue) | Q(venue__isnull=True), first_day__lte=last_day, last_day__gte=first_day
    )
    return {
        day: closure.reason
        for closure in closures.order_by("first_day", "pk")
        for day in days_between(max(closure.first_day, first_day), min(closure.last_day, last_day))
    }


def rule_applies(rule: WeeklyRule, day: date) -> bool:
    return (
        rule.weekday == day.weekday()
        and (rule.valid_from is None or rule.valid_from <= day)
        and (rule.valid_until is None or day <= rule.valid_until)
    )


def local_time(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at), timezone.get_default_timezone())


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def slot_from_rule(venue: Venue, rule: WeeklyRule, day: date) -> Slot:
    return Slot(
        venue=venue,
        rule=rule,
        day=day,
        starts_at=local_time(day, rule.start),
        ends_at=local_time(day, rule.end),
        group_capacity=_or_default(rule.group_capacity, venue.group_capacity),
        public_capacity=_or_default(rule.public_capacity, venue.public_capacity),
        max_groups=_or_default(rule.max_groups, venue.max_groups),
    )


def planned_slots(venue: Venue, first_day: date, last_day: date) -> dict[datetime, Slot]:
    """The slots the venue's rules give from first to last day, by start time (of two
    rules starting at the same time, the first in the venue's order gives the slot)."""
    rules = list(venue.rules.order_by("sort_order", "pk"))
    shut = closures_by_day(venue, first_day, last_day)
    planned: dict[datetime, Slot] = {}
    for day in days_between(first_day, last_day):
        if day in shut:
            continue
        for rule in rules:
            if rule_applies(rule, day):
                slot = slot_from_rule(venue, rule, day)
                planned.setdefault(slot.starts_at, slot)
    return planned


def generate_slots(venue: Venue, first_day: date, last_day: date) -> int:
    """Make the slots the venue's weekly rules give from first to last day, except on closed
    days and where a slot already starts; returns how many were made."""
    with transaction.atomic():
        # One run per venue at a time, so the count below is what this run made.
        Venue.objects.select_for_update().filter(pk=venue.pk).first()
        planned = planned_slots(venue, first_day, last_day)
        existing = set(
            Slot.objects.filter(venue=venue, day__range=(first_day, last_day)).values_list(
                "starts_at", flat=True
            )
        )
        missing = [slot for starts_at, slot in planned.items() if starts_at not in existing]
        # A slot staff add at the same moment wins; ignore_conflicts keeps this run going.
        Slot.objects.bulk_create(missing, ignore_conflicts=True)
        if missing:
            log(
                venue,
                "booking.slots_generate",
                data={
                    "first_day": first_day.isoformat(),
                    "last_day": last_day.isoformat(),
                    "created": len(missing),
                },
            )
    return len(missing)


def generate_window(venue: Venue, today: date) -> int:
    """Slots from today to the end of the venue's booking window, plus a margin."""
    last_day = today + timedelta(days=venue.opens_days_ahead + MARGIN_DAYS)
    return generate_slots(venue, today, last_day)


def generate_ahead(now: datetime | None = None) -> int:
    """Slots for the booking window of every published venue; returns how many were made."""
    today = timezone.localdate(now or timezone.now())
    return sum(generate_window(venue, today) for venue in Venue.objects.filter(published=True))


def close_days(closure: Closure, *, by, now: datetime | None = None) -> int:
    """Close the slots on the closure's days, cancelling (and so telling) the bookings on
    them; returns how many slots it closed."""
    now = now or timezone.now()
    slots = Slot.objects.filter(day__range=(closure.first_day, closure.last_day))
    if closure.venue_id:
        slots = slots.filter(venue_id=closure.venue_id)
    with transaction.atomic():
        slot_ids = list(slots.values_list("pk", flat=True))
        close_slots(slot_ids, reason=closure.reason, by=by, now=now)
    return len(slot_ids)


def close_slots(slot_ids: Iterable[int], *, reason: str, by, now: datetime) -> None:
    """Mark the slots closed with the reason as their note, then cancel their open bookings
    with it. Closed first, so the places the cancellations free are offered to nobody; the
    slots' waiting lists end."""
    slot_ids = list(slot_ids)
    Slot.objects.filter(pk__in=slot_ids).update(closed=True, note=reason)
    open_bookings = Booking.objects.filter(
        slot_id__in=slot_ids, slot__ends_at__gt=now, status__in=OPEN_STATUSES
    ).only("pk", "slot_id")
    for booking in list(open_bookings):
        cancel_booking(booking, by=by, reason=reason, now=now, by_staff=True)
    for slot_id in slot_ids:
        slot = lock_slot(slot_id)
        end_waitlist(slot, now)
        log(slot, "booking.slot_close", user=by, data={"reason": reason})


def change_slot(slot: Slot, save: Callable[[], Slot], *, by, now: datetime | None = None) -> Slot:
    """Apply a one-off change staff made to ``slot`` (new values set, not yet saved), saved
    by ``save``, under the slot's lock. Capacities may not fall below the places held
    (raises SlotChangeRefused, nothing written); closing the slot cancels its open bookings;
    more room (or reopening) goes to the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_slot(slot.pk)
        # The counters are kept under the lock; the edited copy may hold older ones.
        slot.group_taken, slot.public_taken = locked.group_taken, locked.public_taken
        slot.groups_taken = locked.groups_taken
        closing = slot.closed and not locked.closed
        if not slot.closed:
            check_room_kept(slot, recount(locked, now))
        slot = save()
        if closing:
            close_slots([slot.pk], reason=slot.note, by=by, now=now)
        elif not slot.closed:
            offer_places(lock_slot(slot.pk), now)
    return slot


def check_room_kept(slot: Slot, taken: Taken) -> None:
    limits = (
        (
            "group_capacity",
            taken.group,
            _("团体已占 %(count)s 人（含待审核和候补保留），名额不能少于此数。"),
        ),
        (
            "public_capacity",
            taken.public,
            _("散客已占 %(count)s 人（含待审核和候补保留），名额不能少于此数。"),
        ),
        ("max_groups", taken.groups, _("已有 %(count)s 个团体预约，团体数不能少于此数。")),
    )
    for field, held, message in limits:
        if getattr(slot, field) < held:
            raise SlotChangeRefused(field, message % {"count": held})
