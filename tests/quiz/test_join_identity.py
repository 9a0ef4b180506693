"""On the school's join link a student gives student number and name; a match against the
school's active roster keeps the student in the session. A mismatch gets one message
whether the number or the name is wrong, so the form never confirms a student number."""

import pytest

from education.student_identity import STUDENT_KEY
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db

NO_MATCH = "学号或姓名与学校花名册不一致，请核对后再试；如仍有问题，请联系班主任。"


@pytest.fixture
def world():
    return build_world()


def url(world) -> str:
    return f"/join/{world.schools.school_a.join_token}/"


def test_the_form_names_the_school(client, world):
    page = client.get(url(world)).content.decode()
    assert world.schools.school_a.name in page
    assert 'name="number"' in page and 'name="name"' in page


def test_an_unknown_join_link_is_not_found(client, world):
    assert client.get("/join/no-such-school-token/").status_code == 404


def test_a_match_remembers_the_student(client, world):
    student = world.student
    response = client.post(url(world), {"number": student.number, "name": student.name})
    assert response.status_code == 302
    assert response["Location"] == "/student/"
    assert client.session[STUDENT_KEY] == student.pk


def test_spaces_in_the_name_and_number_are_ignored(client, world):
    student = world.student
    spaced = " ".join(student.name) + "\u3000"
    response = client.post(url(world), {"number": f" {student.number} ", "name": spaced})
    assert response.status_code == 302
    assert client.session[STUDENT_KEY] == student.pk


def test_a_match_goes_on_to_the_quiz_asked_for(client, world):
    student = world.student
    response = client.post(
        url(world), {"number": student.number, "name": student.name, "next": world.quiz.url}
    )
    assert response["Location"] == world.quiz.url


@pytest.mark.parametrize("wrong", ["number", "name"])
def test_a_mismatch_gets_the_same_message(client, world, wrong):
    data = {"number": world.student.number, "name": world.student.name}
    data[wrong] = "99999" if wrong == "number" else "王二小"
    response = client.post(url(world), data)
    assert response.status_code == 200
    assert NO_MATCH in response.content.decode()
    assert STUDENT_KEY not in client.session


def test_a_student_of_another_school_does_not_match(client, world):
    other = world.schools.class_b.students.first()
    response = client.post(url(world), {"number": other.number, "name": other.name})
    assert NO_MATCH in response.content.decode()


def test_a_student_no_longer_on_the_roster_does_not_match(client, world):
    world.student.active = False
    world.student.save()
    response = client.post(url(world), {"number": world.student.number, "name": world.student.name})
    assert NO_MATCH in response.content.decode()


def test_identifying_gives_a_new_session_key(client, world):
    client.get(url(world))
    client.session.save()
    before = client.session.session_key
    client.post(url(world), {"number": world.student.number, "name": world.student.name})
    assert client.session.session_key != before
