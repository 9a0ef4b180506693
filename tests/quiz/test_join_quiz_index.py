"""The quiz section lists the quizzes open now with their audience, and offers the class-code
box to students (or, once identified, their identity and their quizzes). Query count
pinned."""

import datetime

import pytest
from django.utils import timezone

from education.models import QuizPage
from tests.quiz.taking import build_world, identify_as
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

# Wagtail's routing down the tree and the breadcrumbs (seven), the open quizzes, plus the
# site shell (platform settings, menu restrictions, menu pages); a visitor has no session.
QUERIES = 12


@pytest.fixture
def world():
    world = build_world()
    add_quiz(world.index, "全民禁毒知识挑战", audience=QuizPage.Audience.PUBLIC)
    add_quiz(world.index, "去年的测试", closes_at=timezone.now() - datetime.timedelta(days=1))
    return world


def test_open_quizzes_are_listed_with_their_audience(client, world):
    page = client.get(world.index.url).content.decode()
    assert world.quiz.title in page
    assert "全民禁毒知识挑战" in page
    assert "去年的测试" not in page
    assert "在册学生" in page and "社会公众" in page


def test_the_class_code_box_posts_to_the_join_form(client, world):
    page = client.get(world.index.url).content.decode()
    assert 'action="/join/"' in page
    assert 'name="code"' in page
    response = client.post("/join/", {"code": world.schools.class_a.code})
    assert response["Location"] == f"/join/{world.schools.school_a.join_token}/"


def test_an_identified_student_sees_their_identity(client, world):
    identify_as(client, world.student)
    page = client.get(world.index.url).content.decode()
    assert world.student.name in page
    assert "查看我的答题" in page
    assert 'name="code"' not in page


def test_query_count(client, world, django_assert_num_queries):
    for number in range(3):
        add_quiz(world.index, f"第 {number} 次测试")
    client.get(world.index.url)
    with django_assert_num_queries(QUERIES):
        page = client.get(world.index.url).content.decode()
    assert page.count('class="quiz-card"') == 5
