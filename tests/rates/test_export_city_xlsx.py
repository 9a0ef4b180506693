"""The city's spreadsheet from the admin: the districts and the city's total, then every
school of the city ranked by knowledge rate with its district."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.rates.dashboard_builders import build_rated_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(client):
    rated = build_rated_schools()
    client.force_login(rated.schools.city_admin)
    response = client.get(reverse("city_rates:export"))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_districts_and_the_city_total(book):
    assert book.sheetnames == ["区县", "学校", "说明"]
    header, *rows = book["区县"].iter_rows(values_only=True)
    assert header[:3] == ("区县", "分母", "在册人数")
    assert rows == [
        ("东城区", "申报", 30, 5, 4, 26, 13.3, 16.7, 80, 82),
        ("西湖区", "花名册", 5, 0, 0, 5, 0, 0, 0, 0),
        ("全市合计", "申报", 35, 5, 4, 31, 11.4, 14.3, 80, 82),
    ]


def test_every_school_ranked_with_its_district(book):
    header, *rows = book["学校"].iter_rows(values_only=True)
    assert header[:5] == ("区县", "排名", "学校", "学段", "分母")
    assert [row[:5] for row in rows] == [
        ("东城区", 1, "东城实验中学", "初中", "花名册"),
        ("东城区", 2, "东城第二中学", "初中", "花名册"),
        ("东城区", 3, "东城第三小学", "初中", "申报"),
        ("西湖区", 4, "西湖小学", "小学", "花名册"),
    ]
