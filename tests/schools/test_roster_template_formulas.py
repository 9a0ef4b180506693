"""The roster template writes what coordinators typed as text, never as formulas (a class
named "=1+1", a school named "=HYPERLINK(…)"), and its drop-down lists read a hidden sheet,
so a class name with a quote or a comma is offered whole."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.school_factories import make_class, make_school

pytestmark = pytest.mark.django_db

NAMES = ["1,2班", "=1+1", 'A"班', "实验班"]  # as the school lists its classes


@pytest.fixture
def workbook(client, schools):
    school = make_school('=HYPERLINK("http://evil.example","点我")', schools.district)
    for name in NAMES:
        make_class(school, 7, name)
    client.force_login(schools.city_admin)
    response = client.get(reverse("school_roster_template", args=[school.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_names_are_text_not_formulas(workbook):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.value is None or cell.data_type == "s", (sheet.title, cell.value)
    listing = workbook.worksheets[1]
    assert [row[1].value for row in listing.iter_rows(min_row=2)] == NAMES


def test_the_drop_down_lists_read_a_hidden_sheet(workbook):
    roster = workbook.worksheets[0]
    lists = {str(v.sqref): v.formula1 for v in roster.data_validations.dataValidation}
    options = workbook["下拉选项"]
    assert options.sheet_state == "hidden"
    assert lists == {"C2:C10001": "'下拉选项'!$A$1:$A$1", "D2:D10001": "'下拉选项'!$B$1:$B$4"}
    assert [options.cell(row, 2).value for row in range(1, 5)] == NAMES
    assert options["A1"].value == "七年级"
