"""``generate_rate_load`` fills the database with marked load data whose kept counts agree
with its attempts (``rebuild_rates --dry-run`` finds no difference), and ``--clear`` takes
it all away again without touching anything else."""

import io
from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q, Sum
from django.utils import timezone

from education.models import (
    Attempt,
    DailyProgress,
    District,
    Period,
    QuizPage,
    RateCount,
    Result,
    School,
    SchoolClass,
    Student,
)
from education.rate_load import ATTEMPTS_ALLOWED, PASS_MARK, PREFIX
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db

SIZES = {"schools": 5, "students": 400, "attempts": 700, "classes_per_school": 4, "districts": 2}


def generate(**sizes) -> str:
    out = io.StringIO()
    call_command("generate_rate_load", **{**SIZES, **sizes}, stdout=out)
    return out.getvalue()


def rebuild_report() -> str:
    out = io.StringIO()
    call_command("rebuild_rates", "--dry-run", stdout=out)
    return out.getvalue()


def test_sizes_and_roster(db):
    generate()
    schools = School.objects.filter(name__startswith=PREFIX)
    assert schools.count() == 5
    assert District.objects.filter(name__startswith=PREFIX).count() == 2
    assert SchoolClass.objects.filter(school__in=schools).count() == 5 * 4
    assert Student.objects.filter(school__in=schools).count() == 400
    assert schools.aggregate(n=Sum("roster_size"))["n"] == 400
    for school_class in SchoolClass.objects.filter(school__in=schools):
        assert school_class.roster_size == school_class.students.count()
    attempts = Attempt.objects.filter(school__in=schools)
    assert attempts.count() == 700
    assert set(attempts.values_list("status", flat=True)) == {Attempt.Status.SUBMITTED}


def test_attempts_follow_the_quiz_rules(db):
    generate()
    quiz = QuizPage.objects.get(title__startswith=PREFIX)
    assert quiz.live and quiz.counts and quiz.period.name.startswith(PREFIX)
    now = timezone.now()
    numbers = defaultdict(list)
    for attempt in Attempt.objects.filter(quiz=quiz).order_by("submitted_at"):
        assert attempt.passed == (attempt.score >= PASS_MARK)
        assert attempt.score == attempt.correct_count * 10
        assert attempt.started_at < attempt.submitted_at <= now
        assert attempt.period_id == quiz.period_id
        assert attempt.school_id == attempt.student.school_id
        numbers[attempt.student_id].append(attempt.number)
    for sequence in numbers.values():
        assert sequence == list(range(1, len(sequence) + 1))
        assert len(sequence) <= ATTEMPTS_ALLOWED


def test_kept_counts_agree_with_the_attempts(db):
    build_schools()  # other data, counted as it is
    generate()
    period = Period.objects.get(name__startswith=PREFIX)
    results = Result.objects.filter(period=period)
    assert (
        results.count()
        == Attempt.objects.filter(period=period).values("student").distinct().count()
    )
    counts = RateCount.objects.filter(period=period).aggregate(
        participants=Sum("participants"), passed=Sum("passed"), total=Sum("best_score_sum")
    )
    assert counts == {
        "participants": results.count(),
        "passed": results.filter(passed=True).count(),
        "total": results.aggregate(total=Sum("best_score"))["total"],
    }
    progress = DailyProgress.objects.filter(period=period).aggregate(
        joined=Sum("new_participants"), passed=Sum("new_passes")
    )
    assert progress == {"joined": results.count(), "passed": results.filter(passed=True).count()}
    assert "没有差异" in rebuild_report()


def test_results_vary_between_schools(db):
    generate(schools=8, students=800, attempts=1400)
    schools = School.objects.filter(name__startswith=PREFIX).annotate(
        passed=Count("students__results", filter=Q(students__results__passed=True))
    )
    rates = [school.passed / school.roster_size for school in schools]
    assert max(rates) - min(rates) > 0.05


def test_clear_removes_only_generated_data(db):
    schools = build_schools()
    before = table_sizes()
    generate()
    call_command("generate_rate_load", "--clear", stdout=io.StringIO())
    assert table_sizes() == before
    assert Student.objects.filter(school=schools.school_a).count() == 5
    assert not QuizPage.objects.filter(title__startswith=PREFIX).exists()


def table_sizes() -> dict[str, int]:
    models = (District, School, SchoolClass, Student, Attempt, Result, RateCount, DailyProgress)
    return {model.__name__: model.objects.count() for model in (*models, Period, QuizPage)}


def test_refuses_a_second_run_and_impossible_sizes(db):
    generate()
    with pytest.raises(CommandError, match="--clear"):
        generate()
    call_command("generate_rate_load", "--clear", stdout=io.StringIO())
    with pytest.raises(CommandError, match="不能超过学生数"):
        generate(attempts=400 * ATTEMPTS_ALLOWED + 1)
    assert not School.objects.filter(name__startswith=PREFIX).exists()
