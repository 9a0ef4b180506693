"""The time limit judges answers by when they arrived: a hand-in that reached the server
within the grace is graded even if its turn to be written came later (a busy database)."""

import datetime
import types
from unittest import mock

import pytest
from django.utils import timezone

from education import quiz_attempts
from education.models import Attempt
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


def test_answers_that_arrived_in_time_are_graded(client):
    world = build_world(time_limit_minutes=10)
    attempt = start_attempt(
        world.quiz, student=world.student, now=timezone.now() - datetime.timedelta(minutes=10)
    )
    identify_as(client, world.student)
    arrived = attempt.deadline + datetime.timedelta(seconds=20)
    written = attempt.deadline + datetime.timedelta(minutes=5)
    # The request is read at ``arrived``; the service, left to itself, would see ``written``.
    with (
        mock.patch("django.utils.timezone.now", return_value=arrived),
        mock.patch.object(quiz_attempts, "timezone", types.SimpleNamespace(now=lambda: written)),
    ):
        response = client.post(
            f"/attempt/{attempt.token}/", form_data(answers_for(attempt, right=4))
        )
    assert response["Location"] == f"/result/{attempt.token}/"
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 100)
    assert attempt.submitted_at == arrived
