"""The waiting lists in the admin: a read-only listing of who waits for which slot, filtered
by status, pool, venue and day, for staff with the permission only."""

import pytest
from django.urls import reverse

from booking.waitlist import withdraw
from tests.booking_factories import (
    NOW,
    at,
    book_group,
    book_public,
    make_slot,
    wait_group,
    wait_public,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db

INDEX = "booking_waitlist:index"


@pytest.fixture
def entries(visits):
    """School B waits for the full group pool of one slot; a person waits for the full
    public pool of another, a day later, then withdraws."""
    schools = visits.schools
    full = make_slot(visits.venue, at(3), group_capacity=50, public_capacity=3)
    book_group(full, schools.coordinator_a, schools.school_a)
    group = wait_group(
        full,
        schools.coordinator_b,
        schools.school_b,
        students=30,
        teachers=2,
        contact_name="孙老师",
    )
    later = make_slot(visits.venue, at(4), public_capacity=3)
    book_public(later, visits.visitor)
    person = make_user("waiting@example.cn")
    public = wait_public(later, person, visitors=2, contact_name="周先生")
    withdraw(public, by=person, now=NOW)
    return {"group": group, "public": public}


def test_the_listing_shows_who_waits_for_what(client, visits, entries):
    client.force_login(visits.manager)
    html = client.get(reverse(INDEX)).content.decode()
    assert "东城第二中学 · 孙老师" in html and "周先生" in html
    assert reverse("booking_waitlist:inspect", args=[entries["group"].pk]) in html
    page = client.get(reverse("booking_waitlist:inspect", args=[entries["group"].pk]))
    assert "孙老师" in page.content.decode()


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"status": "waiting"}, "孙老师", "周先生"),
        ({"pool": "public"}, "周先生", "孙老师"),
        ({"day_from": "2026-12-11", "day_to": "2026-12-11"}, "周先生", "孙老师"),
        ({"q": "孙老师"}, "孙老师", "周先生"),
    ],
)
def test_filters(client, visits, entries, params, shown, hidden):
    client.force_login(visits.manager)
    html = client.get(reverse(INDEX), params).content.decode()
    assert shown in html and hidden not in html


def test_no_forms_change_an_entry(client, visits, entries):
    client.force_login(visits.manager)
    pk = entries["group"].pk
    for path in ("new/", f"edit/{pk}/", f"delete/{pk}/"):
        assert client.get(f"/admin/booking/waitlist/{path}").status_code == 404


def test_a_coordinator_is_kept_out(client, visits, entries):
    client.force_login(visits.schools.coordinator_b)
    assert reverse("wagtailadmin_login") in client.get(reverse(INDEX))["Location"]
