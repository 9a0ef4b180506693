"""Attempts outside the rate leave the counts alone: public quizzes (no student), quizzes
that count in no period. An inactive student's attempts keep their Result and the day's
progress, but not their class's counts."""

import pytest
from django.utils import timezone

from education.models import DailyProgress, RateCount, Result
from tests.rates.submissions import class_counts, progress, result_of, submit

pytestmark = pytest.mark.django_db


def test_a_public_attempt_counts_nowhere(schools):
    submit(None, 100, period=schools.period)

    assert not Result.objects.exists()
    assert not RateCount.objects.exists()
    assert not DailyProgress.objects.exists()


def test_an_attempt_without_a_period_counts_nowhere(schools):
    submit(schools.class_a.students.first(), 100, period=None)

    assert not Result.objects.exists()
    assert not RateCount.objects.exists()
    assert not DailyProgress.objects.exists()


def test_an_inactive_student_keeps_a_result_but_adds_nothing_to_the_class(schools):
    student = schools.class_a.students.first()
    student.active = False
    student.save()

    submit(student, 90, period=schools.period)

    assert result_of(student, schools.period).passed
    assert class_counts(schools.class_a, schools.period) is None
    assert progress(schools.period) == [(timezone.localdate(), 1, 1)]
