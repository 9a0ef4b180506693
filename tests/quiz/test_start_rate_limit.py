"""Starting is limited per address only for anonymous visitors of the public quiz (thirty a
minute), whose papers nothing else bounds. A class starting the student quiz from one school
address, or signed-in accounts, are bounded by the attempts the quiz allows instead."""

import pytest
from django.test import Client

from education.models import Attempt, QuizPage, Student
from tests.factories import make_user
from tests.quiz.taking import build_world, identify_as, start_url
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

SCHOOL_ADDRESS = "10.1.1.1"
BUSY = "操作太频繁，请稍等片刻再开始答题。"


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def public(world):
    return add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )


def test_a_class_behind_one_address_starts(world):
    students = list(Student.objects.filter(school_class=world.schools.class_a))
    for _ in range(7):
        for student in students:
            client = Client()
            identify_as(client, student)
            response = client.post(start_url(world.quiz), REMOTE_ADDR=SCHOOL_ADDRESS)
            assert response.status_code == 302
    assert Attempt.objects.filter(quiz=world.quiz).count() == len(students)


def test_anonymous_public_starts_are_limited_per_address(public):
    for _ in range(30):
        assert Client().post(start_url(public), REMOTE_ADDR=SCHOOL_ADDRESS).status_code == 302
    refused = Client().post(start_url(public), REMOTE_ADDR=SCHOOL_ADDRESS)
    assert refused.status_code == 429
    assert BUSY in refused.content.decode()
    assert Attempt.objects.filter(quiz=public).count() == 30
    assert Client().post(start_url(public), REMOTE_ADDR="10.1.1.2").status_code == 302


def test_signed_in_accounts_are_not_limited(client, public):
    for _ in range(30):
        Client().post(start_url(public), REMOTE_ADDR=SCHOOL_ADDRESS)
    client.force_login(make_user("adult@example.cn"))
    assert client.post(start_url(public), REMOTE_ADDR=SCHOOL_ADDRESS).status_code == 302
