"""Handing in a paper with questions left unanswered asks first, with or without JavaScript:
the server sends the paper back with the answers kept and a warning, and a second “交卷”
(carrying ``confirm``) hands it in. A complete paper goes straight through."""

import pytest

from education.models import Attempt
from education.quiz_attempts import start_attempt
from tests.quiz.taking import answers_for, build_world, form_data, identify_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def attempt(client, world):
    identify_as(client, world.student)
    return start_attempt(world.quiz, student=world.student)


def test_a_complete_paper_is_handed_in(client, attempt):
    response = client.post(f"/attempt/{attempt.token}/", form_data(answers_for(attempt, right=4)))
    assert response["Location"] == f"/result/{attempt.token}/"


def test_unanswered_questions_are_confirmed_first(client, attempt):
    url = f"/attempt/{attempt.token}/"
    response = client.post(url, {"q0": "a", "q1": ["a", "b"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "还有 2 题未作答" in page
    assert 'name="confirm" value="1"' in page
    assert '<input type="radio" name="q0" value="a" checked>' in page
    assert '<input type="checkbox" name="q1" value="b" checked>' in page
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS

    handed_in = client.post(url, {"q0": "a", "q1": ["a", "b"], "confirm": "1"})
    assert handed_in["Location"] == f"/result/{attempt.token}/"
    attempt.refresh_from_db()
    assert (attempt.status, attempt.correct_count) == (Attempt.Status.SUBMITTED, 2)


def test_the_page_shows_progress_and_large_choices(client, attempt):
    page = client.get(f"/attempt/{attempt.token}/").content.decode()
    assert "<strong data-quiz-answered>0</strong> / 4" in page
    assert '<progress class="quiz-progress" max="4" value="0"' in page
    assert page.count('class="quiz-choice"') == 3 + 4 + 2 + 3
    assert "/static/js/quiz.js" in page
    assert "<script>" not in page  # no inline script
