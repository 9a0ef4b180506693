"""The answering page reads the attempt and the session, whatever the number of questions.
Query count pinned."""

import pytest

from education.models import QuizPage
from education.quiz_attempts import start_attempt
from tests.quiz.taking import build_world, identify_as
from tests.school_factories import add_quiz, make_question

pytestmark = pytest.mark.django_db

# The attempt (with its quiz, period, school and student), the session, plus the site shell
# (site, platform settings, menu restrictions, menu pages).
QUERIES = 6


@pytest.mark.parametrize("questions", [1, 20])
def test_query_count(client, django_assert_num_queries, questions):
    world = build_world()
    bank = [make_question(f"第 {n} 题：冰毒属于毒品吗？") for n in range(questions)]
    quiz = add_quiz(world.index, "长试卷", questions=bank, draw=QuizPage.Draw.FIXED)
    identify_as(client, world.student)
    attempt = start_attempt(quiz, student=world.student)
    client.get(f"/attempt/{attempt.token}/")
    with django_assert_num_queries(QUERIES):
        page = client.get(f"/attempt/{attempt.token}/").content.decode()
    assert page.count('class="quiz-question"') == questions
