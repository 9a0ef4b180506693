"""Importing again updates students by number (name, class, back on the roster) and never
duplicates them; with "停用本名册中没有的学生" ticked, active students the file does not list
are taken off the roster, and the school's rates follow in the same transaction."""

import pytest
from django.utils import timezone

from education.models import RateCount, Result, RosterImport, Student
from education.rate_counts import recount_school
from tests.school_factories import make_class
from tests.schools.roster_uploads import commit_url, csv_file, preview_url, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(client, schools):
    """School A's two students, and three more imported from a file."""
    make_class(schools.school_a, 7, "2班")
    client.force_login(schools.coordinator_a)
    old = [
        [s.number, s.name, "七年级", "1班"] for s in Student.objects.filter(school=schools.school_a)
    ]
    rows = old + [[f"079900{n}", f"新生{n}", "七年级", "2班"] for n in range(1, 4)]
    import_and_commit(client, schools.school_a, rows)
    return rows


def import_and_commit(client, school, rows, *, deactivate_missing=False) -> RosterImport:
    upload(client, school, csv_file(rows), deactivate_missing=deactivate_missing)
    roster_import = RosterImport.objects.latest("pk")
    client.post(commit_url(roster_import))
    roster_import.refresh_from_db()
    assert roster_import.is_committed
    return roster_import


def test_the_same_file_again_changes_nothing(client, schools, imported):
    before = list(
        Student.objects.order_by("pk").values_list("pk", "number", "name", "school_class")
    )

    roster_import = import_and_commit(client, schools.school_a, imported)

    assert roster_import.report["counts"] == {
        "new": 0,
        "updated": 0,
        "unchanged": 5,
        "error": 0,
        "absent": 0,
    }
    assert (
        list(Student.objects.order_by("pk").values_list("pk", "number", "name", "school_class"))
        == before
    )


def test_names_and_classes_are_updated_without_duplicates(client, schools, imported):
    rows = [list(row) for row in imported]
    rows[0][1] = "改名了"
    rows[2][3] = "1班"
    count = Student.objects.count()

    roster_import = import_and_commit(client, schools.school_a, rows)

    assert Student.objects.count() == count
    assert Student.objects.get(number=rows[0][0]).name == "改名了"
    assert Student.objects.get(number=rows[2][0]).school_class.name == "1班"
    assert roster_import.report["counts"]["updated"] == 2
    sizes = dict(schools.school_a.classes.values_list("name", "roster_size"))
    assert sizes == {"1班": 3, "2班": 2}


def test_an_inactive_student_listed_again_is_back_on_the_roster(client, schools, imported):
    Student.objects.filter(number=imported[3][0]).update(active=False)

    roster_import = import_and_commit(client, schools.school_a, imported)

    assert Student.objects.get(number=imported[3][0]).active
    assert roster_import.report["rows"][0]["changes"] == [{"field": "active"}]


def test_absent_students_stay_unless_asked(client, schools, imported):
    url = preview_url(upload_only(client, schools.school_a, imported[2:]))
    html = client.get(url).content.decode()
    assert "另有 2 名在册学生不在本文件中" in html

    client.post(commit_url(RosterImport.objects.latest("pk")))

    assert Student.objects.filter(school=schools.school_a, active=True).count() == 5


def test_absent_students_are_deactivated_when_asked(client, schools, imported):
    absent = [row[0] for row in imported[:2]]
    roster_import = upload_only(client, schools.school_a, imported[2:], deactivate_missing=True)
    html = client.get(preview_url(roster_import)).content.decode()
    assert '<div data-count="deactivated"><dt>将停用</dt><dd>2</dd></div>' in html
    assert "将停用的学生" in html

    client.post(commit_url(roster_import))

    assert set(Student.objects.filter(active=False).values_list("number", flat=True)) == set(absent)
    assert Student.objects.filter(school=schools.school_b, active=True).count() == 2
    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == 3


def test_the_rates_follow_the_deactivation(client, schools, imported):
    leaving = Student.objects.get(number=imported[0][0])
    now = timezone.now()
    Result.objects.create(
        student=leaving,
        period=schools.period,
        attempts=1,
        first_score=90,
        best_score=90,
        passed=True,
        first_attempt_at=now,
        first_passed_at=now,
    )
    recount_school(schools.school_a)
    count = RateCount.objects.get(school_class=leaving.school_class, period=schools.period)
    assert (count.participants, count.passed) == (1, 1)

    import_and_commit(client, schools.school_a, imported[1:], deactivate_missing=True)

    counted = RateCount.objects.filter(school_class=leaving.school_class, period=schools.period)
    assert not counted.filter(participants__gt=0).exists()


def upload_only(client, school, rows, *, deactivate_missing=False) -> RosterImport:
    upload(client, school, csv_file(rows), deactivate_missing=deactivate_missing)
    return RosterImport.objects.latest("pk")
