"""Query counts of the dashboards are pinned, and stay the same when a school has more
classes and students, or a district more schools: every figure comes from the kept counts in
a fixed number of queries. The city view ranks every school of the city in the same number
of queries whatever the number of districts."""

import pytest
from django.urls import reverse

from tests.rates.dashboard_builders import grow_school
from tests.school_factories import make_district, make_school

pytestmark = pytest.mark.django_db

SCHOOL_QUERIES = 16
DISTRICT_QUERIES = 14
CITY_QUERIES = 18


def pinned(client, url: str, count: int, assert_num_queries) -> None:
    assert client.get(url).status_code == 200  # warms what a running site keeps
    with assert_num_queries(count):
        assert client.get(url).status_code == 200


def add_schools(district, period, count: int) -> None:
    for number in range(count):
        school = make_school(f"东城第{number + 10}中学", district)
        grow_school(school, period, classes=2, students=4)


def test_the_school_dashboard(client, rated, django_assert_num_queries):
    schools = rated.schools
    client.force_login(schools.coordinator_a)
    url = reverse("school_dashboard", args=[schools.school_a.pk])
    pinned(client, url, SCHOOL_QUERIES, django_assert_num_queries)
    grow_school(schools.school_a, schools.period, classes=6, students=8)
    pinned(client, url, SCHOOL_QUERIES, django_assert_num_queries)


def test_the_district_dashboard(client, rated, django_assert_num_queries):
    schools = rated.schools
    client.force_login(schools.officer)
    url = reverse("district_dashboard", args=[schools.district.pk])
    pinned(client, url, DISTRICT_QUERIES, django_assert_num_queries)
    add_schools(schools.district, schools.period, 5)
    pinned(client, url, DISTRICT_QUERIES, django_assert_num_queries)


def test_the_city_view(client, rated, django_assert_num_queries):
    schools = rated.schools
    client.force_login(schools.city_admin)
    url = reverse("city_rates:index")
    pinned(client, url, CITY_QUERIES, django_assert_num_queries)
    add_schools(schools.district, schools.period, 5)
    add_schools(schools.other_district, schools.period, 3)
    pinned(client, url, CITY_QUERIES, django_assert_num_queries)


def test_the_city_view_whatever_the_number_of_districts(client, rated, django_assert_num_queries):
    client.force_login(rated.schools.city_admin)
    url = reverse("city_rates:index")
    pinned(client, url, CITY_QUERIES, django_assert_num_queries)
    for number in range(4):
        add_schools(make_district(f"新区{number}", sort_order=number + 5), rated.schools.period, 3)
    pinned(client, url, CITY_QUERIES, django_assert_num_queries)
