"""The admin dashboard panel: the city's current rate against the target for the city office,
nothing for other admin users; a pinned number of queries."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from education.rate_admin import CityRatePanel
from tests.rates.dashboard_builders import admin_editor

pytestmark = pytest.mark.django_db

PANEL_QUERIES = 5


def test_the_city_office_sees_the_city_rate(client, rated):
    client.force_login(rated.schools.city_admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split("data-city-rate", 1)[1].split("</section>", 1)[0]
    assert "知晓率 <strong>11.4%</strong>（目标 100%），参与率 14.3%。" in panel
    assert "还需 31 名学生达标。" in panel
    assert reverse("city_rates:index") in panel


def test_other_admin_users_do_not(client, rated):
    client.force_login(admin_editor())
    assert "data-city-rate" not in client.get(reverse("wagtailadmin_home")).content.decode()


def render(user) -> str:
    request = RequestFactory().get("/admin/")
    request.user = user
    return CityRatePanel(request).render_html({"request": request})


def test_the_panel_query_count_is_pinned(rated, django_assert_num_queries):
    user = rated.schools.city_admin
    render(user)  # loads the user's permissions and creates the settings row
    with django_assert_num_queries(PANEL_QUERIES):
        assert "data-city-rate" in render(user)
