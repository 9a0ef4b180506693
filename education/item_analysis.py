"""Item analysis of the question bank: how each question behaved on answerers' first attempts.

For every question, over the ``AttemptItem`` rows of first attempts:

- facility index = mean item score ÷ maximum item score. An item scores 0 or 1, so this is
  the share of right answers (0–1);
- discrimination index = 100 × Pearson's r between the item score x and the rest-of-test
  score y = the attempt's right answers − x, so the item does not correlate with itself.
  It comes from the sums n, Σx, Σy, Σxy, Σx², Σy² that one GROUP BY query returns, and is
  undefined (``None``) when either score does not vary.

Flags follow the usual reading of these indices (as in Moodle's quiz statistics):
facility ≥ 0.95 → almost everyone right, ≤ 0.10 → almost everyone wrong (below any guessing
rate of a 2–6 choice item), discrimination < 0 → stronger answerers get it wrong more often
(a suspect key or wording), 0 ≤ discrimination < 20 → it barely separates strong from weak.
Below 30 answers the indices are too noisy to judge, and only that is said.

The admin report reads sums at most ``CACHE_SECONDS`` old (``recent_item_statistics``).
"""

import datetime
import hashlib
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Count, ExpressionWrapper, F, IntegerField, QuerySet, Sum, When
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from education.models import AttemptItem, Question

EASY_FACILITY = 0.95
HARD_FACILITY = 0.10
LOW_DISCRIMINATION = 20
MIN_ANSWERS = 30
CACHE_SECONDS = 600

FLAG_EASY = _("几乎全对")
FLAG_HARD = _("几乎全错")
FLAG_NEGATIVE = _("区分度为负")
FLAG_LOW = _("区分度低")


@dataclass(frozen=True)
class Sums:
    """The sums behind Pearson's r of x and y over n pairs."""

    n: int
    x: int
    y: int
    xy: int
    xx: int
    yy: int

    def correlation(self) -> float | None:
        """Pearson's r, or ``None`` when x or y does not vary."""
        covariance = self.n * self.xy - self.x * self.y
        variance_x = self.n * self.xx - self.x * self.x
        variance_y = self.n * self.yy - self.y * self.y
        if variance_x <= 0 or variance_y <= 0:
            return None
        return covariance / (math.sqrt(variance_x) * math.sqrt(variance_y))


@dataclass(frozen=True)
class ItemStatistics:
    question: Question
    sums: Sums

    @property
    def answers(self) -> int:
        return self.sums.n

    @property
    def facility(self) -> float:
        return self.sums.x / self.sums.n

    @property
    def discrimination(self) -> float | None:
        r = self.sums.correlation()
        return None if r is None else 100 * r

    @property
    def enough_answers(self) -> bool:
        return self.answers >= MIN_ANSWERS

    @property
    def flags(self) -> list[str]:
        if not self.enough_answers:
            return [gettext("作答人数不足 %(count)d") % {"count": MIN_ANSWERS}]
        flags = []
        if self.facility >= EASY_FACILITY:
            flags.append(FLAG_EASY)
        if self.facility <= HARD_FACILITY:
            flags.append(FLAG_HARD)
        discrimination = self.discrimination
        if discrimination is not None and discrimination < 0:
            flags.append(FLAG_NEGATIVE)
        elif discrimination is not None and discrimination < LOW_DISCRIMINATION:
            flags.append(FLAG_LOW)
        return [str(flag) for flag in flags]


def first_attempt_items() -> QuerySet[AttemptItem]:
    """The items item analysis reads: first attempts, questions still in the bank."""
    return AttemptItem.objects.filter(first=True, question__isnull=False)


def item_sums(items: QuerySet[AttemptItem]) -> dict[int, Sums]:
    """The sums per question id over ``items``: one GROUP BY query."""
    score = Case(When(correct=True, then=1), default=0, output_field=IntegerField())
    rest = ExpressionWrapper(F("attempt__correct_count") - score, output_field=IntegerField())
    rows = (
        items.order_by()
        .values("question_id")
        .annotate(
            n=Count("pk"),
            sum_x=Sum(score),
            sum_y=Sum(rest),
            sum_xy=Sum(score * rest),
            sum_yy=Sum(rest * rest),
        )
    )
    return {
        row["question_id"]: Sums(
            n=row["n"],
            x=int(row["sum_x"]),
            y=int(row["sum_y"]),
            xy=int(row["sum_xy"]),
            xx=int(row["sum_x"]),  # x is 0 or 1, so Σx² = Σx
            yy=int(row["sum_yy"]),
        )
        for row in rows
    }


def item_statistics(items: QuerySet[AttemptItem] | None = None) -> list[ItemStatistics]:
    """Statistics per question over ``items`` (default: every first-attempt item), in two
    queries whatever the number of attempts: the sums, then the questions."""
    sums = item_sums(first_attempt_items() if items is None else items)
    return _with_questions(sums)


def _with_questions(sums: dict[int, Sums]) -> list[ItemStatistics]:
    questions = Question.objects.in_bulk(sums)
    return [
        ItemStatistics(question=questions[pk], sums=item_sums)
        for pk, item_sums in sums.items()
        if pk in questions
    ]


def recent_item_statistics(
    items: QuerySet[AttemptItem],
) -> tuple[datetime.datetime, list[ItemStatistics]]:
    """``item_statistics`` with the sums kept in the cache for ``CACHE_SECONDS``, and the
    time they were computed. A city's year of first attempts is millions of items: seconds
    of scanning that a report looked at now and then need not repeat on every page view.
    The questions are read fresh, so an edit shows at once."""
    key = "item-analysis:" + hashlib.sha256(str(items.query).encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        kept = (timezone.now(), item_sums(items))
        cache.set(key, kept, CACHE_SECONDS)
    computed_at, sums = kept
    return computed_at, _with_questions(sums)
