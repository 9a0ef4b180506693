"""The city view: the city's rate against the target, the districts (table and chart), the
rate over time, the schools at the top and the bottom of the ranking linked to their
dashboards, and the export."""

import re

import pytest
from django.urls import reverse

from tests.rates.dashboard_html import page_as
from tests.school_factories import make_school

pytestmark = pytest.mark.django_db


def page(client, rated) -> str:
    return page_as(client, rated.schools.city_admin, reverse("city_rates:index"))


def table(html: str, name: str) -> str:
    return html.split(f'data-table="{name}"', 1)[1].split("</table>", 1)[0]


def test_the_city_against_the_target(client, rated):
    html = page(client, rated)
    assert "达标 4 / 在册 35 人" in html and 'data-to-target="31"' in html
    assert html.count('class="rate-chart rate-gauge"') == 1
    assert "指标说明" in html
    period = rated.schools.period
    assert f"{reverse('city_rates:export')}?period={period.pk}" in html


def test_the_districts_table_and_chart(client, rated):
    html = page(client, rated)
    districts = table(html, "districts")
    assert re.findall(r'data-district="(\d+)"', districts) == [
        str(rated.schools.district.pk),
        str(rated.schools.other_district.pk),
    ]
    assert reverse("district_dashboard", args=[rated.schools.district.pk]) in districts
    bars = html.split('class="rate-chart rate-bars"', 1)[1].split("</svg>", 1)[0]
    assert bars.count("<g data-row>") == 2 and "东城区" in bars and "西湖区" in bars


def test_the_rate_over_time(client, rated):
    html = page(client, rated)
    timeline = html.split('class="rate-chart rate-timeline"', 1)[1].split("</svg>", 1)[0]
    assert timeline.count("<polyline") == 2
    assert re.search(r"知晓率截至 \d{4}-\d\d-\d\d：11.4%", timeline)


def test_few_schools_are_ranked_in_one_list(client, rated):
    html = page(client, rated)
    top = table(html, "top")
    assert len(re.findall(r'data-school="(\d+)"', top)) == 4
    assert 'data-table="bottom"' not in html
    assert reverse("school_dashboard", args=[rated.schools.school_a.pk]) in top


def test_many_schools_show_the_top_and_the_bottom(client, rated):
    for number in range(20):
        make_school(f"西湖第{number + 1:02d}小学", rated.schools.other_district)
    html = page(client, rated)
    top = re.findall(r'data-school="(\d+)"', table(html, "top"))
    bottom = re.findall(r'data-school="(\d+)"', table(html, "bottom"))
    assert len(top) == len(bottom) == 10 and not set(top) & set(bottom)
    assert top[:2] == [str(rated.schools.school_a.pk), str(rated.schools.school_b.pk)]
    # The lowest first: all at 0%, so the last by name.
    lowest = table(html, "bottom").split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "西湖第20小学" in lowest
