"""Once identified, a student sees the student quizzes open now, with the attempts used and
the best score; public, closed and draft quizzes are not listed. Query count pinned."""

import datetime

import pytest
from django.utils import timezone

from education.models import QuizPage
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world, identify_as
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

# Session, student, quizzes (and their view restrictions), attempts, plus the four queries
# of the site shell (site, platform settings, menu restrictions, menu pages).
QUERIES = 9


@pytest.fixture
def world():
    world = build_world()
    add_quiz(world.index, "公众答题", audience=QuizPage.Audience.PUBLIC)
    add_quiz(world.index, "已截止的测试", closes_at=timezone.now() - datetime.timedelta(days=1))
    add_quiz(world.index, "下周的测试", opens_at=timezone.now() + datetime.timedelta(days=7))
    draft = QuizPage(title="草稿测试", slug="draft", live=False)
    world.index.add_child(instance=draft)
    return world


def test_only_open_student_quizzes_are_listed(client, world):
    identify_as(client, world.student)
    page = client.get("/student/").content.decode()
    assert world.quiz.title in page
    for hidden in ("公众答题", "已截止的测试", "下周的测试", "草稿测试"):
        assert hidden not in page


def test_attempts_and_best_score_are_shown(client, world):
    attempt = start_attempt(world.quiz, student=world.student)
    submit_attempt(attempt, answers_for(attempt, right=3))
    identify_as(client, world.student)
    page = client.get("/student/").content.decode()
    assert "已答 1 / 3 次" in page
    assert "最好成绩 75 分" in page


def test_query_count(client, world, django_assert_num_queries):
    for quiz_number in range(3):
        add_quiz(world.index, f"第 {quiz_number} 次测试")
    identify_as(client, world.student)
    client.get("/student/")
    with django_assert_num_queries(QUERIES):
        response = client.get("/student/")
    assert response.content.decode().count('class="quiz-card"') == 4
