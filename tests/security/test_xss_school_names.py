"""School, district and class names are text wherever they show: the dashboards with their
SVG charts and rankings, the classes and join pages, the public join page, the booking
pages and the admin listings."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.security import personas
from tests.security.xss_checks import PAYLOAD, SHORT, TINY, assert_escaped, assert_page_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(world):
    school = world.school_b
    school.name = PAYLOAD
    school.save()
    district, school_class = world.objects["district_b"], world.objects["class_b"]
    district.name, school_class.name = SHORT, TINY
    district.save()
    school_class.save()
    return world


@pytest.mark.parametrize(
    ("persona", "name", "argument", "shown"),
    [
        ("officer", "district_dashboard", "district_b", (PAYLOAD, SHORT)),
        ("officer", "school_dashboard", "school_b", (PAYLOAD,)),
        ("coordinator_b", "school_classes", "school_b", (PAYLOAD, TINY)),
        ("coordinator_b", "school_join_sheet", "school_b", (PAYLOAD, TINY)),
        ("coordinator_b", "school_roster", "school_b", (PAYLOAD,)),
        ("officer", "district_coordinators", "district_b", (SHORT,)),
    ],
)
def test_school_pages(named, persona, name, argument, shown):
    assert_page_escaped(named, persona, reverse(name, args=[named.pk_of(argument)]), *shown)


def test_public_join_page(named):
    url = reverse("join_school", args=[named.school_b.join_token])
    assert_escaped(Client().get(url), PAYLOAD)


def test_my_roles_and_bookings(named):
    client = personas.sign_in(Client(), named, "coordinator_b")
    assert_escaped(client.get(reverse("my_roles")), PAYLOAD)
    assert_escaped(client.get(reverse("booking:my_bookings")), PAYLOAD)


@pytest.mark.parametrize(
    "name", ["city_rates:index", "education_schools:index", "booking_bookings:index"]
)
def test_admin_listings(named, name):
    assert_page_escaped(named, "admin", reverse(name), PAYLOAD)
