"""A student's first counted attempt makes their Result and adds them to their class's and
district's counts: a participant, with a pass if the attempt passed."""

import datetime

import pytest
from django.utils import timezone

from education.models import Attempt
from tests.rates.submissions import class_counts, progress, result_of, submit
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    return build_schools(students_per_class=3)


def test_a_failed_first_attempt_counts_a_participant(schools):
    student = schools.class_a.students.first()
    at = timezone.now() - datetime.timedelta(days=2)

    submit(student, 60, period=schools.period, at=at)

    result = result_of(student, schools.period)
    assert (result.attempts, result.first_score, result.best_score, result.passed) == (
        1,
        60,
        60,
        False,
    )
    assert (result.first_attempt_at, result.first_passed_at) == (at, None)
    assert class_counts(schools.class_a, schools.period) == (1, 0, 60)
    assert progress(schools.period) == [(timezone.localdate(at), 1, 0)]


def test_a_passing_first_attempt_counts_a_pass(schools):
    student = schools.class_a.students.first()

    attempt = submit(student, 90, period=schools.period)

    result = result_of(student, schools.period)
    assert result.passed
    assert result.first_passed_at == attempt.submitted_at
    assert class_counts(schools.class_a, schools.period) == (1, 1, 90)
    assert progress(schools.period) == [(timezone.localdate(), 1, 1)]


def test_an_expired_attempt_counts_with_its_score(schools):
    student = schools.class_b.students.first()

    submit(student, 40, period=schools.period, status=Attempt.Status.EXPIRED)

    assert class_counts(schools.class_b, schools.period) == (1, 0, 40)


def test_students_of_one_class_share_its_row_and_of_one_district_its_day(schools):
    for student in schools.class_a.students.all():
        submit(student, 85, period=schools.period)
    submit(schools.class_b.students.first(), 70, period=schools.period)

    assert class_counts(schools.class_a, schools.period) == (3, 3, 255)
    assert class_counts(schools.class_b, schools.period) == (1, 0, 70)
    # Classes A and B are in one district: one row for the day.
    assert progress(schools.period) == [(timezone.localdate(), 4, 3)]
