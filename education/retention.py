"""Removing students' personal data from quiz records kept longer than
ATTEMPT_RETENTION_DAYS (0 keeps them forever), as ``manage.py purge_personal_data`` does.

The knowledge rates must not change, nor a later ``rebuild_rates`` undo them. Rates are
kept per period in ``RateCount`` and ``DailyProgress``, which name no student; ``Result``
rows (a student's best score in a period) and the attempts' link to the student are what
identify someone, and they are what ``rebuild_rates`` and a roster recount recompute the
counts from. So the purge works period by period:

1. a period that ended more than the retention period ago is marked purged
   (``Period.purged_at``): from then on its counts are final, and ``rebuild_rates`` and
   ``recount_school`` leave them alone (there is nothing left to recompute them from);
2. its Results are deleted, and its attempts lose their student, account and certificate
   number; answers, scores and the per-question items stay, anonymous, so item analysis
   gives the same figures.

Attempts of quizzes that count in no period (public quizzes) lose their account link once
they started more than the retention period ago.

Every step works in batches, each its own short transaction, and picks only rows not yet
purged: a run that stops half-way is finished by the next, and a second run changes nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.dispatch import Signal
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Site

from education.models import Attempt, Period, Result

BATCH = 2000

# Sent by ``purge_personal_data`` after the quiz purge: an app keeping personal data of its
# own purges it in a receiver and returns one line for the command's report.
purging_personal_data = Signal()


@dataclass
class Purge:
    """What one run did."""

    periods: list[str] = field(default_factory=list)
    results: int = 0
    attempts: int = 0

    def as_data(self) -> dict:
        return {"periods": self.periods, "results": self.results, "attempts": self.attempts}


def cutoff(days: int, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The moment before which data are past ``days`` of retention; None when kept forever."""
    if days <= 0:
        return None
    return (now or timezone.now()) - datetime.timedelta(days=days)


def purge_attempts(now: datetime.datetime | None = None, batch: int = BATCH) -> Purge:
    now = now or timezone.now()
    before = cutoff(settings.ATTEMPT_RETENTION_DAYS, now)
    purge = Purge()
    if before is None:
        return purge
    due = Period.objects.filter(purged_at__isnull=True, ends_on__lt=timezone.localdate(before))
    purge.periods = list(due.order_by("starts_on").values_list("name", flat=True))
    due.update(purged_at=now)
    purged = Period.objects.filter(purged_at__isnull=False)
    purge.results = in_batches(Result.objects.filter(period__in=purged), batch, delete=True)
    identified = (
        Q(student__isnull=False) | Q(user__isnull=False) | Q(certificate_code__isnull=False)
    )
    old = Attempt.objects.filter(identified).filter(
        Q(period__in=purged) | Q(period__isnull=True, started_at__lt=before)
    )
    purge.attempts = in_batches(old, batch, student=None, user=None, certificate_code=None)
    return purge


def in_batches(rows: QuerySet, batch: int, *, delete: bool = False, **changes) -> int:
    """Delete ``rows``, or update them with ``changes``, ``batch`` rows a statement; the
    number of rows done. ``rows`` must no longer match a row once it is done."""
    done = 0
    while ids := list(rows.order_by("pk").values_list("pk", flat=True)[:batch]):
        chunk = rows.model.objects.filter(pk__in=ids)
        if delete:
            chunk.delete()
        else:
            chunk.update(**changes)
        done += len(ids)
    return done


def log_run(action: str, data: dict) -> None:
    """The run's entry in the audit trail, on the default site: a run has no one subject."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is not None:
        log(site, action, data=data)
