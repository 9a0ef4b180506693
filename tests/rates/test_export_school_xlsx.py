"""The school's spreadsheet opens with openpyxl: sheet 1 the classes and the school's total,
sheet 2 the students not passed yet, then the notes; names stay text, never formulas."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.school_factories import make_class, make_students

pytestmark = pytest.mark.django_db


def workbook(client, user, school):
    client.force_login(user)
    response = client.get(reverse("school_dashboard_export", args=[school.pk]))
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def values(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_sheets(client, rated):
    book = workbook(client, rated.schools.coordinator_a, rated.schools.school_a)
    assert book.sheetnames == ["班级", "未达标学生", "说明"]


def test_sheet_one_has_the_classes_and_the_total(client, rated):
    school = rated.schools.school_a
    make_class(school, 9, "5班")  # a class with nobody yet
    book = workbook(client, rated.schools.coordinator_a, school)
    header, *rows = values(book["班级"])
    assert header == (
        "年级",
        "班级",
        "在册人数",
        "参与人数",
        "达标人数",
        "未达标人数",
        "知晓率（%）",
        "参与率（%）",
        "及格率（%）",
        "平均分",
    )
    assert rows == [
        ("七年级", "1班", 5, 4, 3, 2, 60, 80, 75, 78.8),
        ("九年级", "5班", 0, 0, 0, 0, 0, 0, 0, 0),
        ("全校合计", None, 5, 4, 3, 2, 60, 80, 75, 78.8),
    ]


def test_sheet_two_lists_the_students_not_passed(client, rated):
    book = workbook(client, rated.schools.coordinator_a, rated.schools.school_a)
    header, *rows = values(book["未达标学生"])
    assert header == ("班级", "学号", "姓名", "最好成绩")
    assert rows == [
        ("七年级1班", rated.failed_a.number, rated.failed_a.name, 60),
        ("七年级1班", rated.absent_a.number, rated.absent_a.name, "未答题"),
    ]


def test_the_notes_say_what_and_when(client, rated):
    book = workbook(client, rated.schools.coordinator_a, rated.schools.school_a)
    notes = dict(row for row in values(book["说明"]) if len(row) == 2 and row[0])
    assert notes["学校"] == "东城实验中学"
    assert notes["统计周期"] == rated.schools.period.name
    assert notes["知晓率目标（%）"] == 100
    assert notes["距目标还需达标人数"] == 2
    assert notes["知晓率"] == "本周期最好成绩达到及格线的在册学生数 ÷ 在册学生数"


def test_names_that_look_like_formulas_stay_text(client, rated):
    school = rated.schools.school_a
    (student,) = make_students(make_class(school, 8, "2班"), 1)
    student.name = '=HYPERLINK("http://example.cn")'
    student.save()
    book = workbook(client, rated.schools.coordinator_a, school)
    sheet = book["未达标学生"]
    cells = [row for row in sheet.iter_rows() if row[2].value == student.name]
    assert cells and all(cell.data_type == "s" for cell in cells[0][:3])
