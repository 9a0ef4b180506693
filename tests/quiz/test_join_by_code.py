"""A student types the class code the teacher gave (spaces, lower case and full-width
letters forgiven) and goes on to their school's identity form; an unknown code gets a clear
message."""

import pytest
from django.urls import reverse

from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db

URL = "/join/"


@pytest.fixture
def world():
    return build_world()


def test_the_urls_have_their_shared_names(world):
    assert reverse("join_by_code") == URL
    token = world.schools.school_a.join_token
    assert reverse("join_school", args=[token]) == f"/join/{token}/"


def test_the_form_is_shown(client, world):
    page = client.get(URL).content.decode()
    assert 'name="code"' in page
    assert "csrfmiddlewaretoken" in page


def test_a_class_code_leads_to_the_schools_form(client, world):
    code = world.schools.class_a.code
    typed = " " + code[:3].lower() + " " + code[3:] + " "
    response = client.post(URL, {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/join/{world.schools.school_a.join_token}/"


def test_full_width_letters_are_read_as_ascii(client, world):
    code = world.schools.class_a.code
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)
    response = client.post(URL, {"code": full_width})
    assert response["Location"] == f"/join/{world.schools.school_a.join_token}/"


def test_the_quiz_asked_for_is_passed_on(client, world):
    response = client.post(URL, {"code": world.schools.class_a.code, "next": world.quiz.url})
    token = world.schools.school_a.join_token
    assert response["Location"] == f"/join/{token}/?next={world.quiz.url.replace('/', '%2F')}"


def test_an_outside_address_is_never_passed_on(client, world):
    response = client.post(
        URL, {"code": world.schools.class_a.code, "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/join/{world.schools.school_a.join_token}/"


def test_an_unknown_code_gets_a_clear_message(client, world):
    response = client.post(URL, {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "没有找到这个班级码，请核对老师发布的班级码。" in response.content.decode()


def test_an_empty_or_odd_code_is_a_message_not_an_error(client, world):
    for code in ("", "\x00", "x" * 200):
        response = client.post(URL, {"code": code})
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
