"""Guessing is rate limited without holding back a class behind one school network: failed
matches count, thirty a minute per address and sixty a minute per school. The match is
checked first, so a right number and name always gets in; a failure while a bucket is full
gets a friendly 429 (the same whether the number or the name was wrong). An address that goes
on failing to three times its limit is refused before its guesses are checked."""

import pytest

from education.student_identity import STUDENT_KEY
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db

BUSY = "尝试次数太多，请一分钟后再试。"


@pytest.fixture
def world():
    return build_world()


def identify(client, world, name: str, ip: str = "10.0.0.1", number: str | None = None):
    data = {"number": number or world.student.number, "name": name}
    return client.post(f"/join/{world.schools.school_a.join_token}/", data, REMOTE_ADDR=ip)


def test_failures_from_one_address_are_refused_past_thirty(client, world):
    for _ in range(30):
        assert identify(client, world, "王二小").status_code == 200
    for wrong in ({"name": "王二小"}, {"name": world.student.name, "number": "99999"}):
        refused = identify(client, world, **wrong)
        assert refused.status_code == 429
        assert BUSY in refused.content.decode()
    assert STUDENT_KEY not in client.session
    # The same address, the right number and name: the student gets in.
    assert identify(client, world, world.student.name).status_code == 302


def test_a_class_behind_one_address_gets_in_despite_typos(client, world):
    for _ in range(30):
        identify(client, world, "王二小", ip="10.9.9.9")
    classmate = world.classmate
    response = identify(client, world, classmate.name, ip="10.9.9.9", number=classmate.number)
    assert response.status_code == 302
    assert client.session[STUDENT_KEY] == classmate.pk


def test_successes_are_not_counted(client, world):
    for _ in range(35):
        assert identify(client, world, world.student.name).status_code == 302


def test_sixty_failures_at_one_school_refuse_the_next_failure_from_anywhere(client, world):
    for n in range(60):
        assert identify(client, world, "王二小", ip=f"10.0.1.{n}").status_code == 200
    assert identify(client, world, "王二小", ip="10.0.2.1").status_code == 429
    assert identify(client, world, world.student.name, ip="10.0.2.1").status_code == 302
    other_school = world.schools.class_b.students.first()
    response = client.post(
        f"/join/{world.schools.school_b.join_token}/",
        {"number": other_school.number, "name": "王二小"},
        REMOTE_ADDR="10.0.2.1",
    )
    assert response.status_code == 200


def test_an_address_that_keeps_guessing_is_stopped_before_matching(client, world):
    for _ in range(90):
        identify(client, world, "王二小")
    refused = identify(client, world, world.student.name)
    assert refused.status_code == 429
    assert STUDENT_KEY not in client.session
    assert identify(client, world, world.student.name, ip="10.0.0.2").status_code == 302


def test_class_codes_are_limited_too(client, world):
    for _ in range(30):
        assert client.post("/join/", {"code": "ZZZZZZ"}).status_code == 200
    refused = client.post("/join/", {"code": "ZZZZZZ"})
    assert refused.status_code == 429
    assert BUSY in refused.content.decode()
    assert client.post("/join/", {"code": world.schools.class_a.code}).status_code == 302
