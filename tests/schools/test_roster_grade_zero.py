"""A grade of zero ("小学0", "初0", "高0", "大0", "0") names no grade: each such row is
reported as an unknown grade, never taken for another class nor a server error."""

import pytest

from education.roster_import import review_import, upload_roster
from education.roster_values import parse_grade
from tests.schools.roster_uploads import csv_file, upload

pytestmark = pytest.mark.django_db

ZEROS = ["小学0", "初0", "初中0年级", "高0", "大0", "0", "０"]


@pytest.mark.parametrize("text", ZEROS)
def test_zero_is_no_grade(text):
    assert parse_grade(text) is None


def test_rows_with_grade_zero_are_reported(schools):
    rows = [[f"07990{n:02d}", f"学生{n}", grade, "1班"] for n, grade in enumerate(ZEROS)]
    roster_import = upload_roster(
        schools.school_a, csv_file(rows), by=schools.coordinator_a, deactivate_missing=False
    )
    report = review_import(roster_import)
    assert [row.status for row in report.rows] == ["error"] * len(ZEROS)
    assert report.rows[0].issue_messages == ["无法识别的年级“小学0”，请写成“七年级”“初一”“高一”等"]


def test_the_preview_page_shows_them(client, schools):
    client.force_login(schools.coordinator_a)
    response = upload(client, schools.school_a, csv_file([["0799001", "王一", "小学0", "1班"]]))
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "无法识别的年级“小学0”" in page.content.decode()
