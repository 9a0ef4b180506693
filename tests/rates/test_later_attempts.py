"""Later attempts change the counts only when the student's state changes: a first pass
adds a pass, a better score adds the difference to the score sum, anything else only adds
to the student's attempt count."""

import datetime

import pytest
from django.utils import timezone

from tests.rates.submissions import class_counts, progress, result_of, submit

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def student(schools):
    return schools.class_a.students.first()


def test_a_worse_second_attempt_changes_no_count(schools, student):
    submit(student, 70, period=schools.period)
    submit(student, 50, period=schools.period)

    result = result_of(student, schools.period)
    assert (result.attempts, result.first_score, result.best_score) == (2, 70, 70)
    assert class_counts(schools.class_a, schools.period) == (1, 0, 70)
    assert progress(schools.period) == [(timezone.localdate(), 1, 0)]


def test_a_better_score_adds_its_gain(schools, student):
    submit(student, 50, period=schools.period)
    submit(student, 75, period=schools.period)

    result = result_of(student, schools.period)
    assert (result.attempts, result.first_score, result.best_score, result.passed) == (
        2,
        50,
        75,
        False,
    )
    assert class_counts(schools.class_a, schools.period) == (1, 0, 75)


def test_a_first_pass_on_a_later_day_is_counted_on_that_day(schools, student):
    first = timezone.now() - 3 * DAY
    submit(student, 60, period=schools.period, at=first)
    passing = submit(student, 95, period=schools.period, at=first + 2 * DAY)

    result = result_of(student, schools.period)
    assert result.passed
    assert (result.first_attempt_at, result.first_passed_at) == (first, passing.submitted_at)
    assert class_counts(schools.class_a, schools.period) == (1, 1, 95)
    assert progress(schools.period) == [
        (timezone.localdate(first), 1, 0),
        (timezone.localdate(first + 2 * DAY), 0, 1),
    ]


def test_passing_again_counts_one_pass(schools, student):
    first_pass = submit(student, 80, period=schools.period)
    submit(student, 100, period=schools.period)
    submit(student, 30, period=schools.period)

    result = result_of(student, schools.period)
    assert (result.attempts, result.best_score, result.first_passed_at) == (
        3,
        100,
        first_pass.submitted_at,
    )
    assert class_counts(schools.class_a, schools.period) == (1, 1, 100)
    assert progress(schools.period) == [(timezone.localdate(), 1, 1)]
