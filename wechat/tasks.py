"""The background task that sends the outbox (django-tasks; ``manage.py db_worker`` runs it).

``notify`` kicks the task when its transaction commits; the task sends everything due, then
schedules itself for the next time something becomes due (a retry, a lease running out, a
pause ending). Before sending a batch it also schedules a run for when the batch's lease
runs out, so that messages claimed by a worker that gets killed are sent all the same.
Duplicate runs are harmless: claims skip rows another run holds.
"""

import logging
import math
from dataclasses import asdict
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from wechat.delivery import LEASE, deliver_due, next_run_after

logger = logging.getLogger(__name__)

KICK_KEY = "wechat:deliver:kick"
KICK_LATER_KEY = "wechat:deliver:kick-later"
SCHEDULED_KEY = "wechat:deliver:at:{}"
KICK_WINDOW = 1  # seconds: at most one immediate run (and one a second later) per window
LEASE_WINDOW = int(LEASE.total_seconds()) // 2  # lease follow-ups are rounded up to this
# Measured with benchmarks/wechat_fanout.py: sends wait on the network, so many threads pay.
THREADS = 32
BATCH_SIZE = 500
RUN_AGAIN_AFTER_ERROR = timedelta(seconds=30)


@task()
def deliver_messages() -> dict[str, int]:
    try:
        counts = deliver_due(batch_size=BATCH_SIZE, threads=THREADS, on_lease=schedule_after_lease)
    except Exception:
        # The database (e.g. SQLite locked) or a bug stopped the run: the messages it should
        # have sent may have had no other kick, so another run comes soon.
        schedule_at(timezone.now() + RUN_AGAIN_AFTER_ERROR)
        raise
    later = next_run_after(timezone.now())
    if later:
        schedule_at(later)
    return asdict(counts)


def kick() -> None:
    """Start a delivery run soon, without flooding the queue when many messages are queued.

    Every call is followed by a run that starts after it: either one enqueued now, or, when
    one was enqueued less than a second ago (it may have started already), one a second on.
    """
    try:
        if cache.add(KICK_KEY, 1, KICK_WINDOW):
            deliver_messages.enqueue()
        elif cache.add(KICK_LATER_KEY, 1, KICK_WINDOW):
            _enqueue_at(timezone.now() + timedelta(seconds=KICK_WINDOW))
    except Exception:  # the cache is down: a duplicate run is better than none
        logger.warning("Cache unavailable; delivery enqueued without de-duplication")
        deliver_messages.enqueue()


def schedule_after_lease(lease_until: datetime) -> None:
    """One run after the leases of this window run out (one per window, not per batch)."""
    slot = math.ceil(lease_until.timestamp() / LEASE_WINDOW) * LEASE_WINDOW
    schedule_at(datetime.fromtimestamp(slot, tz=lease_until.tzinfo))


def schedule_at(when: datetime) -> None:
    """A run at ``when`` (to the second), enqueued once however many runs ask for it."""
    slot = datetime.fromtimestamp(math.ceil(when.timestamp()), tz=when.tzinfo)
    wait = max((slot - timezone.now()).total_seconds(), 0)
    try:
        first = cache.add(SCHEDULED_KEY.format(int(slot.timestamp())), 1, int(wait) + 60)
    except Exception:
        first = True
    if first:
        _enqueue_at(slot)


def _enqueue_at(when: datetime) -> None:
    # A backend that cannot defer (the immediate one, in tests) runs tasks inline: a later
    # run there would recurse, and nothing is left to wait for anyway.
    if deliver_messages.get_backend().supports_defer:
        deliver_messages.using(run_after=when).enqueue()
