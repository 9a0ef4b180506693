"""The 「月度统计」 admin page: the chosen month (a bad one falls back to this month) and
venue, the figures, the trend and district charts, for staff who may list bookings, in a
fixed number of queries."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.checkin import check_in
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PAGE = "booking_figures:index"


@pytest.fixture
def december(visits):
    """A group of 48 that came in full and a public party of 3 that came as 1."""
    group = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    public = book_public(visits.slot, visits.visitor, visitors=3)
    check_in(group, arrived=48, by=visits.staff, now=visits.slot.starts_at)
    check_in(public, arrived=1, by=visits.staff, now=visits.slot.starts_at)
    return visits


def figure(html: str, name: str) -> str:
    return re.search(rf'data-figure="{name}">([^<]+)<', html).group(1)


def test_the_months_figures_and_charts(client, december):
    client.force_login(december.manager)
    html = client.get(reverse(PAGE), {"month": "2026-12"}).content.decode()
    assert "2026年12月 · 全部场馆" in html
    assert figure(html, "arrived") == "49" and "预约 51 人" in html
    assert (figure(html, "groups"), figure(html, "public_parties")) == ("1", "1")
    assert figure(html, "no_show_rate") == "50.0%"
    assert 'data-line="arrived"' in html and 'data-month="2026-01"' in html
    assert 'data-row="东城区"' in html and 'data-table="levels"' in html
    assert "2026年12月：预约 51 人，实到 49 人" in html


def test_one_venue(client, december):
    client.force_login(december.manager)
    html = client.get(reverse(PAGE), {"month": "2026-12", "venue": december.venue.pk})
    assert "2026年12月 · 市禁毒教育基地" in html.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"month": "2026-13"}, {"month": "'; DROP TABLE"}, {"month": "0001-01"}, {"venue": "x"}],
)
def test_a_bad_choice_shows_this_month_of_every_venue(client, december, params):
    client.force_login(december.manager)
    response = client.get(reverse(PAGE), params)
    assert response.status_code == 200
    html = response.content.decode()
    today = timezone.localdate()
    assert f"{today.year}年{today.month}月 · 全部场馆" in html
    assert "没有找到所选的月份或场馆" in html


def test_base_staff_read_it_and_others_are_kept_out(client, december):
    client.force_login(december.staff)
    assert client.get(reverse(PAGE)).status_code == 200
    assert reverse(PAGE) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(december.schools.city_admin)
    assert client.get(reverse(PAGE))["Location"] == reverse("wagtailadmin_home")
    assert reverse(PAGE) not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(december.schools.coordinator_a)
    assert reverse("wagtailadmin_login") in client.get(reverse(PAGE))["Location"]


def test_a_fixed_number_of_queries(client, december, django_assert_num_queries):
    client.force_login(december.manager)
    client.get(reverse(PAGE), {"month": "2026-12"})
    with django_assert_num_queries(14):
        client.get(reverse(PAGE), {"month": "2026-12"})
    for day in (3, 4, 5):
        visitor = make_user(f"visitor{day}@example.cn")
        book_public(make_slot(december.venue, at(day)), visitor)
    with django_assert_num_queries(14):
        client.get(reverse(PAGE), {"month": "2026-12"})
