"""Guessing is rate limited: ten failed matches a minute from one address, sixty a minute at
one school from anywhere, then a friendly 429 until the minute is over. Successes do not
count, so a whole class behind one school network can identify at once."""

import pytest

from education.student_identity import STUDENT_KEY
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db

BUSY = "尝试次数太多，请一分钟后再试。"


@pytest.fixture
def world():
    return build_world()


def identify(client, world, name: str, ip: str = "10.0.0.1"):
    data = {"number": world.student.number, "name": name}
    return client.post(f"/join/{world.schools.school_a.join_token}/", data, REMOTE_ADDR=ip)


def test_ten_failures_from_one_address_block_it(client, world):
    for _ in range(10):
        assert identify(client, world, "王二小").status_code == 200
    blocked = identify(client, world, world.student.name)
    assert blocked.status_code == 429
    assert BUSY in blocked.content.decode()
    assert STUDENT_KEY not in client.session
    # Another address of the same school is not held back.
    assert identify(client, world, world.student.name, ip="10.0.0.2").status_code == 302


def test_successes_are_not_counted(client, world):
    for _ in range(15):
        assert identify(client, world, world.student.name).status_code == 302


def test_sixty_failures_at_one_school_block_it_from_anywhere(client, world):
    for n in range(60):
        identify(client, world, "王二小", ip=f"10.0.1.{n}")
    assert identify(client, world, world.student.name, ip="10.0.2.1").status_code == 429
    other_school = world.schools.class_b.students.first()
    response = client.post(
        f"/join/{world.schools.school_b.join_token}/",
        {"number": other_school.number, "name": other_school.name},
        REMOTE_ADDR="10.0.2.1",
    )
    assert response.status_code == 302


def test_class_codes_are_limited_too(client, world):
    for _ in range(10):
        assert client.post("/join/", {"code": "ZZZZZZ"}).status_code == 200
    blocked = client.post("/join/", {"code": world.schools.class_a.code})
    assert blocked.status_code == 429
    assert BUSY in blocked.content.decode()
