"""Recomputing the kept counts from the attempts, as ``manage.py rebuild_rates`` does.

Results are recomputed student batch by student batch (each a few bounded queries, so two
million attempts never sit in memory); the sums behind ``RateCount`` and ``DailyProgress``
are gathered on the way, one entry per class or district and day. Every table is then
compared with what is kept; each difference is reported and, when fixing, the kept rows are
set to the recomputed values. Roster sizes are checked against the active students too.

A batch of Results is fixed under the same student locks submissions take, but the count
rows are summed over the whole run: submissions made while it runs show up as differences,
so run it when few students are answering, and run it again to confirm.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

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
from education.rate_counts import counted_attempts, lock_students

STUDENT_BATCH = 5000
WRITE_BATCH = 1000
LOOKUP_BATCH = 500

Key = tuple
Values = tuple
Report = Callable[[str], None]


@dataclass(frozen=True)
class Table:
    """A kept table: rows named by ``keys``, holding ``values`` (shown as ``labels``); a
    missing row reads as ``empty`` (all zero for counts, so a zero row is as good as none)."""

    model: type[models.Model]
    keys: tuple[str, ...]
    values: tuple[str, ...]
    labels: tuple[str, ...]
    empty: Values


def _tables() -> dict[str, Table]:
    return {
        "result": Table(
            Result,
            ("student_id", "period_id"),
            (
                "attempts",
                "first_score",
                "best_score",
                "passed",
                "first_attempt_at",
                "first_passed_at",
            ),
            (
                _("答题次数"),
                _("首次得分"),
                _("最高得分"),
                _("已达标"),
                _("首次答题"),
                _("首次达标"),
            ),
            (None,) * 6,
        ),
        "rate_count": Table(
            RateCount,
            ("school_id", "school_class_id", "period_id"),
            ("participants", "passed", "best_score_sum"),
            (_("参与"), _("达标"), _("最高分合计")),
            (0, 0, 0),
        ),
        "progress": Table(
            DailyProgress,
            ("period_id", "district_id", "date"),
            ("new_participants", "new_passes"),
            (_("新参与"), _("新达标")),
            (0, 0),
        ),
        "class_roster": Table(SchoolClass, ("pk",), ("roster_size",), (_("花名册人数"),), (0,)),
        "school_roster": Table(
            School,
            ("pk",),
            ("roster_size", "off_roster"),
            (_("花名册人数"), _("已离册人数")),
            (0, 0),
        ),
    }


def result_state(attempts: list[tuple[int, bool, datetime.datetime]]) -> Values:
    """A Result's values from its attempts ``(score, passed, submitted_at)`` in submission
    order, in the order of ``Table.values``."""
    passes = [at for _score, passed, at in attempts if passed]
    return (
        len(attempts),
        attempts[0][0],
        max(score for score, _passed, _at in attempts),
        bool(passes),
        attempts[0][2],
        passes[0] if passes else None,
    )


@dataclass
class Rebuild:
    """One run: ``period`` limits it to one period (roster sizes are always checked)."""

    period: Period | None
    fix: bool
    report: Report
    differences: int = 0
    tables: dict[str, Table] = field(default_factory=_tables)
    rate_counts: dict[Key, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 3))
    progress: dict[Key, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 2))
    period_names: dict[int, str] = field(default_factory=dict)

    def run(self) -> int:
        """Compare (and fix) everything; the number of differences found."""
        self.period_names.update(Period.objects.values_list("pk", "name"))
        self._results()
        self._counts()
        self._rosters()
        return self.differences

    def _scoped(self, rows: models.QuerySet) -> models.QuerySet:
        # A purged period has no attempts left to recompute from: its kept counts are final.
        rows = rows.exclude(period__purged_at__isnull=False)
        return rows if self.period is None else rows.filter(period=self.period)

    # Results, batch by batch of students.

    def _results(self) -> None:
        after = 0
        while batch := list(
            Student.objects.filter(pk__gt=after)
            .order_by("pk")
            .values(
                "pk",
                "number",
                "name",
                "active",
                "school_id",
                "school_class_id",
                "school__district_id",
            )[:STUDENT_BATCH]
        ):
            after = batch[-1]["pk"]
            with transaction.atomic():
                self._result_batch({row["pk"]: row for row in batch})

    def _result_batch(self, students: dict[int, dict]) -> None:
        ids = (min(students), max(students))
        if self.fix:
            lock_students(Student.objects.filter(pk__range=ids))
        attempts = (
            self._scoped(counted_attempts().filter(student__gte=ids[0], student__lte=ids[1]))
            .order_by("student_id", "period_id", "submitted_at", "pk")
            .values_list("student_id", "period_id", "score", "passed", "submitted_at")
        )
        expected = {
            key: result_state([row[2:] for row in rows])
            for key, rows in itertools.groupby(attempts, key=lambda row: row[:2])
        }
        for (student_id, period_id), state in expected.items():
            self._add_to_counts(students[student_id], period_id, state)

        def subjects(keys: list[Key]) -> dict[Key, str]:
            return {
                key: _("学生 %(name)s（%(number)s） 周期 %(period)s")
                % {**students[key[0]], "period": self.period_names[key[1]]}
                for key in keys
            }

        table = self.tables["result"]
        kept = self._scoped(table.model.objects.filter(student__gte=ids[0], student__lte=ids[1]))
        self._reconcile(table, kept, expected, subjects)

    def _add_to_counts(self, student: dict, period_id: int, state: Values) -> None:
        _attempts, _first, best, passed, first_at, passed_at = state
        if student["active"]:
            counts = self.rate_counts[(student["school_id"], student["school_class_id"], period_id)]
            counts[0] += 1
            counts[1] += int(passed)
            counts[2] += best
        district = student["school__district_id"]
        self.progress[(period_id, district, timezone.localdate(first_at))][0] += 1
        if passed_at is not None:
            self.progress[(period_id, district, timezone.localdate(passed_at))][1] += 1

    # Count rows and roster sizes.

    def _counts(self) -> None:
        self._reconcile(
            self.tables["rate_count"],
            self._scoped(RateCount.objects.all()),
            {key: tuple(values) for key, values in self.rate_counts.items()},
            self._class_subjects,
        )
        districts = dict(District.objects.values_list("pk", "name"))
        self._reconcile(
            self.tables["progress"],
            self._scoped(DailyProgress.objects.all()),
            {key: tuple(values) for key, values in self.progress.items()},
            lambda keys: {
                key: _("区县 %(district)s %(date)s 周期 %(period)s")
                % {
                    "district": districts[key[1]],
                    "date": key[2].isoformat(),
                    "period": self.period_names[key[0]],
                }
                for key in keys
            },
        )

    def _class_subjects(self, keys: list[Key]) -> dict[Key, str]:
        names = _class_names({key[1] for key in keys})
        return {
            key: _("班级 %(class)s 周期 %(period)s")
            % {"class": names[key[1]], "period": self.period_names[key[2]]}
            for key in keys
        }

    def _class_roster_subjects(self, keys: list[Key]) -> dict[Key, str]:
        names = _class_names(key[0] for key in keys)
        return {key: _("班级 %(class)s") % {"class": names[key[0]]} for key in keys}

    def _rosters(self) -> None:
        active = Student.objects.filter(active=True)
        by_class = dict(_count_by(active, "school_class"))
        classes = SchoolClass.objects.all()
        self._reconcile(
            self.tables["class_roster"],
            classes,
            {(pk,): (by_class.get(pk, 0),) for pk in classes.values_list("pk", flat=True)},
            self._class_roster_subjects,
        )
        by_school = dict(_count_by(active, "school"))
        inactive = dict(_count_by(Student.objects.filter(active=False), "school"))
        schools = School.objects.all()
        names = dict(schools.values_list("pk", "name"))
        self._reconcile(
            self.tables["school_roster"],
            schools,
            {(pk,): (by_school.get(pk, 0), inactive.get(pk, 0)) for pk in names},
            lambda keys: {key: _("学校 %(school)s") % {"school": names[key[0]]} for key in keys},
        )

    # Comparing and fixing any table.

    def _reconcile(
        self,
        table: Table,
        kept_rows: models.QuerySet,
        expected: dict[Key, Values],
        subjects: Callable[[list[Key]], dict[Key, str]],
    ) -> None:
        """Report every value of ``kept_rows`` that differs from ``expected``; when fixing,
        create, update and delete rows to match."""
        kept = {
            row[1 : 1 + len(table.keys)]: (row[0], row[1 + len(table.keys) :])
            for row in kept_rows.values_list("pk", *table.keys, *table.values).iterator(
                chunk_size=WRITE_BATCH
            )
        }
        empty = table.empty
        differing = sorted(
            key
            for key in kept.keys() | expected.keys()
            if kept.get(key, (None, empty))[1] != expected.get(key, empty)
        )
        if not differing:
            return
        named = subjects(differing)
        for key in differing:
            old, new = kept.get(key, (None, empty))[1], expected.get(key, empty)
            for label, was, now in zip(table.labels, old, new, strict=True):
                if was != now:
                    self.differences += 1
                    self.report(f"{named[key]}：{label} {_show(was)} → {_show(now)}")
        if self.fix:
            _write(table, kept, expected, differing)


def _write(
    table: Table, kept: dict[Key, tuple], expected: dict[Key, Values], differing: list[Key]
) -> None:
    created, updated, removed = [], [], []
    for key in differing:
        pk = kept[key][0] if key in kept else None
        if key not in expected:
            removed.append(pk)
            continue
        values = dict(zip(table.values, expected[key], strict=True))
        if pk is None:
            created.append(table.model(**dict(zip(table.keys, key, strict=True)), **values))
        else:
            updated.append(table.model(pk=pk, **values))
    with transaction.atomic():
        for pks in _chunks(removed, WRITE_BATCH):
            table.model.objects.filter(pk__in=pks).delete()
        table.model.objects.bulk_update(updated, table.values, batch_size=WRITE_BATCH)
        table.model.objects.bulk_create(created, batch_size=WRITE_BATCH)


def _count_by(rows: models.QuerySet, group: str) -> models.QuerySet:
    return rows.order_by().values(group).annotate(n=Count("pk")).values_list(group, "n")


def _class_names(ids: Iterable[int]) -> dict[int, str]:
    names = {}
    for chunk in _chunks(sorted(set(ids)), LOOKUP_BATCH):
        for school_class in SchoolClass.objects.filter(pk__in=chunk).select_related("school"):
            names[school_class.pk] = f"{school_class.school.name} {school_class}"
    return names


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
    return str(value)
