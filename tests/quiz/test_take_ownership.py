"""Only the answerer opens an attempt and its result: the identified student, the signed-in
account, or the anonymous session that started it. Anyone else gets a 404."""

import pytest

from education.models import QuizPage
from education.quiz_attempts import start_attempt, submit_attempt
from tests.factories import make_user
from tests.quiz.taking import answers_for, build_world, identify_as, start_url
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def public(world):
    return add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )


def urls(attempt) -> tuple[str, str]:
    return f"/attempt/{attempt.token}/", f"/result/{attempt.token}/"


def test_a_students_attempt_is_theirs_alone(client, world):
    attempt = start_attempt(world.quiz, student=world.student)
    paper, result = urls(attempt)
    identify_as(client, world.student)
    assert client.get(paper).status_code == 200
    identify_as(client, world.classmate)
    assert client.get(paper).status_code == 404
    assert client.post(paper, {"q0": "a", "confirm": "1"}).status_code == 404
    submit_attempt(attempt, answers_for(attempt, right=4))
    assert client.get(result).status_code == 404


def test_nobody_unidentified_opens_it(client, world):
    attempt = start_attempt(world.quiz, student=world.student)
    for url in urls(attempt):
        assert client.get(url).status_code == 404


def test_the_student_resumes_on_another_phone(client, world):
    attempt = start_attempt(world.quiz, student=world.student)
    identify_as(client, world.student)  # a new session, the same student
    assert client.get(urls(attempt)[0]).status_code == 200


def test_an_anonymous_attempt_belongs_to_its_session(client, public):
    client.post(start_url(public))
    (token,) = client.session["quiz_attempts"]
    assert client.get(f"/attempt/{token}/").status_code == 200
    stranger = client.__class__()
    assert stranger.get(f"/attempt/{token}/").status_code == 404


def test_an_accounts_attempt_belongs_to_the_account(client, public):
    adult = make_user("adult@example.cn")
    attempt = start_attempt(public, user=adult)
    client.force_login(adult)
    assert client.get(urls(attempt)[0]).status_code == 200
    client.force_login(make_user("other@example.cn"))
    assert client.get(urls(attempt)[0]).status_code == 404


def test_an_unknown_token_is_not_found(client, world):
    assert client.get("/attempt/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/attempt/not-a-uuid/").status_code == 404
