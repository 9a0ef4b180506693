"""Once identified, the visitor goes on to the ``next`` address only when it is a path on this
site: a bare word (which ``redirect()`` would take for a URL name and fail on), another site,
"//host" or "/\\host" send them to their quizzes instead, never to an error."""

import pytest

from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db

NOT_PATHS = ["school_dashboard", "//evil.example/x", "/\\evil.example", "https://evil.example/"]


@pytest.fixture
def world():
    return build_world()


def identify(client, world, next_url: str):
    student = world.student
    data = {"number": student.number, "name": student.name, "next": next_url}
    return client.post(f"/join/{world.schools.school_a.join_token}/", data)


@pytest.mark.parametrize("next_url", NOT_PATHS)
def test_anything_but_a_local_path_is_ignored(client, world, next_url):
    response = identify(client, world, next_url)
    assert response.status_code == 302
    assert response["Location"] == "/student/"


def test_a_local_path_is_followed(client, world):
    assert identify(client, world, world.quiz.url)["Location"] == world.quiz.url


@pytest.mark.parametrize("next_url", NOT_PATHS)
def test_the_class_code_form_drops_it_too(client, world, next_url):
    response = client.post("/join/", {"code": world.schools.class_a.code, "next": next_url})
    assert response["Location"] == f"/join/{world.schools.school_a.join_token}/"
    page = client.get(f"/join/{world.schools.school_a.join_token}/?next={next_url}")
    assert page.status_code == 200
