"""Submitting twice counts once: the first submission stands, a second POST only leads to
the result, and the rate counts see one attempt."""

import pytest

from education.models import AttemptItem, Result
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def test_the_service_keeps_the_first_result(world):
    attempt = start_attempt(world.quiz, student=world.student)
    first = submit_attempt(attempt, answers_for(attempt, right=4))
    second = submit_attempt(attempt, answers_for(attempt, right=0))
    assert second.score == first.score == 100
    assert second.certificate_code == first.certificate_code
    assert second.submitted_at == first.submitted_at
    assert AttemptItem.objects.filter(attempt=attempt).count() == 4
    assert Result.objects.get(student=world.student).attempts == 1


def test_a_second_post_redirects_to_the_result(client, world):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    url = f"/attempt/{attempt.token}/"
    first = client.post(url, form_data(answers_for(attempt, right=1)))
    second = client.post(url, form_data(answers_for(attempt, right=4)))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/result/{attempt.token}/"
    attempt.refresh_from_db()
    assert attempt.score == 25
    assert Result.objects.get(student=world.student).attempts == 1
