"""When a slot can be booked, cancelled, offered to the waiting list and checked in: all
relative to the slot and its venue's rules."""

from datetime import datetime, timedelta

from django.utils import timezone

from booking.models import Slot

NOT_YET = "not_yet"
OPEN = "open"
CLOSED = "closed"


def opens_at(slot: Slot) -> datetime:
    """Booking opens ``opens_days_ahead`` days before the slot's day, at the release time."""
    venue = slot.venue
    day = slot.day - timedelta(days=venue.opens_days_ahead)
    return timezone.make_aware(datetime.combine(day, venue.release_time))


def closes_at(slot: Slot) -> datetime:
    return slot.starts_at - timedelta(hours=slot.venue.cutoff_hours)


def cancel_deadline(slot: Slot) -> datetime:
    return slot.starts_at - timedelta(hours=slot.venue.cancel_hours)


def offer_cutoff(slot: Slot) -> datetime:
    """No waiting-list offer goes out from this moment on."""
    return slot.starts_at - timedelta(hours=slot.venue.waitlist_cutoff_hours)


def arrival_window(slot: Slot) -> tuple[datetime, datetime]:
    venue = slot.venue
    return (
        slot.starts_at - timedelta(minutes=venue.arrival_before_minutes),
        slot.starts_at + timedelta(minutes=venue.arrival_after_minutes),
    )


def review_deadline(slot: Slot, now: datetime) -> datetime:
    """Places of a group waiting for approval are held until staff decide or this passes."""
    return min(now + timedelta(hours=slot.venue.review_hours), closes_at(slot))


def booking_state(slot: Slot, now: datetime) -> str:
    if slot.closed or now >= closes_at(slot):
        return CLOSED
    if now < opens_at(slot):
        return NOT_YET
    return OPEN
