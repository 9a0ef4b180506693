"""The district's spreadsheet: its schools ranked as on the dashboard, declared enrolments
marked, the district's total, and no student's name."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.rates.dashboard_builders import build_rated_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(client):
    rated = build_rated_schools()
    client.force_login(rated.schools.officer)
    response = client.get(reverse("district_dashboard_export", args=[rated.schools.district.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_schools_ranked_and_the_total(book):
    assert book.sheetnames == ["学校", "说明"]
    header, *rows = book["学校"].iter_rows(values_only=True)
    assert header[:4] == ("排名", "学校", "学段", "分母")
    assert rows == [
        (1, "东城实验中学", "初中", "花名册", 5, 4, 3, 2, 60, 80, 75, 78.8),
        (2, "东城第二中学", "初中", "花名册", 5, 1, 1, 4, 20, 20, 100, 95),
        (3, "东城第三小学", "初中", "申报", 20, 0, 0, 20, 0, 0, 0, 0),
        (None, "全区合计", None, "申报", 30, 5, 4, 26, 13.3, 16.7, 80, 82),
    ]


def test_no_student_is_named(book):
    text = " ".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
    )
    # Student names are "学生<class>-<n>" (tests.school_factories.make_students).
    assert not re.search(r"学生\d+-\d+", text)
