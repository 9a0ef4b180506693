"""Who sees a school's dashboard: its approved coordinators, the officers of its district and
city admins; everyone else gets a 404, anonymous visitors the login page."""

import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.school_factories import make_coordinator

pytestmark = pytest.mark.django_db


def url(school) -> str:
    return reverse("school_dashboard", args=[school.pk])


@pytest.mark.parametrize("persona", ["coordinator_a", "officer", "city_admin"])
def test_people_in_scope_see_the_school(client, schools, persona):
    client.force_login(getattr(schools, persona))
    response = client.get(url(schools.school_a))
    assert response.status_code == 200
    assert schools.school_a.name in response.content.decode()


@pytest.mark.parametrize("persona", ["coordinator_b", "other_officer"])
def test_people_out_of_scope_get_a_404(client, schools, persona):
    client.force_login(getattr(schools, persona))
    assert client.get(url(schools.school_a)).status_code == 404


def test_a_pending_coordinator_and_a_plain_user_get_a_404(client, schools):
    client.force_login(make_coordinator(schools.school_a, "pending@example.cn", approved=False))
    assert client.get(url(schools.school_a)).status_code == 404
    client.force_login(make_user("visitor@example.cn"))
    assert client.get(url(schools.school_a)).status_code == 404


def test_an_unknown_school_is_a_404(client, schools):
    client.force_login(schools.city_admin)
    assert client.get(reverse("school_dashboard", args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, schools):
    response = client.get(url(schools.school_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
