"""“不是我”: a student on a shared phone leaves, and the next one identifies afresh."""

import pytest

from education.student_identity import STUDENT_KEY
from tests.quiz.taking import build_world, identify_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def test_the_identity_is_shown_with_not_me(client, world):
    identify_as(client, world.student)
    page = client.get("/student/").content.decode()
    assert world.student.name in page
    assert 'action="/student/forget/"' in page
    assert "不是我" in page


def test_not_me_forgets_the_student(client, world):
    identify_as(client, world.student)
    response = client.post("/student/forget/", follow=True)
    assert response.redirect_chain == [("/join/", 302)]
    assert STUDENT_KEY not in client.session
    assert "已退出学生身份" in response.content.decode()
    assert client.get("/student/")["Location"] == "/join/"


def test_forgetting_takes_a_post(client, world):
    identify_as(client, world.student)
    assert client.get("/student/forget/").status_code == 405
    assert client.session[STUDENT_KEY] == world.student.pk


def test_a_student_taken_off_the_roster_is_no_longer_identified(client, world):
    identify_as(client, world.student)
    world.student.active = False
    world.student.save()
    assert client.get("/student/")["Location"] == "/join/"
