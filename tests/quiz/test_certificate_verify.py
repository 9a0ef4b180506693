"""Anyone may verify a certificate code: the quiz, the holder's name (masked for school
students, who are minors), the school, the date and the score. An unknown code gets a
friendly 404 page."""

import pytest
from django.urls import reverse

from education.certificates import mask_name
from education.models import School
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world

pytestmark = pytest.mark.django_db

# The attempt with its school, student and account, plus the site shell.
QUERIES = 5


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def passed(world):
    world.student.name = "张小明"
    world.student.save()
    attempt = start_attempt(world.quiz, student=world.student)
    return submit_attempt(attempt, answers_for(attempt, right=4))


def test_the_url_has_its_shared_name(passed):
    code = passed.certificate_code
    assert reverse("certificate_verify", args=[code]) == f"/certificates/{code}/"


def test_a_code_is_verified_with_the_name_masked(client, world, passed):
    response = client.get(f"/certificates/{passed.certificate_code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "证书有效" in page
    assert "张*明" in page
    assert "张小明" not in page
    for shown in (world.quiz.title, world.schools.school_a.name, "100 分", passed.certificate_code):
        assert shown in page
    assert passed.submitted_at.strftime("%Y") in page


def test_lower_case_codes_are_read(client, passed):
    assert client.get(f"/certificates/{passed.certificate_code.lower()}/").status_code == 200


def test_a_university_students_name_is_shown_in_full(client, world, passed):
    School.objects.filter(pk=world.schools.school_a.pk).update(level=School.Level.UNIVERSITY)
    assert "张小明" in client.get(f"/certificates/{passed.certificate_code}/").content.decode()


def test_an_unknown_code_is_a_friendly_404(client, world):
    response = client.get("/certificates/ABCDEFGHJK/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "没有找到这张证书" in page
    assert "ABCDEFGHJK" in page


@pytest.mark.parametrize(
    ("name", "masked"), [("张", "张"), ("张三", "张*"), ("张小明", "张*明"), ("欧阳小明", "欧**明")]
)
def test_names_are_masked(name, masked):
    assert mask_name(name) == masked


def test_query_count(client, passed, django_assert_num_queries):
    url = f"/certificates/{passed.certificate_code}/"
    client.get(url)
    with django_assert_num_queries(QUERIES):
        client.get(url)
