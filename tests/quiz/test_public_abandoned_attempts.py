"""Anonymous papers of the public quiz that are never handed in do not pile up: each public
start deletes those still in progress a day past their deadline (an untimed one is due a day
after its start), a bounded batch at a time. Handed-in papers, and accounts' and students'
papers, are kept."""

import datetime

import pytest
from django.utils import timezone

from education import quiz_attempts
from education.models import Attempt, QuizPage
from education.quiz_attempts import start_attempt, submit_attempt
from tests.factories import make_user
from tests.quiz.taking import build_world
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def public(world):
    return add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )


def backdate(attempt: Attempt, started_ago, deadline_ago=None) -> None:
    now = timezone.now()
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=now - started_ago,
        deadline=None if deadline_ago is None else now - deadline_ago,
    )


def test_abandoned_anonymous_attempts_go_at_a_public_start(world, public):
    untimed_gone, untimed_kept, timed_gone, timed_kept, handed_in = (
        start_attempt(public) for _ in range(5)
    )
    handed_in = submit_attempt(handed_in, {"0": ["a"]})
    account = start_attempt(public, user=make_user("adult@example.cn"))
    student = start_attempt(world.quiz, student=world.student)
    backdate(untimed_gone, 49 * HOUR)
    backdate(untimed_kept, 47 * HOUR)
    backdate(timed_gone, 26 * HOUR, deadline_ago=25 * HOUR)
    backdate(timed_kept, 24 * HOUR, deadline_ago=23 * HOUR)
    for old in (handed_in, account, student):
        backdate(old, 100 * HOUR)

    latest = start_attempt(public)

    kept = set(Attempt.objects.values_list("pk", flat=True))
    assert kept == {
        untimed_kept.pk,
        timed_kept.pk,
        handed_in.pk,
        account.pk,
        student.pk,
        latest.pk,
    }


def test_a_start_deletes_a_bounded_batch(public, monkeypatch):
    monkeypatch.setattr(quiz_attempts, "PURGE_BATCH", 3)
    for abandoned in [start_attempt(public) for _ in range(5)]:
        backdate(abandoned, 72 * HOUR)
    in_progress = Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS)
    start_attempt(public)
    assert in_progress.count() == 2 + 1
    start_attempt(public)
    assert in_progress.count() == 2
