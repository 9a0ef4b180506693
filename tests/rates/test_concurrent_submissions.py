"""Many students of one school submitting at the same moment, some of them twice at once,
while the school's roster is recounted or changed: nothing deadlocks, every count comes out
exact and ``rebuild_rates`` finds no difference.

PostgreSQL only: the in-memory SQLite test database, shared between threads, answers
"table is locked" instead of waiting for row locks.
"""

import random
import threading
from collections import defaultdict

import pytest
from django.db import connection, transaction

from education.models import RateCount, Result, School, Student
from education.rate_counts import record_submission, recount_school
from education.student_status import set_active
from tests.rates.rebuild_runs import rebuild
from tests.rates.submissions import PASS_MARK, graded_attempt
from tests.school_factories import build_schools, make_class, make_students

THREADS = 24
SUBMISSIONS_PER_THREAD = 10
RECOUNTS = 5

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across threads"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_together(jobs: list) -> list[BaseException]:
    """Run each job in its own thread, all released at once; the errors they raised."""
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job) -> None:
        try:
            start.wait()
            job()
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def submitter(period, plan: list[tuple[int, int]]):
    def job() -> None:
        for student_pk, score in plan:
            with transaction.atomic():
                student = Student.objects.get(pk=student_pk)
                record_submission(graded_attempt(student, score, period=period))

    return job


def recounter(school_pk: int):
    def job() -> None:
        for _ in range(RECOUNTS):
            with transaction.atomic():
                recount_school(School.objects.get(pk=school_pk))

    return job


def roster_changer(student_pks: list[int], user):
    def job() -> None:
        for student_pk in student_pks:
            student = Student.objects.get(pk=student_pk)
            set_active(student, not student.active, by=user)

    return job


def plan_submissions(students: list[int]) -> list[list[tuple[int, int]]]:
    """Few students, many submissions: the same student is often submitted by two threads
    at once, and every first attempt of a class races to create its count row."""
    chooser = random.Random(626)
    return [
        [
            (chooser.choice(students), chooser.randrange(30, 101))
            for _ in range(SUBMISSIONS_PER_THREAD)
        ]
        for _ in range(THREADS)
    ]


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=30)
    second = make_class(schools.school_a, 8, "5班")
    make_students(second, 30, start=100)
    return schools


def test_parallel_submissions_give_exact_counts(schools):
    students = list(schools.school_a.students.values_list("pk", flat=True))
    plans = plan_submissions(students)
    jobs = [submitter(schools.period, plan) for plan in plans] + [recounter(schools.school_a.pk)]

    assert run_together(jobs) == []

    best: dict[int, int] = defaultdict(int)
    for plan in plans:
        for student_pk, score in plan:
            best[student_pk] = max(best[student_pk], score)
    counts = RateCount.objects.filter(school=schools.school_a, period=schools.period)
    assert sum(row.participants for row in counts) == len(best)
    assert sum(row.passed for row in counts) == sum(s >= PASS_MARK for s in best.values())
    assert sum(row.best_score_sum for row in counts) == sum(best.values())
    assert (
        sum(Result.objects.values_list("attempts", flat=True)) == THREADS * SUBMISSIONS_PER_THREAD
    )
    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]


def test_students_leaving_and_coming_back_while_others_submit(schools):
    students = list(schools.school_a.students.values_list("pk", flat=True))
    plans = plan_submissions(students)
    changes = roster_changer(students[::7] + students[::14], schools.coordinator_a)

    assert run_together([submitter(schools.period, plan) for plan in plans] + [changes]) == []

    assert sum(Result.objects.values_list("attempts", flat=True)) == (
        THREADS * SUBMISSIONS_PER_THREAD
    )
    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]
