"""The result page: score and pass/fail against the pass mark, each question with the answer
given, the right answer and the explanation; the school's updated knowledge rate for a
student; a certificate for a pass; “再答一次” while attempts remain. Query count pinned."""

import pytest

from education.models import QuizPage
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import EXPLANATIONS, answers_for, build_world, identify_as, start_url
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

# The attempt (with its quiz, period, school and student), the session, the school's count
# rows, the attempts left for "再答一次", plus the site shell (site, platform settings, menu
# restrictions, menu pages).
QUERIES = 8


@pytest.fixture
def world():
    return build_world(attempts_allowed=2)


def result(client, world, *, right: int):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    attempt = submit_attempt(attempt, answers_for(attempt, right=right))
    response = client.get(f"/result/{attempt.token}/")
    assert response.status_code == 200
    return attempt, response.content.decode()


def test_a_pass_shows_score_certificate_and_rate(client, world):
    attempt, page = result(client, world, right=3)
    assert '<span class="quiz-score-number">75</span> 分' in page
    assert "恭喜，成绩合格！" in page
    assert "答对 3 / 4 题 · 及格线 75 分" in page
    assert f"/certificates/{attempt.certificate_code}.png" in page
    assert f"/certificates/{attempt.certificate_code}/" in page
    assert "长按图片可保存到手机" in page
    # School A: 5 students on the roster, one has passed.
    assert "东城实验中学的禁毒知识知晓率" in page
    assert "20.0%" in page
    assert "已有 1 名同学达标，共 5 名在校生" in page


def test_every_question_is_explained(client, world):
    attempt, page = result(client, world, right=2)
    for explanation in EXPLANATIONS.values():
        assert explanation in page
    assert page.count("回答正确") == 2
    assert page.count("回答错误") == 2
    assert page.count("正确答案") == 1 + 2 + 1 + 1  # the multiple-choice question has two
    assert page.count("你的选择") == 1 + 2 + 1 + 1


def test_a_fail_has_no_certificate_and_may_try_again(client, world):
    attempt, page = result(client, world, right=1)
    assert "未达到及格线" in page
    assert "/certificates/" not in page
    assert "再答一次" in page
    assert f'action="{start_url(world.quiz)}"' in page


def test_no_retry_once_the_attempts_are_used(client, world):
    first = start_attempt(world.quiz, student=world.student)
    submit_attempt(first, answers_for(first, right=0))
    _attempt, page = result(client, world, right=1)
    assert "再答一次" not in page


def test_an_open_paper_goes_back_to_answering(client, world):
    identify_as(client, world.student)
    attempt = start_attempt(world.quiz, student=world.student)
    assert client.get(f"/result/{attempt.token}/")["Location"] == f"/attempt/{attempt.token}/"


def test_the_public_quiz_shows_no_school_rate(client, world):
    public = add_quiz(
        world.index,
        "公众答题",
        questions=[world.bank["ice"]],
        audience=QuizPage.Audience.PUBLIC,
        shuffle_choices=False,
    )
    client.post(start_url(public))
    (token,) = client.session["quiz_attempts"]
    client.post(f"/attempt/{token}/", {"q0": "a"})
    page = client.get(f"/result/{token}/").content.decode()
    assert "100</span> 分" in page
    assert "知晓率" not in page
    assert "禁毒知识合格证书" in page


def test_query_count(client, world, django_assert_num_queries):
    attempt, _page = result(client, world, right=3)
    with django_assert_num_queries(QUERIES):
        client.get(f"/result/{attempt.token}/")


def test_a_quiz_that_does_not_count_shows_the_current_rate(client, world):
    practice = add_quiz(
        world.index, "练习", questions=[world.bank["ice"]], counts_toward_rate=False
    )
    identify_as(client, world.student)
    attempt = start_attempt(practice, student=world.student)
    assert attempt.period is None
    submit_attempt(attempt, answers_for(attempt, right=1))
    page = client.get(f"/result/{attempt.token}/").content.decode()
    # The practice changed nothing: nobody of school A has passed a counting quiz.
    assert "东城实验中学的禁毒知识知晓率" in page
    assert "0.0%" in page
