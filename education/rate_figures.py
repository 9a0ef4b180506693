"""Reading the knowledge rate: figures of a class, school, district or the city for a period.

Every figure is a sum of the kept ``RateCount`` rows (see ``education.rate_counts``), never a
scan of attempts. Each function runs a fixed, small number of aggregate queries whatever the
number of schools. District and city figures are sums of school figures: a school without a
roster counts its declared enrolment, and a sum that includes one is marked ``declared``.
"""

import datetime
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, When
from django.utils import timezone

from education.models import (
    DailyProgress,
    District,
    Period,
    RateCount,
    Result,
    School,
    SchoolClass,
    Student,
)

HUNDRED = Decimal(100)
ONE_PLACE = Decimal("0.1")


def percentage(numerator: int, denominator: int) -> Decimal:
    """``numerator ÷ denominator`` as a percentage with one decimal place, never above 100;
    0 when there is nothing to divide by."""
    if denominator <= 0:
        return Decimal("0.0")
    value = (Decimal(numerator) * HUNDRED / Decimal(denominator)).quantize(
        ONE_PLACE, rounding=ROUND_HALF_UP
    )
    return min(value, HUNDRED.quantize(ONE_PLACE))


@dataclass(frozen=True)
class Figures:
    """The counts of a group for a period. ``declared`` is set when the enrolment is (or
    includes) a school's declared enrolment rather than its roster. ``Figures()`` is zero, so
    ``sum(parts, Figures())`` adds groups up."""

    enrolled: int = 0
    participants: int = 0
    passed: int = 0
    score_sum: int = 0
    declared: bool = False

    def __add__(self, other: "Figures") -> "Figures":
        if not isinstance(other, Figures):
            return NotImplemented
        return Figures(
            enrolled=self.enrolled + other.enrolled,
            participants=self.participants + other.participants,
            passed=self.passed + other.passed,
            score_sum=self.score_sum + other.score_sum,
            declared=self.declared or other.declared,
        )

    @property
    def knowledge_rate(self) -> Decimal:
        """知晓率: students whose best result passes ÷ students enrolled."""
        return percentage(self.passed, self.enrolled)

    @property
    def participation_rate(self) -> Decimal:
        """参与率: students with any attempt ÷ students enrolled."""
        return percentage(self.participants, self.enrolled)

    @property
    def pass_rate(self) -> Decimal:
        """及格率 among participants."""
        return percentage(self.passed, self.participants)

    @property
    def average_score(self) -> Decimal:
        """平均分: the mean best score (0–100) of participants."""
        return percentage(self.score_sum, self.participants * 100)

    @property
    def not_passed(self) -> int:
        """Students still to pass before the group reaches 100%."""
        return max(self.enrolled - self.passed, 0)


def _sums() -> dict[str, Sum]:
    return {
        "participants_sum": Sum("participants"),
        "passed_sum": Sum("passed"),
        "score_total": Sum("best_score_sum"),
    }


def _counts(rows: QuerySet) -> QuerySet:
    """``rows`` of RateCount (already grouped with ``values()``) with their three sums."""
    return rows.annotate(**_sums())


def _figures(enrolled: int, counts: dict | None, *, declared: bool = False) -> Figures:
    counts = counts or {}
    return Figures(
        enrolled=enrolled,
        participants=counts.get("participants_sum") or 0,
        passed=counts.get("passed_sum") or 0,
        score_sum=counts.get("score_total") or 0,
        declared=declared,
    )


def _school_figures(school: School, counts: dict | None) -> Figures:
    return _figures(school.enrolment, counts, declared=school.uses_declared_enrolment)


def school_figures(school: School, period: Period) -> Figures:
    """One query."""
    counts = RateCount.objects.filter(period=period, school=school).aggregate(**_sums())
    return _school_figures(school, counts)


def class_figures(school: School, period: Period) -> list[tuple[SchoolClass, Figures]]:
    """Every class of the school, by grade and name. Two queries."""
    rows = RateCount.objects.filter(period=period, school=school).values("school_class")
    counts = {row["school_class"]: row for row in _counts(rows)}
    return [
        (school_class, _figures(school_class.roster_size, counts.get(school_class.pk)))
        for school_class in school.classes.order_by("grade", "name", "pk")
    ]


def grade_figures(school: School, period: Period) -> list[tuple[int, Figures]]:
    """The school's figures per grade (a sum of its classes), lowest grade first. Two
    queries."""
    by_grade = itertools.groupby(class_figures(school, period), key=lambda row: row[0].grade)
    return [(grade, sum((figures for _, figures in rows), Figures())) for grade, rows in by_grade]


def rank_key(name: str, pk: int, figures: Figures) -> tuple[int, str, int]:
    """Sorts groups by knowledge rate (highest first), then by name: the rate as integer
    tenths of a percent, rounded as ``percentage`` rounds it, is quick to work out for
    thousands of schools."""
    if figures.enrolled <= 0:
        tenths = 0
    else:
        tenths = min((2000 * figures.passed + figures.enrolled) // (2 * figures.enrolled), 1000)
    return (-tenths, name, pk)


def district_school_figures(district: District, period: Period) -> list[tuple[School, Figures]]:
    """The district's schools ranked by knowledge rate (highest first), then by name. Two
    queries."""
    schools = list(School.objects.filter(district=district).select_related("district"))
    # An explicit list of schools lets PostgreSQL read the (period, school) index.
    rows = RateCount.objects.filter(period=period, school__in=[s.pk for s in schools])
    counts = {row["school"]: row for row in _counts(rows.values("school"))}
    ranked = [(school, _school_figures(school, counts.get(school.pk))) for school in schools]
    ranked.sort(key=lambda row: rank_key(row[0].name, row[0].pk, row[1]))
    return ranked


@dataclass(frozen=True)
class RankedSchool:
    """A school in the city's ranking, read without loading the model: the city has
    thousands."""

    pk: int
    name: str
    district_id: int


def city_school_ranking(period: Period) -> list[tuple[RankedSchool, Figures]]:
    """Every school of the city ranked by knowledge rate (highest first), then by name. Two
    queries, whatever the number of districts and schools."""
    rows = RateCount.objects.filter(period=period).values("school")
    counts = {row["school"]: row for row in _counts(rows)}
    schools = School.objects.values_list(
        "pk", "name", "district_id", "roster_size", "declared_enrolment"
    )
    ranked = [
        (
            RankedSchool(pk, name, district_id),
            _figures(roster or declared, counts.get(pk), declared=roster == 0),
        )
        for pk, name, district_id, roster, declared in schools
    ]
    ranked.sort(key=lambda row: rank_key(row[0].name, row[0].pk, row[1]))
    return ranked


def districts_of(
    schools: Iterable[tuple[RankedSchool, Figures]],
) -> list[tuple[District, Figures]]:
    """Every district in its display order with the sum of its schools' figures (as
    ``city_district_figures`` gives, from school figures already read). One query."""
    totals: dict[int, Figures] = {}
    for school, figures in schools:
        totals[school.district_id] = totals.get(school.district_id, Figures()) + figures
    return [(district, totals.get(district.pk, Figures())) for district in District.objects.all()]


def _district_totals(period: Period) -> dict[int, Figures]:
    """The sum of school figures per district id. Two queries."""
    enrolment = (
        School.objects.order_by()
        .values("district")
        .annotate(
            enrolled=Sum(
                Case(When(roster_size=0, then=F("declared_enrolment")), default=F("roster_size"))
            ),
            declared_schools=Count("pk", filter=Q(roster_size=0)),
        )
    )
    rows = RateCount.objects.filter(period=period).values("school__district")
    counts = {row["school__district"]: row for row in _counts(rows)}
    return {
        row["district"]: _figures(
            row["enrolled"] or 0,
            counts.get(row["district"]),
            declared=row["declared_schools"] > 0,
        )
        for row in enrolment
    }


def city_district_figures(period: Period) -> list[tuple[District, Figures]]:
    """Every district in its display order. Three queries."""
    totals = _district_totals(period)
    return [(district, totals.get(district.pk, Figures())) for district in District.objects.all()]


def city_figures(period: Period) -> Figures:
    """The whole city. Two queries."""
    return sum(_district_totals(period).values(), Figures())


def timeline(
    period: Period, district: District | None = None
) -> list[tuple[datetime.date, int, int]]:
    """``(date, participants, passed)`` running totals for each day from the period's
    start to today (or its end, if sooner), for the city or one district. One query.

    These count first attempts and first passes as they happened: a student who later left
    the roster still counts on the day they first passed.
    """
    rows = DailyProgress.objects.filter(period=period)
    if district is not None:
        rows = rows.filter(district=district)
    per_day = (
        rows.values("date")
        .annotate(participants=Sum("new_participants"), passes=Sum("new_passes"))
        .order_by("date")
    )
    last = min(timezone.localdate(), period.ends_on)
    participants = passed = 0
    days = iter(per_day)
    pending = next(days, None)
    points = []
    for day in _dates(period.starts_on, last):
        while pending is not None and pending["date"] <= day:
            participants += pending["participants"]
            passed += pending["passes"]
            pending = next(days, None)
        points.append((day, participants, passed))
    return points


def _dates(first: datetime.date, last: datetime.date) -> Iterable[datetime.date]:
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


def students_not_passed(school: School, period: Period) -> list[tuple[SchoolClass, list[Student]]]:
    """The school's active students without a passing result in the period, grouped by
    class (by grade and name) and ordered by student number. Each student carries
    ``best_score`` (``None`` if they have not taken a counting quiz yet). One query; none
    for a period whose personal data were purged (education/retention.py): no one is named."""
    if period.purged_at is not None:
        return []
    results = Result.objects.filter(student=OuterRef("pk"), period=period)
    students = (
        Student.objects.filter(school=school, active=True)
        .filter(~Exists(results.filter(passed=True)))
        .annotate(best_score=Subquery(results.values("best_score")[:1]))
        .select_related("school_class")
        .order_by("school_class__grade", "school_class__name", "school_class_id", "number")
    )
    return [
        (school_class, list(rows))
        for school_class, rows in itertools.groupby(students, key=lambda s: s.school_class)
    ]
