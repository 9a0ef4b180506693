"""The roster page lists a school's students by class, 50 a page, filtered by class, name or
number and status; a student is taken off the roster or put back with a POST, which keeps
the roster sizes current and leaves an audit entry. Its query count is pinned."""

import pytest
from wagtail.models import ModelLogEntry

from education.models import Student
from tests.school_factories import make_class, make_students
from tests.schools.roster_uploads import roster_url

pytestmark = pytest.mark.django_db

# Session, user, the user's permissions (own and groups'), the school, its classes, the count
# and the page of students, and the four queries of the site shell.
QUERIES = 12


@pytest.fixture
def roster(client, schools):
    """School A: class 七年级1班 with 2 students and 七年级2班 with 60."""
    second = make_class(schools.school_a, 7, "2班")
    make_students(second, 60)
    client.force_login(schools.coordinator_a)
    return second


def numbers(html: str) -> int:
    return html.count("data-student=")


def test_students_are_listed_by_class_50_a_page(client, schools, roster, django_assert_num_queries):
    url = roster_url(schools.school_a)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        first = client.get(url).content.decode()
    with django_assert_num_queries(QUERIES):
        second = client.get(f"{url}?page=2").content.decode()

    assert numbers(first) == 50
    assert numbers(second) == 12
    assert "共 62 人" in first
    assert first.index("七年级1班") < first.index("七年级2班")
    assert all(s.name not in first for s in Student.objects.filter(school=schools.school_b))


def test_filter_by_class_and_search(client, schools, roster):
    url = roster_url(schools.school_a)
    by_class = client.get(url, {"school_class": schools.class_a.pk}).content.decode()
    assert numbers(by_class) == 2

    student = Student.objects.filter(school_class=roster).order_by("number")[7]
    by_name = client.get(url, {"q": student.name}).content.decode()
    assert numbers(by_name) == 1
    assert f'data-student="{student.pk}"' in by_name
    by_number = client.get(url, {"q": student.number[-5:]}).content.decode()
    assert f'data-student="{student.pk}"' in by_number

    nobody = client.get(url, {"q": "没有这个人"}).content.decode()
    assert "没有符合条件的学生。" in nobody


def test_a_class_of_another_school_filters_nothing_in(client, schools, roster):
    html = client.get(roster_url(schools.school_a), {"school_class": schools.class_b.pk})
    assert all(
        s.name not in html.content.decode() for s in Student.objects.filter(school=schools.school_b)
    )


def test_deactivate_and_reactivate(client, schools, roster):
    student = Student.objects.filter(school_class=schools.class_a).first()
    url = f"/school/{schools.school_a.pk}/roster/students/{student.pk}/status/"
    back = f"{roster_url(schools.school_a)}?school_class={schools.class_a.pk}"

    response = client.post(url, {"active": "0", "next": back}, follow=True)

    assert response.redirect_chain[-1][0] == back
    assert f"已停用{student}。" in response.content.decode()
    student.refresh_from_db()
    assert not student.active
    schools.class_a.refresh_from_db()
    assert schools.class_a.roster_size == 1
    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == 61
    inactive = client.get(roster_url(schools.school_a), {"status": "inactive"}).content.decode()
    assert numbers(inactive) == 1
    assert "恢复在册" in inactive

    client.post(url, {"active": "1", "next": "https://evil.example/"})

    student.refresh_from_db()
    assert student.active
    entries = ModelLogEntry.objects.filter(object_id=str(student.pk))
    assert [entry.action for entry in entries.order_by("pk")] == [
        "education.student_deactivate",
        "education.student_reactivate",
    ]
    assert {entry.user for entry in entries} == {schools.coordinator_a}


def test_a_foreign_next_address_is_ignored(client, schools, roster):
    student = Student.objects.filter(school_class=schools.class_a).first()
    url = f"/school/{schools.school_a.pk}/roster/students/{student.pk}/status/"
    response = client.post(url, {"active": "0", "next": "https://evil.example/"})
    assert response["Location"] == roster_url(schools.school_a)
