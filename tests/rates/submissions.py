"""Graded attempts made directly, as the submit service leaves them, and counted through
``record_submission`` in a transaction of their own."""

import datetime

from django.db import transaction
from django.utils import timezone

from education.models import Attempt, DailyProgress, Period, RateCount, Result, SchoolClass, Student
from education.rate_counts import record_submission

PASS_MARK = 80
QUESTIONS = [
    {
        "id": 1,
        "kind": "single",
        "category": "drug_types",
        "text": "下列哪一种属于毒品？",
        "choices": [{"key": "a", "text": "冰毒"}, {"key": "b", "text": "咖啡"}],
        "key": ["a"],
        "explanation": "冰毒（甲基苯丙胺）属于毒品。",
    }
]


def graded_attempt(
    student: Student | None,
    score: int,
    *,
    period: Period | None,
    at: datetime.datetime | None = None,
    status: str = Attempt.Status.SUBMITTED,
) -> Attempt:
    at = at or timezone.now()
    return Attempt.objects.create(
        quiz_title="2026 学年禁毒知识测试",
        period=period,
        student=student,
        school=student.school if student else None,
        status=status,
        questions=QUESTIONS,
        answers={"0": ["a"]},
        pass_mark=PASS_MARK,
        started_at=at - datetime.timedelta(minutes=5),
        submitted_at=at,
        score=score,
        correct_count=1 if score >= PASS_MARK else 0,
        passed=score >= PASS_MARK,
    )


def submit(student: Student | None, score: int, *, period: Period | None, **fields) -> Attempt:
    with transaction.atomic():
        attempt = graded_attempt(student, score, period=period, **fields)
        record_submission(attempt)
    return attempt


def class_counts(school_class: SchoolClass, period: Period) -> tuple[int, int, int] | None:
    """(participants, passed, best score sum) of the class's count row, if it has one."""
    row = RateCount.objects.filter(school_class=school_class, period=period).first()
    return (row.participants, row.passed, row.best_score_sum) if row else None


def progress(period: Period) -> list[tuple[datetime.date, int, int]]:
    """Every DailyProgress row of the period: (date, new participants, new passes)."""
    return list(
        DailyProgress.objects.filter(period=period)
        .order_by("date", "district")
        .values_list("date", "new_participants", "new_passes")
    )


def result_of(student: Student, period: Period) -> Result:
    return Result.objects.get(student=student, period=period)
