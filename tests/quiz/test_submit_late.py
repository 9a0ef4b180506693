"""The time limit is the server's: answers up to 30 seconds after the deadline are graded;
later ones are not, the attempt is marked expired, scores 0 and counts as an attempt."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from education.models import Attempt, Result
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db

LIMIT = datetime.timedelta(minutes=10)


@pytest.fixture
def world():
    return build_world(time_limit_minutes=10)


@pytest.fixture
def attempt(world):
    """Started eleven minutes ago: its deadline and grace are past."""
    return start_attempt(
        world.quiz,
        student=world.student,
        now=timezone.now() - LIMIT - datetime.timedelta(minutes=1),
    )


def test_within_the_grace_the_answers_count(attempt):
    at = attempt.deadline + datetime.timedelta(seconds=30)
    submitted = submit_attempt(attempt, answers_for(attempt, right=4), now=at)
    assert (submitted.status, submitted.score, submitted.passed) == ("submitted", 100, True)


def test_after_the_grace_nothing_counts(world, attempt):
    at = attempt.deadline + datetime.timedelta(seconds=31)
    expired = submit_attempt(attempt, answers_for(attempt, right=4), now=at)
    assert expired.status == Attempt.Status.EXPIRED
    assert (expired.score, expired.correct_count, expired.passed) == (0, 0, False)
    assert expired.answers == {}
    assert expired.certificate_code is None
    result = Result.objects.get(student=world.student, period=world.schools.period)
    assert (result.attempts, result.best_score, result.passed) == (1, 0, False)


def test_a_late_post_lands_on_the_result_with_a_message(client, world, attempt):
    identify_as(client, world.student)
    late = attempt.deadline + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=late):
        response = client.post(
            f"/attempt/{attempt.token}/", form_data(answers_for(attempt, right=4)), follow=True
        )
    assert response.redirect_chain[-1][0] == f"/result/{attempt.token}/"
    page = response.content.decode()
    assert "超过答题时限才交卷，本次答卷按 0 分计" in page
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED


def test_opening_an_overdue_paper_closes_it(client, world, attempt):
    identify_as(client, world.student)
    response = client.get(f"/attempt/{attempt.token}/")
    assert response.status_code == 302
    assert response["Location"] == f"/result/{attempt.token}/"
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.EXPIRED, 0)
