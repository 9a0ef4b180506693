"""Keeping the counts behind every knowledge rate as results arrive and rosters change.

``record_submission`` runs inside the submit transaction: it upserts the student's
``Result`` for the period and, only when the student's state changes (first attempt, first
pass, a better best score), adds the change to the ``RateCount`` row of the student's class
and the ``DailyProgress`` row of the school's district with ``F()`` expressions.
``recount_school`` recomputes a school's roster sizes and count rows after a roster change.

Locking. Both take the student rows first, ``FOR NO KEY UPDATE`` (which still lets other
transactions insert rows that refer to the students): a submission locks its student, a
recount every student of the school. So

- two submissions of one student run one after the other, and the second reads the Result
  the first wrote: the read-then-write of the Result is safe, and the old state it reads is
  what decides the change to the counts (an ``INSERT … ON CONFLICT`` upsert would not tell
  us the state before it);
- a recount waits for the submissions of its school in flight and holds back new ones
  until it commits, so its sums over Results never miss a submission whose counts were
  already added, nor count one twice; and a submission reads the student's class and
  ``active`` only once it holds the lock, after any roster change has committed.

Count rows are created on first use with ``INSERT … ON CONFLICT DO NOTHING`` followed by the
increment: a transaction inserting the same row waits for the other to commit, then the
increment applies to the committed row. Locks are always taken in the same order (student,
Result, RateCount, DailyProgress rows by date), so submissions never deadlock one another.
SQLite has no row locks but runs one writing transaction at a time. A roster change that
locks its School row before calling ``recount_school`` must lock it ``FOR NO KEY UPDATE``
(``select_for_update(no_key=True)``): a plain ``FOR UPDATE`` blocks the foreign-key checks
of a submission that holds a student lock the recount then waits for — a deadlock.

``DailyProgress`` is history: first attempts and first passes on the day they happened,
whether or not the student is on the roster now; roster changes do not rewrite it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone

from education.models import (
    Attempt,
    DailyProgress,
    RateCount,
    Result,
    School,
    SchoolClass,
    Student,
)

COUNTED_STATUSES = (Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED)


def counted_attempts() -> QuerySet[Attempt]:
    """The attempts Results are made of: graded sittings by roster students of quizzes that
    count in a period."""
    return Attempt.objects.filter(
        status__in=COUNTED_STATUSES,
        student__isnull=False,
        period__isnull=False,
        score__isnull=False,
        submitted_at__isnull=False,
    )


@dataclass(frozen=True)
class Change:
    """How one submission changed a student's standing in a period: for the class's counts,
    and as ``(local date, participants, passes)`` to add to the district's days."""

    new_participant: bool = False
    new_pass: bool = False
    score_gain: int = 0
    days: tuple[tuple[datetime.date, int, int], ...] = ()

    @property
    def counts_changed(self) -> bool:
        return self.new_participant or self.new_pass or self.score_gain > 0


def record_submission(attempt: Attempt) -> None:
    """Count a graded attempt (status SUBMITTED or EXPIRED, with its score, ``passed`` and
    ``submitted_at`` set). Call it once per attempt, inside the submit transaction. Attempts
    without a student or a period (public quizzes, quizzes that do not count) change
    nothing."""
    if attempt.student_id is None or attempt.period_id is None:
        return
    student = (
        Student.objects.select_related("school")
        .select_for_update(of=("self",), no_key=True)
        .get(pk=attempt.student_id)
    )
    change = _update_result(student, attempt)
    if student.active and change.counts_changed:
        _add_to_rate_count(student, attempt.period_id, change)
    _add_to_daily_progress(student, attempt.period_id, change)


def _update_result(student: Student, attempt: Attempt) -> Change:
    """Merge the attempt into the student's Result. "First" means first by submission time,
    not by arrival: two attempts submitted at once may reach here in either order, and
    ``rebuild_rates`` must find what the submissions kept."""
    score, passed, at = attempt.score, bool(attempt.passed), attempt.submitted_at
    result = Result.objects.filter(student=student, period_id=attempt.period_id).first()
    if result is None:
        Result.objects.create(
            student=student,
            period_id=attempt.period_id,
            attempts=1,
            first_score=score,
            best_score=score,
            passed=passed,
            first_attempt_at=at,
            first_passed_at=at if passed else None,
        )
        return Change(
            new_participant=True,
            new_pass=passed,
            score_gain=score,
            days=_days_moved((None, at), (None, at if passed else None)),
        )
    first_at, passed_at = result.first_attempt_at, result.first_passed_at
    gain = max(score - result.best_score, 0)
    result.attempts += 1
    result.best_score += gain
    if at < first_at:
        result.first_score, result.first_attempt_at = score, at
    if passed and (passed_at is None or at < passed_at):
        result.passed, result.first_passed_at = True, at
    result.save(
        update_fields=[
            "attempts",
            "first_score",
            "best_score",
            "passed",
            "first_attempt_at",
            "first_passed_at",
        ]
    )
    return Change(
        new_pass=passed and passed_at is None,
        score_gain=gain,
        days=_days_moved((first_at, result.first_attempt_at), (passed_at, result.first_passed_at)),
    )


def _days_moved(
    first_attempt: tuple[datetime.datetime | None, datetime.datetime],
    first_pass: tuple[datetime.datetime | None, datetime.datetime | None],
) -> tuple[tuple[datetime.date, int, int], ...]:
    """The changes to the district's days when the first attempt and the first pass move
    from ``(before, after)``, in date order (the order their rows are locked in)."""
    days: dict[datetime.date, list[int]] = defaultdict(lambda: [0, 0])
    for column, (before, after) in enumerate((first_attempt, first_pass)):
        if before == after:
            continue
        if before is not None:
            days[timezone.localdate(before)][column] -= 1
        if after is not None:
            days[timezone.localdate(after)][column] += 1
    return tuple((day, *moved) for day, moved in sorted(days.items()) if any(moved))


def _add_to_rate_count(student: Student, period_id: int, change: Change) -> None:
    increments = {
        "participants": F("participants") + int(change.new_participant),
        "passed": F("passed") + int(change.new_pass),
        "best_score_sum": F("best_score_sum") + change.score_gain,
    }
    rows = RateCount.objects.filter(school_class_id=student.school_class_id, period_id=period_id)
    if rows.update(**increments):
        return
    RateCount.objects.bulk_create(
        [
            RateCount(
                school_id=student.school_id,
                school_class_id=student.school_class_id,
                period_id=period_id,
            )
        ],
        ignore_conflicts=True,
    )
    rows.update(**increments)


def _add_to_daily_progress(student: Student, period_id: int, change: Change) -> None:
    for day, participants, passes in change.days:
        increments = {
            "new_participants": F("new_participants") + participants,
            "new_passes": F("new_passes") + passes,
        }
        key = {"period_id": period_id, "district_id": student.school.district_id, "date": day}
        rows = DailyProgress.objects.filter(**key)
        if rows.update(**increments):
            continue
        DailyProgress.objects.bulk_create([DailyProgress(**key)], ignore_conflicts=True)
        rows.update(**increments)


def lock_students(students: QuerySet[Student]) -> None:
    """Take the lock a submission takes on each of these students (see above), in id order
    so that two lockers never deadlock."""
    list(students.order_by("pk").select_for_update(no_key=True).values_list("pk", flat=True))


def recount_school(school: School) -> None:
    """Recompute the school's roster sizes and its count rows for every period from the
    Results of its active students. Call it inside the transaction that changed the roster;
    it waits for the school's submissions in flight."""
    lock_students(Student.objects.filter(school=school))
    _recount_rosters(school)
    _recount_rate_counts(school)


def _recount_rosters(school: School) -> None:
    sizes, off_roster = {}, 0
    by_class = (
        Student.objects.filter(school=school)
        .order_by()
        .values("school_class", "active")
        .annotate(n=Count("pk"))
        .values_list("school_class", "active", "n")
    )
    for class_id, active, count in by_class:
        if active:
            sizes[class_id] = count
        else:
            off_roster += count
    classes = list(SchoolClass.objects.filter(school=school))
    changed = [c for c in classes if c.roster_size != sizes.get(c.pk, 0)]
    for school_class in changed:
        school_class.roster_size = sizes.get(school_class.pk, 0)
    SchoolClass.objects.bulk_update(changed, ["roster_size"])
    school.roster_size = sum(sizes.values())
    school.off_roster = off_roster
    School.objects.filter(pk=school.pk).update(
        roster_size=school.roster_size, off_roster=off_roster
    )


def _recount_rate_counts(school: School) -> None:
    # A purged period keeps its counts: its Results are gone (education/retention.py).
    live = Q(period__purged_at__isnull=True)
    sums = (
        Result.objects.filter(live, student__school=school, student__active=True)
        .values("student__school_class", "period")
        .annotate(
            n=Count("pk"), n_passed=Count("pk", filter=Q(passed=True)), total=Sum("best_score")
        )
    )
    wanted = {
        (row["student__school_class"], row["period"]): (row["n"], row["n_passed"], row["total"])
        for row in sums
    }
    kept = {
        (row.school_class_id, row.period_id): row
        for row in RateCount.objects.filter(live, school=school)
    }
    stale = [row.pk for key, row in kept.items() if key not in wanted]
    RateCount.objects.filter(pk__in=stale).delete()
    changed, missing = [], []
    for (class_id, period_id), (participants, passed, total) in wanted.items():
        row = kept.get((class_id, period_id)) or RateCount(
            school=school, school_class_id=class_id, period_id=period_id
        )
        if (row.participants, row.passed, row.best_score_sum) == (participants, passed, total):
            continue
        row.participants, row.passed, row.best_score_sum = participants, passed, total
        (changed if row.pk else missing).append(row)
    RateCount.objects.bulk_update(changed, ["participants", "passed", "best_score_sum"])
    RateCount.objects.bulk_create(missing)
