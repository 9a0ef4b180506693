"""Taking students off the roster shrinks the rate's denominator, so the dashboards say how
many have left: ``recount_school`` keeps ``School.off_roster``, ``rebuild_rates`` checks it,
the school dashboard shows 「已离册 N 人」 and the district dashboard a column of them."""

import pytest
from django.urls import reverse

from education.models import School
from education.rate_counts import recount_school
from tests.rates.dashboard_html import cell, page_as
from tests.rates.rebuild_runs import rebuild

pytestmark = pytest.mark.django_db


def take_off_roster(school_class, count: int) -> None:
    for student in school_class.students.order_by("number")[:count]:
        student.active = False
        student.save()
    recount_school(school_class.school)


def test_recount_keeps_the_number_off_the_roster(rated):
    schools = rated.schools
    take_off_roster(schools.class_a, 2)
    schools.school_a.refresh_from_db()
    assert (schools.school_a.roster_size, schools.school_a.off_roster) == (3, 2)
    schools.school_b.refresh_from_db()
    assert schools.school_b.off_roster == 0


def test_rebuild_reports_and_fixes_a_wrong_count(rated):
    schools = rated.schools
    take_off_roster(schools.class_a, 1)
    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]
    School.objects.filter(pk=schools.school_a.pk).update(off_roster=5)

    lines = rebuild()

    assert lines == ["学校 东城实验中学：已离册人数 5 → 1", "共 1 处差异，已全部修正。"]
    assert School.objects.get(pk=schools.school_a.pk).off_roster == 1


def test_the_school_dashboard_says_how_many_left(client, rated):
    schools = rated.schools
    url = reverse("school_dashboard", args=[schools.school_a.pk])
    assert "data-off-roster" not in page_as(client, schools.coordinator_a, url)
    take_off_roster(schools.class_a, 2)
    html = page_as(client, schools.coordinator_a, url)
    assert 'data-off-roster="2"' in html and "已离册 2 人" in html


def test_the_district_dashboard_has_a_column_of_them(client, rated):
    schools = rated.schools
    take_off_roster(schools.class_a, 2)
    url = reverse("district_dashboard", args=[schools.district.pk])
    html = page_as(client, schools.officer, url)
    table = html.split('data-table="schools"', 1)[1].split("</table>", 1)[0]
    assert "已离册" in table.split("</thead>", 1)[0]
    row_a = table.split(f'data-school="{schools.school_a.pk}"', 1)[1].split("</tr>", 1)[0]
    row_b = table.split(f'data-school="{schools.school_b.pk}"', 1)[1].split("</tr>", 1)[0]
    footer = table.split("<tfoot>", 1)[1]
    assert [cell(row, "off_roster") for row in (row_a, row_b, footer)] == ["2", "0", "2"]
