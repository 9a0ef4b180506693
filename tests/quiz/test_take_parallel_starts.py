"""Taps on “开始答题” arriving at once, from one student on two phones, make one attempt.

PostgreSQL only: the in-memory SQLite test database, shared between threads, answers
"table is locked" instead of waiting for row locks."""

import pytest
from django.db import connection

from education.models import Attempt
from education.quiz_attempts import start_attempt
from tests.quiz.taking import build_world
from tests.wechat.concurrent_calls import at_once

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across threads"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TAPS = 8


def start(quiz, student) -> int:
    return start_attempt(quiz, student=student).pk


def test_simultaneous_starts_make_one_attempt():
    world = build_world()
    started = at_once(start, [(world.quiz, world.student)] * TAPS)
    assert len(set(started)) == 1
    assert Attempt.objects.filter(student=world.student).count() == 1
    assert Attempt.objects.get().number == 1
