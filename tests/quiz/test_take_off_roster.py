"""A student taken off the roster is nobody: their open paper can be neither continued nor
handed in (404), and it stays as it was."""

import pytest

from education.models import Attempt
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


def test_an_open_paper_of_a_student_off_the_roster_is_not_found(client):
    world = build_world()
    attempt = start_attempt(world.quiz, student=world.student)
    identify_as(client, world.student)
    url = f"/attempt/{attempt.token}/"
    assert client.get(url).status_code == 200

    world.student.active = False
    world.student.save(update_fields=["active"])

    assert client.get(url).status_code == 404
    assert client.post(url, form_data(answers_for(attempt, right=4))).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert client.get("/student/")["Location"] == "/join/"
