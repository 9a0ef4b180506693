"""Large rosters: 10,000 students import in one go; a file of 50,000 rows is refused at row
10,001 without the rest of it being read, in XLSX and in CSV, and nothing is written."""

import pytest

from education.models import RosterImport, Student
from education.roster_files import MAX_ROWS, RosterFileError, read_roster
from tests.schools.roster_uploads import (
    commit_url,
    csv_file,
    sheet_xml_xlsx,
    upload,
    upload_file,
)

pytestmark = pytest.mark.django_db

TOO_MANY = "文件中的学生超过 10000 行。请按年级拆分成几个文件，分别上传。"


def rows(count: int) -> list[list[str]]:
    return [[f"2026{n:06d}", f"学生{n}", "七年级", "1班"] for n in range(count)]


@pytest.fixture(scope="module")
def fifty_thousand() -> list[list[str]]:
    return rows(50_000)


def test_a_50000_row_xlsx_is_refused_and_nothing_is_written(client, schools, fifty_thousand):
    before = Student.objects.count()
    client.force_login(schools.coordinator_a)

    response = upload(
        client, schools.school_a, upload_file("全校.xlsx", sheet_xml_xlsx(fifty_thousand))
    )

    assert TOO_MANY in response.content.decode()
    assert not RosterImport.objects.exists()
    assert Student.objects.count() == before


def test_reading_stops_at_the_row_over_the_limit(fifty_thousand):
    """The sheet's XML is cut off after row 10,100: a reader that went on to the end, or
    loaded the whole workbook, would find it damaged instead."""
    content = sheet_xml_xlsx(fifty_thousand, cut_after=MAX_ROWS + 100)
    with pytest.raises(RosterFileError) as refusal:
        read_roster(upload_file("全校.xlsx", content))
    assert refusal.value.message == TOO_MANY


def test_a_50000_row_csv_is_refused(client, schools, fifty_thousand):
    client.force_login(schools.coordinator_a)
    response = upload(client, schools.school_a, csv_file(fifty_thousand, bom=True))
    assert TOO_MANY in response.content.decode()
    assert not RosterImport.objects.exists()


def test_10000_students_import_in_one_go(client, schools):
    client.force_login(schools.coordinator_a)
    response = upload(client, schools.school_a, csv_file(rows(MAX_ROWS)))
    roster_import = RosterImport.objects.get()
    assert response.status_code == 302

    client.post(commit_url(roster_import))

    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == MAX_ROWS + 2  # and the two students already there
    assert (
        Student.objects.filter(school=schools.school_a, number__startswith="2026").count()
        == MAX_ROWS
    )
