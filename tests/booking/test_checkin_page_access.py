"""The check-in pages are for base staff. Anonymous visitors are sent to log in. Anyone
else who opens a check-in link (a booker scanning their own QR code) is sent to the
booking's own page if it is theirs, and gets a 404 otherwise; nobody else checks a booking
in. The list page tells a logged-in non-staff user it is for staff."""

import pytest
from django.urls import reverse

from booking.models import Booking
from tests.booking_factories import book_group, book_public

pytestmark = pytest.mark.django_db

LIST_URL = reverse("booking:checkin")


@pytest.fixture
def group(visits):
    return book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)


@pytest.fixture
def public(visits):
    return book_public(visits.slot, visits.visitor)


def checkin_url(booking) -> str:
    return reverse("booking:checkin_booking", args=[booking.code])


def own_page(booking) -> str:
    return reverse("booking:booking", args=[booking.code])


def test_anonymous_visitors_are_sent_to_log_in(client, group):
    for response in (
        client.get(LIST_URL),
        client.get(checkin_url(group)),
        client.post(checkin_url(group), {"arrived": 48}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["visitor", "coordinator_a", "officer"])
def test_the_list_is_for_staff_only(client, visits, persona):
    user = getattr(visits, persona, None) or getattr(visits.schools, persona)
    client.force_login(user)
    response = client.get(LIST_URL, {"code": "ABCDEFGH"})
    assert response.status_code == 403
    assert "入口签到仅供基地工作人员使用" in response.content.decode()


def test_a_booker_scanning_their_own_code_sees_their_booking(client, visits, group, public):
    client.force_login(visits.visitor)
    response = client.get(checkin_url(public))
    assert (response.status_code, response["Location"]) == (302, own_page(public))
    client.force_login(visits.schools.coordinator_a)
    response = client.get(checkin_url(group).lower())
    assert (response.status_code, response["Location"]) == (302, own_page(group))


def test_other_bookings_are_not_found(client, visits, group, public):
    client.force_login(visits.visitor)
    assert client.get(checkin_url(group)).status_code == 404
    client.force_login(visits.schools.coordinator_b)
    assert client.get(checkin_url(group)).status_code == 404
    assert client.get(checkin_url(public)).status_code == 404


def test_a_booker_cannot_check_their_booking_in(client, visits, group):
    client.force_login(visits.schools.coordinator_a)
    response = client.post(checkin_url(group), {"arrived": 48})
    assert (response.status_code, response["Location"]) == (302, own_page(group))
    assert Booking.objects.get(pk=group.pk).status == Booking.Status.CONFIRMED


@pytest.mark.parametrize("persona", ["staff", "manager"])
def test_staff_and_booking_managers_use_both_pages(client, visits, group, persona):
    client.force_login(getattr(visits, persona))
    assert client.get(LIST_URL).status_code == 200
    assert client.get(checkin_url(group)).status_code == 200
