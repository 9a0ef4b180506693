"""The same paper handed in several times at once (a double tap, a retried request) is graded
once: one set of item rows, one certificate, one attempt in the student's result.

PostgreSQL only: the in-memory SQLite test database, shared between threads, answers
"table is locked" instead of waiting for row locks."""

import pytest
from django.db import connection

from education.models import AttemptItem, RateCount, Result
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world
from tests.wechat.concurrent_calls import at_once

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across threads"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUBMITS = 8


def submit(attempt, right: int) -> tuple[int, str]:
    done = submit_attempt(attempt, answers_for(attempt, right=right))
    return done.score, done.certificate_code


def test_simultaneous_submits_count_once():
    world = build_world()
    attempt = start_attempt(world.quiz, student=world.student)
    outcomes = at_once(submit, [(attempt, n % 5) for n in range(SUBMITS)])
    assert len(set(outcomes)) == 1
    assert AttemptItem.objects.filter(attempt=attempt).count() == 4
    result = Result.objects.get(student=world.student)
    assert result.attempts == 1
    count = RateCount.objects.get(school_class=world.schools.class_a)
    assert count.participants == 1
    assert count.passed == int(outcomes[0][0] >= 75)
