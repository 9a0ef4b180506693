"""The district dashboard: schools ranked by knowledge rate with participation, the district's
totals (declared enrolments included and marked), the rate over time against the target, and
no student's name."""

import re

import pytest
from django.urls import reverse

from tests.rates.dashboard_html import RATES, cell, page_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def html(client, rated) -> str:
    url = reverse("district_dashboard", args=[rated.schools.district.pk])
    return page_as(client, rated.schools.officer, url)


def rows(html: str) -> dict[int, str]:
    table = html.split('data-table="schools"', 1)[1].split("</tbody>", 1)[0]
    return {int(pk): row for pk, row in re.findall(r'data-school="(\d+)">(.*?)</tr>', table, re.S)}


def test_schools_are_ranked_by_knowledge_rate(html, rated):
    schools = rated.schools
    ranked = list(rows(html))
    assert ranked == [schools.school_a.pk, schools.school_b.pk, rated.school_d.pk]
    by_school = rows(html)
    assert cell(by_school[schools.school_a.pk], "knowledge_rate") == "60.0%"
    assert cell(by_school[schools.school_a.pk], "participation_rate") == "80.0%"
    assert cell(by_school[schools.school_b.pk], "knowledge_rate") == "20.0%"
    assert cell(by_school[schools.school_b.pk], "participation_rate") == "20.0%"


def test_a_school_without_a_roster_is_marked_declared(html, rated):
    row = rows(html)[rated.school_d.pk]
    assert cell(row, "enrolled") == "20 申报"
    assert "东城第三小学（申报）" in html  # its bar's label
    assert "其中 1 所学校尚未导入花名册" in html


def test_the_district_totals_add_up_the_schools(html):
    # 5 + 5 + 20 (declared) enrolled, 4 + 1 answered, 3 + 1 passed, best scores 315 + 95.
    footer = html.split('data-table="schools"', 1)[1].split("<tfoot>", 1)[1]
    assert [cell(footer, name) for name in ("participants", "passed", "not_passed")] == [
        "5",
        "4",
        "26",
    ]
    assert [cell(footer, name) for name in RATES] == ["13.3%", "16.7%", "80.0%", "82.0"]
    assert 'data-to-target="26"' in html


def test_schools_link_to_their_dashboards_and_other_districts_stay_out(html, rated):
    schools = rated.schools
    assert f'href="{reverse("school_dashboard", args=[schools.school_a.pk])}?period=' in html
    assert schools.school_c.name not in html


def test_the_rate_over_time_is_drawn_against_the_target(html):
    timeline = html.split('class="rate-chart rate-timeline"', 1)[1].split("</svg>", 1)[0]
    assert timeline.count("<polyline") == 2
    assert "data-target" in timeline
    # Everyone answered today: the knowledge rate ends at 13.3%.
    assert re.search(r"知晓率截至 \d{4}-\d\d-\d\d：13.3%", timeline)


def test_no_student_is_named(html, rated):
    for student in [*rated.passed_a, rated.failed_a, rated.absent_a]:
        assert student.name not in html and student.number not in html


def test_the_definitions_are_on_the_dashboard(html):
    assert "指标说明" in html and "达标人数 ÷ 参与人数" in html
