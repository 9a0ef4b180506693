"""A hand-in that arrives in time is never refused: not because a whole class hands in from
one school address, not because the same paper was posted many times (it counts once).
Only showing the paper again to confirm unanswered questions is limited, thirty times a
minute per attempt; past that a friendly 429 and the paper stays open."""

import pytest

from education.models import Attempt, Result
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db

SCHOOL_ADDRESS = "10.1.1.1"


@pytest.fixture
def world():
    return build_world()


def paper(client, world, student) -> tuple[Attempt, str]:
    identify_as(client, student)
    attempt = start_attempt(world.quiz, student=student)
    return attempt, f"/attempt/{attempt.token}/"


def test_a_class_behind_one_address_hands_in(client, world):
    attempt, url = paper(client, world, world.student)
    for _ in range(30):
        client.post(url, {"q0": "a"}, REMOTE_ADDR=SCHOOL_ADDRESS)
    for _ in range(100):
        client.post(url, form_data(answers_for(attempt, right=4)), REMOTE_ADDR=SCHOOL_ADDRESS)
    classmate = client.__class__()
    other, other_url = paper(classmate, world, world.classmate)
    response = classmate.post(
        other_url, form_data(answers_for(other, right=4)), REMOTE_ADDR=SCHOOL_ADDRESS
    )
    assert response.status_code == 302
    assert response["Location"] == f"/result/{other.token}/"
    assert Result.objects.get(student=world.student).attempts == 1
    assert Result.objects.get(student=world.classmate).attempts == 1


def test_confirming_again_and_again_is_limited_per_attempt(client, world):
    attempt, url = paper(client, world, world.student)
    for _ in range(30):
        assert client.post(url, {"q0": "a"}).status_code == 200  # asks to confirm
    response = client.post(url, {"q0": "a"})
    assert response.status_code == 429
    assert "提交太频繁" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    # Handing in is still accepted, and counted once.
    response = client.post(url, form_data(answers_for(attempt, right=4)))
    assert response["Location"] == f"/result/{attempt.token}/"
    assert Result.objects.get(student=world.student).attempts == 1


def test_the_limit_is_the_attempts_not_the_addresses(client, world):
    _attempt, url = paper(client, world, world.student)
    for _ in range(31):
        client.post(url, {"q0": "a"}, REMOTE_ADDR=SCHOOL_ADDRESS)
    classmate = client.__class__()
    _other, other_url = paper(classmate, world, world.classmate)
    assert classmate.post(other_url, {"q0": "a"}, REMOTE_ADDR=SCHOOL_ADDRESS).status_code == 200
