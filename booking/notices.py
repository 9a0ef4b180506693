"""The messages of bookings and the waiting list, queued in the caller's transaction through
the WeChat outbox (email when the person follows no account). Keys make each one once."""

from django.urls import reverse

from booking import kinds
from booking.models import Booking, Suspension, WaitlistEntry
from wechat import outbox


def visit_context(booking: Booking) -> dict:
    return {
        "venue": booking.slot.venue.name,
        "time": booking.slot.starts_at,
        "code": booking.code,
        "who": booking.who,
        "headcount": booking.headcount,
        "url": reverse("booking:booking", args=[booking.code]),
    }


def notify_booking(booking: Booking, kind: str, *, suffix: str = "", **extra) -> None:
    """Tell the booker about ``kind``; ``suffix`` tells apart two events of one kind."""
    key = f"booking:{booking.pk}:{kind}" + (f":{suffix}" if suffix else "")
    not_after = booking.slot.starts_at if kind != kinds.CANCELLED else None
    outbox.notify(
        booking.user, kind, {**visit_context(booking), **extra}, key=key, not_after=not_after
    )


def notify_offer(entry: WaitlistEntry) -> None:
    context = {
        "venue": entry.slot.venue.name,
        "time": entry.slot.starts_at,
        "headcount": entry.headcount,
        "expires": entry.offer_expires_at,
        "who": entry.school.name if entry.school_id else entry.contact_name,
        "url": reverse("booking:waitlist_offer", args=[entry.token]),
    }
    outbox.notify(
        entry.user,
        kinds.WAITLIST_OFFER,
        context,
        key=f"waitlist:{entry.pk}:offer",
        not_after=entry.offer_expires_at,
    )


def notify_suspension(suspension: Suspension, recipients) -> None:
    context = {
        "who": suspension.school.name if suspension.school_id else str(suspension.user),
        "until": suspension.ends_at,
        "reason": suspension.reason,
        "url": reverse("booking:my_bookings"),
    }
    for user in recipients:
        outbox.notify(user, kinds.SUSPENDED, context, key=f"suspension:{suspension.pk}:{user.pk}")
