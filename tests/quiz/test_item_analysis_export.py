"""The report downloads as CSV and XLSX with Chinese headings, percentages and indices
rounded to one decimal, blank where a discrimination is undefined."""

import csv
import io
import statistics

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.quiz.item_analysis_builders import answered_questions, column

pytestmark = pytest.mark.django_db

SHEETS = [[1, 1, 0], [1, 1, 0], [1, 1, 1], [0, 1, 1], [0, 1, 0], [1, 1, 1]]
HEADINGS = ["题目编号", "题目", "类别", "作答人数", "通过率（%）", "区分度", "提示"]


@pytest.fixture
def questions(client):
    client.force_login(make_superuser())
    return answered_questions(SHEETS)


def normalised(rows) -> list[list]:
    """Numbers as floats, blanks as "": CSV writes text, XLSX keeps numbers."""
    result = []
    for row in rows:
        values = []
        for value in row:
            try:
                values.append(float(value))
            except (TypeError, ValueError):
                values.append("" if value is None else str(value))
        result.append(values)
    return result


def expected_rows(questions) -> list[list[str]]:
    rows = []
    for index, question in enumerate(questions):
        scores, rest = column(SHEETS, index)
        facility = round(100 * sum(scores) / len(scores), 1)
        try:
            discrimination = str(round(100 * statistics.correlation(scores, rest), 1))
        except statistics.StatisticsError:
            discrimination = ""
        rows.append(
            [
                str(question.pk),
                question.text,
                "毒品种类",
                str(len(SHEETS)),
                str(facility),
                discrimination,
                "作答人数不足 30",
            ]
        )
    return rows


def test_csv(client, questions):
    response = client.get(reverse("item_analysis:index"), {"export": "csv", "ordering": "answers"})
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADINGS
    assert rows[1:] == expected_rows(questions)


def test_xlsx(client, questions):
    response = client.get(reverse("item_analysis:index"), {"export": "xlsx", "ordering": "answers"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert list(rows[0]) == HEADINGS
    assert normalised(rows[1:]) == normalised(expected_rows(questions))
