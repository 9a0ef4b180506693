"""Hand-ins are rate limited per address, generously (120 a minute: a class behind one school
network hands in together); past it a friendly 429, and the paper stays open to hand in
later. However many POSTs arrive, the paper is counted once."""

import pytest

from education.models import Attempt, Result
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


def test_past_the_limit_the_paper_waits(client):
    world = build_world()
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    url = f"/attempt/{attempt.token}/"
    for _ in range(120):
        assert client.post(url, {"q0": "a"}).status_code == 200  # asks to confirm
    response = client.post(url, form_data(answers_for(attempt, right=4)))
    assert response.status_code == 429
    assert "提交太频繁" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    # Another address hands it in; the result counts one attempt.
    response = client.post(url, form_data(answers_for(attempt, right=4)), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302
    assert Result.objects.get(student=world.student).attempts == 1
