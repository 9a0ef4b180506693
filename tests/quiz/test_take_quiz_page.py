"""The quiz page shows its rules and the answerer's chances, and its start button (a POST)
starts or resumes an attempt; a student quiz sends an unidentified visitor to identify first,
and refusals come back as messages. Query count pinned."""

import datetime

import pytest
from django.utils import timezone

from education.models import Attempt, QuizPage
from education.quiz_attempts import start_attempt, submit_attempt
from education.student_identity import ATTEMPTS_KEY
from tests.quiz.taking import answers_for, build_world, identify_as, start_url
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

# The page found by its address and the breadcrumbs (six), the session, the student, the
# attempts, the number of questions, plus the site shell (platform settings, menu).
QUERIES = 14


@pytest.fixture
def world():
    return build_world(
        time_limit_minutes=20,
        attempts_allowed=2,
        opens_at=timezone.now() - datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=30),
    )


def test_the_rules_are_shown(client, world):
    identify_as(client, world.student)
    page = client.get(world.quiz.url).content.decode()
    for rule in (
        "4 题",
        "75 分（满分 100）",
        "限时 20 分钟",
        "共 2 次，还剩 2 次",
        "开放时间",
        "截止时间",
    ):
        assert rule in page
    assert f'action="{start_url(world.quiz)}"' in page
    assert world.student.name in page


def test_an_unidentified_visitor_is_asked_to_identify(client, world):
    page = client.get(world.quiz.url).content.decode()
    assert "确认身份后答题" in page
    assert "还剩" not in page and "我的最好成绩" not in page
    assert "4 题" in page  # a fixed list: the same for every grade
    assert f"/join/?next={world.quiz.url.replace('/', '%2F')}" in page
    response = client.post(start_url(world.quiz))
    assert response.status_code == 302
    assert response["Location"].startswith("/join/?next=")
    assert not Attempt.objects.exists()


def test_start_draws_and_opens_the_paper(client, world):
    identify_as(client, world.student)
    response = client.post(start_url(world.quiz))
    attempt = Attempt.objects.get()
    assert response["Location"] == f"/attempt/{attempt.token}/"
    assert (attempt.student, attempt.number) == (world.student, 1)
    # Again: the same paper.
    assert client.post(start_url(world.quiz))["Location"] == f"/attempt/{attempt.token}/"
    page = client.get(world.quiz.url).content.decode()
    assert "继续答题" in page


def test_start_is_a_post(client, world):
    identify_as(client, world.student)
    assert client.get(start_url(world.quiz))["Location"] == world.quiz.url
    assert not Attempt.objects.exists()


def test_used_up_attempts_are_explained(client, world):
    identify_as(client, world.student)
    for _ in range(2):
        attempt = start_attempt(world.quiz, student=world.student)
        submit_attempt(attempt, answers_for(attempt, right=1))
    page = client.get(world.quiz.url).content.decode()
    assert "您已用完本次答题的 2 次机会。" in page
    assert "共 2 次，还剩 0 次" in page
    response = client.post(start_url(world.quiz), follow=True)
    assert "您已用完本次答题的 2 次机会。" in response.content.decode()


def test_a_closed_quiz_says_so(client, world):
    quiz = add_quiz(world.index, "已截止", questions=[world.bank["ice"]], closes_at=timezone.now())
    identify_as(client, world.student)
    assert "截止" in client.get(quiz.url).content.decode()
    response = client.post(start_url(quiz), follow=True)
    assert "本次答题已于" in response.content.decode()
    assert not Attempt.objects.exists()


def test_the_public_quiz_needs_no_identity(client, world):
    public = add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )
    page = client.get(public.url).content.decode()
    assert "开始答题" in page
    response = client.post(start_url(public))
    attempt = Attempt.objects.get()
    assert response["Location"] == f"/attempt/{attempt.token}/"
    assert client.session[ATTEMPTS_KEY] == [str(attempt.token)]
    assert client.get(f"/attempt/{attempt.token}/").status_code == 200


def test_starting_is_rate_limited(client, world):
    public = add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )
    for _ in range(30):
        client.post(start_url(public))
    response = client.post(start_url(public))
    assert response.status_code == 429
    assert "操作太频繁" in response.content.decode()


def test_query_count(client, world, django_assert_num_queries):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    submit_attempt(attempt, answers_for(attempt, right=1))
    client.get(world.quiz.url)
    with django_assert_num_queries(QUERIES):
        page = client.get(world.quiz.url).content.decode()
    assert "共 2 次，还剩 1 次" in page


def test_a_random_draw_counts_for_the_students_band(client, world):
    random_quiz = add_quiz(world.index, "随机抽题", draw=QuizPage.Draw.RANDOM, per_category=2)
    assert "5 个类别，每类 2 题" in client.get(random_quiz.url).content.decode()
    identify_as(client, world.student)
    # The bank has one question in each of four categories for every band.
    assert "4 题" in client.get(random_quiz.url).content.decode()
