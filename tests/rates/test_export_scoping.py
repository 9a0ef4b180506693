"""The spreadsheets are scoped as their dashboards: a school's (with students' names) for its
coordinators, its district's officers and city admins; a district's for its officers and
city admins; the city's for the city office in the admin."""

import pytest
from django.urls import reverse

from education.rate_exports import CONTENT_TYPE
from tests.rates.dashboard_builders import admin_editor

pytestmark = pytest.mark.django_db


def school_export(schools) -> str:
    return reverse("school_dashboard_export", args=[schools.school_a.pk])


def district_export(schools) -> str:
    return reverse("district_dashboard_export", args=[schools.district.pk])


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator_a", 200),
        ("officer", 200),
        ("city_admin", 200),
        ("coordinator_b", 404),
        ("other_officer", 404),
    ],
)
def test_school_export(client, schools, persona, status):
    client.force_login(getattr(schools, persona))
    response = client.get(school_export(schools))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == CONTENT_TYPE
        assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("officer", 200),
        ("city_admin", 200),
        ("coordinator_a", 404),
        ("other_officer", 404),
    ],
)
def test_district_export(client, schools, persona, status):
    client.force_login(getattr(schools, persona))
    assert client.get(district_export(schools)).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client, schools):
    for url in (school_export(schools), district_export(schools)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_city_export_is_for_the_city_office(client, schools):
    url = reverse("city_rates:export")
    client.force_login(schools.city_admin)
    assert client.get(url).status_code == 200
    client.force_login(admin_editor())
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    client.force_login(schools.officer)
    assert client.get(url)["Location"].startswith(reverse("wagtailadmin_login"))
