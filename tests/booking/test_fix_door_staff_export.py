"""Door staff hold only ``booking.check_in_booking``: they list the bookings and open one to
check it in, but may not export the list (names and phone numbers of every booking); only
booking managers export."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.booking_factories import book_group, book_public
from tests.factories import make_user

INDEX = "booking_bookings:index"


@pytest.fixture
def booked(visits):
    schools = visits.schools
    return [
        book_group(visits.slot, schools.coordinator_a, schools.school_a),
        book_public(visits.slot, visits.visitor),
    ]


def export_links(html: str) -> list[bool]:
    return ["export=csv" in html, "export=xlsx" in html]


def test_door_staff_do_not_hold_view_booking(visits):
    assert visits.staff.has_perm("booking.check_in_booking")
    assert not visits.staff.has_perm("booking.view_booking")


def test_door_staff_list_and_open_bookings_without_export(client, visits, booked):
    client.force_login(visits.staff)
    response = client.get(reverse(INDEX))
    html = response.content.decode()
    assert response.status_code == 200
    assert all(booking.code in html for booking in booked)
    assert export_links(html) == [False, False]
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(reverse("booking_bookings:inspect", args=[booked[0].pk])).content.decode()
    assert 'data-action-form="check_in"' in page
    assert reverse("booking_bookings:history", args=[booked[0].pk]) not in page


@pytest.mark.parametrize("spreadsheet", ["csv", "xlsx"])
def test_door_staff_and_viewers_may_not_export(client, visits, booked, spreadsheet):
    viewer = make_user("viewer@example.cn", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_booking"])
    )
    for user in (visits.staff, viewer):
        client.force_login(user)
        response = client.get(reverse(INDEX), {"export": spreadsheet})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert export_links(client.get(reverse(INDEX)).content.decode()) == [False, False]
    assert not ModelLogEntry.objects.filter(action="booking.export").exists()


def test_managers_export(client, visits, booked):
    client.force_login(visits.manager)
    assert export_links(client.get(reverse(INDEX)).content.decode()) == [True, True]
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert all(booking.code in body for booking in booked)
    assert ModelLogEntry.objects.filter(action="booking.export", user=visits.manager).exists()
