"""The city view in the Wagtail admin, its menu item and its export are for users with
``education.view_city_rates`` (the city office) and superusers only."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.rates.dashboard_builders import admin_editor
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    return build_schools(students_per_class=1)


def menu_shows_rates(client) -> bool:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return reverse("city_rates:index") in html


@pytest.mark.parametrize("user", ["city_admin", "superuser"])
def test_the_city_office_sees_the_view_and_its_menu_item(client, schools, user):
    client.force_login(schools.city_admin if user == "city_admin" else make_superuser())
    response = client.get(reverse("city_rates:index"))
    assert response.status_code == 200
    assert "全市学生毒品知晓率" in response.content.decode()
    assert menu_shows_rates(client)


def test_other_admin_users_are_turned_away(client, schools):
    client.force_login(admin_editor())
    assert not menu_shows_rates(client)
    for url in (reverse("city_rates:index"), reverse("city_rates:export")):
        response = client.get(url)
        assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("persona", ["officer", "coordinator_a"])
def test_officers_and_coordinators_are_not_admin_users(client, schools, persona):
    client.force_login(getattr(schools, persona))
    response = client.get(reverse("city_rates:index"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_anonymous_visitors_are_sent_to_log_in(client, schools):
    response = client.get(reverse("city_rates:index"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
