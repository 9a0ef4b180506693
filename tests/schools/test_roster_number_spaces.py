"""A student number is kept as identification matches it: spaces removed and full-width
digits made plain, so a student listed as "2026 01" identifies by typing "202601" (or
"2026 01", or "２０２６０１")."""

import pytest

from education.models import Student
from education.roster_import import commit_import, review_import, upload_roster
from education.student_identity import identify
from tests.schools.roster_uploads import csv_file

pytestmark = pytest.mark.django_db


def test_numbers_with_spaces_import_and_identify(schools):
    rows = [["2026 01", "王一", "七年级", "1班"], ["２０２６ ０２", "李二", "七年级", "1班"]]
    roster_import = upload_roster(
        schools.school_a, csv_file(rows), by=schools.coordinator_a, deactivate_missing=False
    )
    commit_import(roster_import, by=schools.coordinator_a)

    assert set(
        Student.objects.filter(name__in=["王一", "李二"]).values_list("number", flat=True)
    ) == {"202601", "202602"}
    for typed in ("202601", "2026 01", "２０２６０１"):
        assert identify(schools.school_a, typed, "王一").name == "王一"


def test_the_same_number_spaced_differently_is_a_duplicate(schools):
    rows = [["2026 01", "王一", "七年级", "1班"], ["202601", "李二", "七年级", "1班"]]
    roster_import = upload_roster(
        schools.school_a, csv_file(rows), by=schools.coordinator_a, deactivate_missing=False
    )
    first, second = review_import(roster_import).rows
    assert first.issue_messages == ["学号与第 3 行重复"]
    assert second.issue_messages == ["学号与第 2 行重复"]
