"""Who sees a district's dashboard: its officers and city admins. Coordinators of its schools
and officers of other districts get a 404, anonymous visitors the login page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def url(district) -> str:
    return reverse("district_dashboard", args=[district.pk])


@pytest.mark.parametrize("persona", ["officer", "city_admin"])
def test_officers_and_city_admins_see_the_district(client, schools, persona):
    client.force_login(getattr(schools, persona))
    response = client.get(url(schools.district))
    assert response.status_code == 200
    assert schools.school_a.name in response.content.decode()


@pytest.mark.parametrize("persona", ["other_officer", "coordinator_a", "coordinator_b"])
def test_others_get_a_404(client, schools, persona):
    client.force_login(getattr(schools, persona))
    assert client.get(url(schools.district)).status_code == 404


def test_the_officer_sees_only_their_district(client, schools):
    client.force_login(schools.officer)
    assert client.get(url(schools.other_district)).status_code == 404
    html = client.get(url(schools.district)).content.decode()
    assert schools.school_c.name not in html


def test_anonymous_visitors_are_sent_to_log_in(client, schools):
    response = client.get(url(schools.district))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
