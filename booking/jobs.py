"""The periodic booking jobs, run together every few minutes (``manage.py booking_jobs``,
from cron in production). Each job is safe to run again and again: it acts only on what is
due at ``now`` and leaves the rest for a later run."""

import logging
from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from booking import services, slot_generation, waitlist
from booking.no_shows import mark_no_shows
from booking.reminders import send_reminders

logger = logging.getLogger(__name__)

# In this order: lapsed reviews and expired offers free places (and offer them on) before
# the day's no-shows are counted and tomorrow's reminders go out; new slots come last.
JOBS: tuple[tuple[str, Callable[..., int]], ...] = (
    ("lapsed", services.lapse_pending),
    ("expired_offers", waitlist.expire_offers),
    ("no_shows", mark_no_shows),
    ("reminders", send_reminders),
    ("slots", slot_generation.generate_ahead),
)


def run_jobs(now: datetime | None = None) -> dict[str, int | None]:
    """Run every job once; returns what each did (None for a job that failed). A failing job
    is logged and the others still run."""
    now = now or timezone.now()
    counts: dict[str, int | None] = {}
    for name, job in JOBS:
        try:
            counts[name] = job(now=now)
        except Exception:
            logger.exception("Booking job %s failed", name)
            counts[name] = None
    return counts
