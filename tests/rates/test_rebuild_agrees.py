"""``rebuild_rates`` recomputes from the attempts exactly what the submissions kept: after
first attempts, retakes, passes, expired attempts, students leaving and moving class, it
finds no difference, whatever the batch size; attempts still open are not counted."""

import datetime

import pytest
from django.utils import timezone

from education import rate_rebuild
from education.models import Attempt, DailyProgress, RateCount, Result
from education.rate_counts import recount_school
from tests.rates.rebuild_runs import rebuild
from tests.rates.submissions import graded_attempt, submit
from tests.school_factories import build_schools, make_class, make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=5)
    later = make_period("2027–2028学年")
    now = timezone.now()
    for school_class in (schools.class_a, schools.class_b, schools.class_c):
        for n, student in enumerate(school_class.students.order_by("number")):
            for day, score in enumerate([40 + 10 * n, 30 + 15 * n, 55 + 9 * n][: 1 + n % 3]):
                at = now - datetime.timedelta(days=10 - day, hours=n)
                submit(student, score, period=schools.period, at=at)
        submit(school_class.students.first(), 95, period=later)
    submit(None, 100, period=None)
    someone = schools.class_b.students.order_by("number").last()
    submit(someone, 20, period=schools.period, status=Attempt.Status.EXPIRED)
    graded_attempt(someone, 100, period=schools.period, status=Attempt.Status.IN_PROGRESS)
    leaver = schools.class_a.students.order_by("number").last()
    leaver.active = False
    leaver.save()
    mover = schools.class_a.students.order_by("number").first()
    mover.school_class = make_class(schools.school_a, 7, "2班")
    mover.save()
    recount_school(schools.school_a)
    submit(leaver, 100, period=schools.period)
    return schools


def snapshot() -> list:
    return [
        list(model.objects.order_by("pk").values()) for model in (Result, RateCount, DailyProgress)
    ]


def test_the_incremental_counts_agree_with_a_rebuild(schools):
    assert Attempt.objects.filter(status=Attempt.Status.SUBMITTED).count() > 30
    before = snapshot()

    assert rebuild() == ["计数与答题记录一致，没有差异。"]
    assert snapshot() == before


def test_small_batches_agree_too(schools, monkeypatch):
    monkeypatch.setattr(rate_rebuild, "STUDENT_BATCH", 2)

    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]


def test_one_period_can_be_checked_alone(schools):
    assert rebuild("--period", str(schools.period.pk)) == ["计数与答题记录一致，没有差异。"]
