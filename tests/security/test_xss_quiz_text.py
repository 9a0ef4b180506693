"""A question's text, choices and explanation are text on the answering page, the result
page and the item analysis, whatever an editor typed."""

import pytest
from django.test import Client
from django.urls import reverse

from education.models import Choice
from education.quiz_attempts import start_attempt
from tests.quiz.taking import identify_as
from tests.security.xss_checks import PAYLOAD, SHORT, assert_escaped, assert_page_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def typed(world):
    question = world.objects["question"]
    question.text, question.explanation = PAYLOAD, PAYLOAD
    question.choices = [Choice(text=SHORT, correct=True), Choice(text="咖啡", correct=False)]
    question.save()
    attempt = world.objects["attempt"]
    for snapshot in attempt.questions:
        snapshot["text"] = snapshot["explanation"] = PAYLOAD
        for choice in snapshot["choices"]:
            choice["text"] = SHORT
    attempt.save()
    return world


def test_answering_page(typed):
    client = Client()
    identify_as(client, typed.students_a[1])
    attempt = start_attempt(typed.objects["quiz"], student=typed.students_a[1])
    response = client.get(reverse("quiz_attempt", args=[attempt.token]))
    assert_escaped(response, PAYLOAD, SHORT)


def test_result_page(typed):
    url = reverse("quiz_result", args=[typed.values["attempt_token"]])
    assert_page_escaped(typed, "student", url, PAYLOAD, SHORT)


def test_item_analysis(typed):
    assert_page_escaped(typed, "editor", reverse("item_analysis:index"), PAYLOAD)
