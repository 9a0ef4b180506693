"""The commit applies a previewed roster all at once or not at all: one bad row (row 3 of 5)
and nothing is written; the rows are checked again against the data of the moment of the
commit; it records who committed and when, keeps the roster sizes current, and runs once."""

import pytest

from education.models import RosterImport, Student
from tests.school_factories import make_class
from tests.schools.roster_uploads import commit_url, csv_file, preview_url, upload

pytestmark = pytest.mark.django_db

FIVE = [
    ["0799001", "王一", "七年级", "1班"],
    ["0799002", "王二", "七年级", "1班"],
    ["0799003", "王三", "七年级", "1班"],
    ["0799004", "王四", "七年级", "2班"],
    ["0799005", "王五", "初一", "(2)班"],
]


def students_of(school) -> list[tuple]:
    return list(
        Student.objects.filter(school=school)
        .order_by("number")
        .values_list("number", "name", "school_class", "active")
    )


@pytest.fixture
def coordinator(client, schools):
    make_class(schools.school_a, 7, "2班")
    client.force_login(schools.coordinator_a)
    return schools.coordinator_a


def test_an_error_in_row_3_of_5_writes_nothing(client, schools, coordinator):
    rows = [list(row) for row in FIVE]
    rows[2][3] = "5班"
    before = students_of(schools.school_a)
    upload(client, schools.school_a, csv_file(rows))
    roster_import = RosterImport.objects.get()

    response = client.post(commit_url(roster_import), follow=True)

    assert "名册中有 1 行有问题，请修改文件后重新上传。" in response.content.decode()
    assert students_of(schools.school_a) == before
    roster_import.refresh_from_db()
    assert roster_import.committed_at is None
    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == 2


def test_a_clean_roster_is_committed_and_recorded(client, schools, coordinator):
    upload(client, schools.school_a, csv_file(FIVE))
    roster_import = RosterImport.objects.get()

    response = client.post(commit_url(roster_import), follow=True)

    html = response.content.decode()
    assert "名册已导入：新增 5 人，更新 0 人，停用 0 人。" in html
    assert "这份名册已导入。" in html
    assert [row[:2] for row in students_of(schools.school_a)][-5:] == [tuple(r[:2]) for r in FIVE]
    roster_import.refresh_from_db()
    assert roster_import.committed_by == coordinator
    assert roster_import.committed_at is not None
    assert roster_import.report["counts"]["new"] == 5
    assert [row["number"] for row in roster_import.report["rows"]] == [r[0] for r in FIVE]
    assert roster_import.rows == []  # the roster holds the rows now
    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == 7
    sizes = dict(schools.school_a.classes.values_list("name", "roster_size"))
    assert sizes == {"1班": 5, "2班": 2}


def test_a_roster_is_committed_only_once(client, schools, coordinator):
    upload(client, schools.school_a, csv_file(FIVE))
    roster_import = RosterImport.objects.get()
    client.post(commit_url(roster_import))
    Student.objects.filter(number="0799001").update(name="改过的名字")

    response = client.post(commit_url(roster_import), follow=True)

    assert "这份名册已经导入过了，不能重复导入。" in response.content.decode()
    assert Student.objects.get(number="0799001").name == "改过的名字"


def test_the_commit_checks_the_rows_again(client, schools, coordinator):
    """The preview was clean, but the class was renamed before the commit."""
    upload(client, schools.school_a, csv_file(FIVE))
    roster_import = RosterImport.objects.get()
    assert "确认导入" in client.get(preview_url(roster_import)).content.decode()
    schools.school_a.classes.filter(name="2班").update(name="3班")
    before = students_of(schools.school_a)

    response = client.post(commit_url(roster_import), follow=True)

    assert "名册中有 2 行有问题" in response.content.decode()
    assert students_of(schools.school_a) == before


def test_commit_needs_a_post(client, schools, coordinator):
    upload(client, schools.school_a, csv_file(FIVE))
    assert client.get(commit_url(RosterImport.objects.get())).status_code == 405
    assert Student.objects.filter(number="0799001").count() == 0
