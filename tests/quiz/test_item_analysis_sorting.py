"""The report sorts by facility, discrimination or answers, either way; questions whose
discrimination is undefined come last."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.quiz.item_analysis_builders import answered_questions

pytestmark = pytest.mark.django_db

# Facility: question 3 (25%) < question 1 (50%) < question 4 (62.5%) < question 2 (all
# right). Discrimination: question 3 (−46) < question 4 (−29) < question 1 (+38); question 2
# has none.
SHEETS = [
    [1, 1, 0, 1],
    [1, 1, 0, 1],
    [1, 1, 1, 0],
    [0, 1, 1, 0],
    [0, 1, 0, 1],
    [0, 1, 0, 0],
    [1, 1, 0, 1],
    [0, 1, 0, 1],
]


@pytest.fixture
def questions(client):
    client.force_login(make_superuser())
    return answered_questions(SHEETS)


def order(client, ordering: str) -> list:
    response = client.get(reverse("item_analysis:index"), {"ordering": ordering})
    return [row.question for row in response.context["object_list"]]


def test_by_facility(client, questions):
    q1, q2, q3, q4 = questions
    assert order(client, "facility") == [q3, q1, q4, q2]
    assert order(client, "-facility") == [q2, q4, q1, q3]


def test_by_discrimination_undefined_last(client, questions):
    q1, q2, q3, q4 = questions
    assert order(client, "discrimination") == [q3, q4, q1, q2]
    assert order(client, "-discrimination") == [q1, q4, q3, q2]


def test_by_answers_then_question(client, questions):
    assert order(client, "answers") == questions


def test_unknown_ordering_falls_back(client, questions):
    assert order(client, "question__text; drop") == order(client, "discrimination")
