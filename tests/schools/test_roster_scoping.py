"""The classes, roster and import pages of a school are for its approved coordinators, the
officers of its district and the city admins. Anyone else gets a 404, on every page and every
POST (which then writes nothing): coordinator B on school A, an officer of another district,
a coordinator not yet approved. Anonymous users are sent to log in."""

import pytest
from django.urls import reverse

from education.models import RosterImport, SchoolClass, Student
from education.roster_import import upload_roster
from tests.school_factories import make_coordinator
from tests.schools.roster_uploads import csv_file

pytestmark = pytest.mark.django_db

ALLOWED = ["coordinator_a", "officer", "city_admin"]
REFUSED = ["coordinator_b", "other_officer", "pending"]


@pytest.fixture
def school_a(schools):
    schools.pending = make_coordinator(schools.school_a, "pending.a@example.cn", approved=False)
    rows = [["0799001", "新同学", "七年级", "1班"]]
    schools.roster_import = upload_roster(
        schools.school_a, csv_file(rows), by=schools.coordinator_a, deactivate_missing=True
    )
    schools.student = Student.objects.filter(school=schools.school_a).first()
    return schools


def pages(s) -> list[str]:
    school, class_a, roster_import = s.school_a.pk, s.class_a.pk, s.roster_import.pk
    return [
        reverse("school_classes", args=[school]),
        reverse("school_class_edit", args=[school, class_a]),
        reverse("school_join_sheet", args=[school]),
        reverse("school_roster", args=[school]),
        reverse("school_roster_import", args=[school]),
        reverse("school_roster_preview", args=[school, roster_import]),
        reverse("school_roster_template", args=[school]),
        reverse("school_roster_template_csv", args=[school]),
    ]


def posts(s) -> list[tuple[str, dict]]:
    school, class_a, roster_import = s.school_a.pk, s.class_a.pk, s.roster_import.pk
    return [
        (reverse("school_classes", args=[school]), {"grade": 8, "name": "9班"}),
        (reverse("school_class_edit", args=[school, class_a]), {"name": "改名班"}),
        (reverse("school_class_delete", args=[school, class_a]), {}),
        (reverse("school_student_status", args=[school, s.student.pk]), {"active": "0"}),
        (reverse("school_roster_import", args=[school]), {"file": csv_file([])}),
        (reverse("school_roster_commit", args=[school, roster_import]), {}),
    ]


def snapshot() -> tuple:
    return (
        list(SchoolClass.objects.order_by("pk").values_list("pk", "grade", "name")),
        list(Student.objects.order_by("pk").values_list("pk", "name", "active", "school_class")),
        list(RosterImport.objects.order_by("pk").values_list("pk", "committed_at")),
    )


@pytest.mark.parametrize("persona", ALLOWED)
def test_the_pages_open_for_the_school_s_people(client, school_a, persona):
    client.force_login(getattr(school_a, persona))
    for url in pages(school_a):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", REFUSED)
def test_everyone_else_gets_404_and_writes_nothing(client, school_a, persona):
    client.force_login(getattr(school_a, persona))
    before = snapshot()
    for url in pages(school_a):
        assert client.get(url).status_code == 404, url
    for url, data in posts(school_a):
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before


def test_an_import_is_reached_only_through_its_own_school(client, school_a):
    """Coordinator B cannot reach school A's import through school B's address either."""
    client.force_login(school_a.coordinator_b)
    own_school, other_import = school_a.school_b.pk, school_a.roster_import.pk
    preview = reverse("school_roster_preview", args=[own_school, other_import])
    commit = reverse("school_roster_commit", args=[own_school, other_import])
    assert client.get(preview).status_code == 404
    assert client.post(commit).status_code == 404
    school_a.roster_import.refresh_from_db()
    assert not school_a.roster_import.is_committed


def test_a_student_or_class_of_another_school_is_404(client, school_a):
    client.force_login(school_a.coordinator_b)
    school_b = school_a.school_b.pk
    before = snapshot()
    assert (
        client.get(reverse("school_class_edit", args=[school_b, school_a.class_a.pk])).status_code
        == 404
    )
    status = reverse("school_student_status", args=[school_b, school_a.student.pk])
    assert client.post(status, {"active": "0"}).status_code == 404
    assert snapshot() == before


def test_a_city_admin_commits_any_school_s_roster(client, school_a):
    client.force_login(school_a.city_admin)
    commit = reverse("school_roster_commit", args=[school_a.school_a.pk, school_a.roster_import.pk])
    assert client.post(commit).status_code == 302
    school_a.roster_import.refresh_from_db()
    assert school_a.roster_import.committed_by == school_a.city_admin


def test_anonymous_users_are_sent_to_log_in(client, school_a):
    for url in pages(school_a):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))
    for url, data in posts(school_a):
        assert client.post(url, data).status_code == 302, url
