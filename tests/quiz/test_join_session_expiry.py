"""Classroom computers are shared: identifying as a student lasts until the browser closes
or until the identity has gone unused for two hours, whichever comes first."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from education.student_identity import STUDENT_KEY
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def identify(client, world):
    student = world.student
    url = f"/join/{world.schools.school_a.join_token}/"
    assert client.post(url, {"number": student.number, "name": student.name}).status_code == 302


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_cookie_ends_with_the_browser(client, world):
    identify(client, world)
    assert client.session.get_expire_at_browser_close()
    assert client.cookies["sessionid"]["max-age"] == ""
    assert client.cookies["sessionid"]["expires"] == ""


def test_two_hours_unused_and_the_student_is_forgotten(client, world):
    identify(client, world)
    later = timezone.now() + datetime.timedelta(hours=2, minutes=1)
    with at(later):
        assert client.get("/student/")["Location"] == "/join/"
    assert STUDENT_KEY not in client.session


def test_use_keeps_the_identity(client, world):
    identify(client, world)
    start = timezone.now()
    for minutes in (100, 200, 300):
        with at(start + datetime.timedelta(minutes=minutes)):
            assert client.get("/student/").status_code == 200
