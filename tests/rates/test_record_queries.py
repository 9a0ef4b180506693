"""Counting a submission costs a handful of queries: lock the student, read and write the
Result, and add to the count rows only when the student's state changed."""

import pytest
from django.db import transaction

from education.rate_counts import record_submission
from tests.rates.submissions import graded_attempt, submit
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=2)
    submit(schools.class_a.students.order_by("number").first(), 90, period=schools.period)
    return schools


def record(attempt, assert_queries, expected: int) -> None:
    with transaction.atomic(), assert_queries(expected):
        record_submission(attempt)


def test_a_first_attempt_in_a_counted_class(schools, django_assert_num_queries):
    student = schools.class_a.students.order_by("number").last()
    attempt = graded_attempt(student, 85, period=schools.period)
    # Lock, read Result, create it, add to the class row, add to the day's row.
    record(attempt, django_assert_num_queries, 5)


def test_the_first_attempt_of_a_class_creates_its_row(schools, django_assert_num_queries):
    attempt = graded_attempt(schools.class_b.students.first(), 85, period=schools.period)
    # The class row is missing: update, insert, update; the day's row exists.
    record(attempt, django_assert_num_queries, 7)


def test_a_worse_attempt_only_updates_the_result(schools, django_assert_num_queries):
    attempt = graded_attempt(
        schools.class_a.students.order_by("number").first(), 50, period=schools.period
    )
    record(attempt, django_assert_num_queries, 3)


def test_a_public_attempt_runs_no_query(schools, django_assert_num_queries):
    record(graded_attempt(None, 100, period=None), django_assert_num_queries, 0)
