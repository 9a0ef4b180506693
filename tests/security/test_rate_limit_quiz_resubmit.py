"""Handing a paper in again: the hand-in that closes it always goes through, and ten posts
after it are answered with the result; past ten a minute for that attempt a Chinese 429,
and the result still counts once."""

import pytest

from education.models import Result
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


def test_posts_after_the_hand_in_are_limited_per_attempt(client):
    world = build_world()
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    url, paper = f"/attempt/{attempt.token}/", form_data(answers_for(attempt, right=4))
    result = f"/result/{attempt.token}/"

    assert client.post(url, paper)["Location"] == result
    for _ in range(10):
        assert client.post(url, paper)["Location"] == result
    response = client.post(url, paper)

    assert response.status_code == 429
    assert "答卷已经交过了，请勿重复提交" in response.content.decode()
    assert client.get(url)["Location"] == result
    assert Result.objects.get(student=world.student).attempts == 1
