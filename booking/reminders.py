"""The reminder the day before a visit."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from booking import kinds, notices
from booking.models import Booking

# Reminders for a day's visits go out from this time the day before. A booking confirmed
# after that moment gets none: its confirmation is fresh.
REMINDER_TIME = time(9, 0)


def send_reminders(now: datetime | None = None) -> int:
    """Remind the bookers of tomorrow's confirmed visits, once each; returns how many."""
    now = now or timezone.now()
    reminder_moment = timezone.make_aware(datetime.combine(timezone.localdate(now), REMINDER_TIME))
    if now < reminder_moment:
        return 0
    due = Booking.objects.filter(
        Q(decided_at__isnull=True) | Q(decided_at__lt=reminder_moment),
        status=Booking.Status.CONFIRMED,
        slot__day=timezone.localdate(now) + timedelta(days=1),
        reminded_at__isnull=True,
        created_at__lt=reminder_moment,
    ).select_related("slot__venue", "school", "user")
    return sum(_remind(booking, now) for booking in due)


def _remind(booking: Booking, now: datetime) -> bool:
    with transaction.atomic():
        # The conditional update claims the reminder: a cancellation or a second run of the
        # job in between leaves nothing to claim.
        claimed = Booking.objects.filter(
            pk=booking.pk, status=Booking.Status.CONFIRMED, reminded_at__isnull=True
        ).update(reminded_at=now)
        if claimed:
            notices.notify_booking(booking, kinds.REMINDER)
    return bool(claimed)
