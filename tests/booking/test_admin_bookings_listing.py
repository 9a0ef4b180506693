"""The bookings listing of the admin: open to door staff (``check_in_booking``) and staff with
``view_booking`` or ``change_booking``, not to a school's coordinator; filtered by status,
pool, venue, the slot's day and the school's district; searched by code, contact and school
name; a fixed number of queries however many rows."""

import pytest
from django.urls import reverse

from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import NOW, at, book_group, book_public, make_slot, make_venue
from tests.factories import make_user
from tests.school_factories import make_coordinator

pytestmark = pytest.mark.django_db

INDEX = "booking_bookings:index"


@pytest.fixture
def bookings(visits):
    """Three bookings: school A's group and a public party on the fixture's slot, school C's
    group (another district) at a district base three days later, cancelled."""
    schools = visits.schools
    group_a = book_group(
        visits.slot, schools.coordinator_a, schools.school_a, contact_name="王老师"
    )
    public = book_public(visits.slot, visits.visitor, contact_name="李女士")
    coordinator_c = make_coordinator(schools.school_c, "teacher.c@example.cn")
    district_base = make_venue("西湖区禁毒教育基地", "xihu-base", district=schools.other_district)
    later = make_slot(district_base, at(5))
    group_c = book_group(later, coordinator_c, schools.school_c, contact_name="赵老师")
    cancel_booking(group_c, by=coordinator_c, now=NOW)
    return {"group_a": group_a, "public": public, "group_c": group_c}


def codes(response) -> set[str]:
    html = response.content.decode()
    return {code for code in Booking.objects.values_list("code", flat=True) if code in html}


def test_base_staff_see_every_booking(client, visits, bookings):
    client.force_login(visits.staff)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    assert codes(response) == {b.code for b in bookings.values()}
    html = response.content.decode()
    assert "东城实验中学 · 王老师" in html and "西湖区禁毒教育基地" in html


def test_a_coordinator_is_kept_out(client, visits, bookings):
    client.force_login(visits.schools.coordinator_a)
    response = client.get(reverse(INDEX))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_admin_users_without_booking_permissions_are_denied(client, visits, bookings):
    client.force_login(visits.schools.city_admin)
    response = client.get(reverse(INDEX))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not codes(client.get(response["Location"]))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "cancelled"}, {"group_c"}),
        ({"pool": "public"}, {"public"}),
        ({"day_from": "2026-12-10", "day_to": "2026-12-31"}, {"group_c"}),
        ({"day_from": "2026-12-09", "day_to": "2026-12-09"}, {"group_a", "public"}),
        ({"q": "李女士"}, {"public"}),
        ({"q": "西湖小学"}, {"group_c"}),
    ],
)
def test_filters_and_search(client, visits, bookings, params, expected):
    client.force_login(visits.manager)
    response = client.get(reverse(INDEX), params)
    assert codes(response) == {bookings[name].code for name in expected}


def test_filters_by_venue_and_district(client, visits, bookings):
    client.force_login(visits.manager)
    by_venue = client.get(reverse(INDEX), {"venue": visits.venue.pk})
    assert codes(by_venue) == {bookings["group_a"].code, bookings["public"].code}
    by_district = client.get(reverse(INDEX), {"district": visits.schools.district.pk})
    assert codes(by_district) == {bookings["group_a"].code}


def test_search_by_code(client, visits, bookings):
    client.force_login(visits.manager)
    code = bookings["group_c"].code
    assert codes(client.get(reverse(INDEX), {"q": code.lower()})) == {code}


def test_no_add_edit_or_delete_pages(client, visits, bookings):
    client.force_login(visits.manager)
    html = client.get(reverse(INDEX)).content.decode()
    pk = bookings["group_a"].pk
    assert reverse("booking_bookings:inspect", args=[pk]) in html
    assert f"/admin/booking/bookings/edit/{pk}/" not in html
    for path in ("new/", f"edit/{pk}/", f"delete/{pk}/"):
        assert client.get(f"/admin/booking/bookings/{path}").status_code == 404


def test_the_listing_runs_a_fixed_number_of_queries(
    client, visits, bookings, django_assert_num_queries
):
    client.force_login(visits.manager)
    client.get(reverse(INDEX))  # warm the caches of the admin shell
    with django_assert_num_queries(13):
        client.get(reverse(INDEX))
    for hour in (11, 13, 15):
        slot = make_slot(visits.venue, at(3, hour))
        book_public(slot, make_user(f"visitor{hour}@example.cn"), now=NOW)
    with django_assert_num_queries(13):
        response = client.get(reverse(INDEX))
    assert len(codes(response)) == 6
