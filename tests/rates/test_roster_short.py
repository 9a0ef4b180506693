"""The rate's denominator is the roster: a roster smaller than 90% of a school's declared
enrolment (when one is declared) is flagged on the school's and the district's dashboards."""

import pytest
from django.urls import reverse

from education.models import School
from tests.rates.dashboard_html import page_as

pytestmark = pytest.mark.django_db

FLAG = "花名册人数少于申报在校生数"


def declare(school, enrolment: int) -> None:
    School.objects.filter(pk=school.pk).update(declared_enrolment=enrolment)


def school_page(client, rated) -> str:
    url = reverse("school_dashboard", args=[rated.schools.school_a.pk])
    return page_as(client, rated.schools.coordinator_a, url)


def district_row(client, rated, school) -> str:
    url = reverse("district_dashboard", args=[rated.schools.district.pk])
    html = page_as(client, rated.schools.officer, url)
    return html.split(f'data-school="{school.pk}"', 1)[1].split("</tr>", 1)[0]


@pytest.mark.parametrize(("declared", "flagged"), [(6, True), (5, False), (0, False)])
def test_the_school_dashboard_flags_a_short_roster(client, rated, declared, flagged):
    declare(rated.schools.school_a, declared)  # 5 on the roster: 5 < 0.9 × 6
    html = school_page(client, rated)
    assert ("data-roster-short" in html) is flagged
    assert (FLAG in html) is flagged


def test_the_district_dashboard_flags_the_school(client, rated):
    declare(rated.schools.school_a, 40)
    assert FLAG in district_row(client, rated, rated.schools.school_a)
    assert FLAG not in district_row(client, rated, rated.schools.school_b)
    # A school without a roster is measured against its declared enrolment: no flag.
    assert FLAG not in district_row(client, rated, rated.school_d)
