"""The answering page never carries the key or the explanations: every choice of a question
looks the same in the HTML (its opaque key as the value, nothing more), and no explanation,
no "right answer" wording and no key list appear anywhere, data attributes included."""

import json
import re

import pytest

from education.models import QuizPage
from education.quiz_attempts import start_attempt
from tests.quiz.taking import EXPLANATIONS, build_world, identify_as, start_url
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world(shuffle_choices=True)


def inputs_of(page: str, position: int) -> list[str]:
    return re.findall(rf'<input type="(?:radio|checkbox)" name="q{position}" [^>]*>', page)


def assert_no_key(page: str, attempt) -> None:
    for explanation in EXPLANATIONS.values():
        assert explanation not in page
        assert explanation[:8] not in page
    for word in ("正确答案", "解析", "correct", "explanation", "is-key"):
        assert word not in page
    for position, question in enumerate(attempt.questions):
        tags = inputs_of(page, position)
        assert len(tags) == len(question["choices"])
        # The tags differ only by their value (and the answerer's own choice): the key gives
        # nothing away.
        shapes = {re.sub(r'value="[a-f]"( checked)?', 'value="?"', tag) for tag in tags}
        assert len(shapes) == 1
        assert json.dumps(question["key"]) not in page
    for attribute in re.findall(r'data-[\w-]+="[^"]*"', page):
        assert not re.fullmatch(r'data-[\w-]+="[a-f](,[a-f])*"', attribute), attribute


def test_a_students_paper(client, world):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    response = client.get(f"/attempt/{attempt.token}/")
    assert response.status_code == 200
    page = response.content.decode()
    for question in attempt.questions:
        assert question["text"].replace("“", "&ldquo;") in page or question["text"] in page
    assert_no_key(page, attempt)


def test_a_paper_sent_back_to_confirm(client, world):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    response = client.post(f"/attempt/{attempt.token}/", {"q0": "a"})
    assert response.status_code == 200
    assert_no_key(response.content.decode(), attempt)


def test_the_public_quiz(client, world):
    public = add_quiz(
        world.index,
        "公众答题",
        questions=list(world.bank.values()),
        audience=QuizPage.Audience.PUBLIC,
    )
    client.post(start_url(public))
    attempt = start_attempt(public, earlier=client.session["quiz_attempts"])  # resumed
    assert_no_key(client.get(f"/attempt/{attempt.token}/").content.decode(), attempt)
