"""Only a booking's booker cancels or changes it on the site: staff who may see every
booking (door staff, viewers, managers) read its page without the forms, are pointed to the
admin, and a cancel or change they post is a 404 that changes nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from booking.access import booker_booking_or_404, booker_bookings
from booking.models import Booking
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.factories import make_user


@pytest.fixture
def booking(visits) -> Booking:
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    return book_group(slot, schools.coordinator_a, schools.school_a, now=timezone.now())


def make_viewer():
    viewer = make_user("viewer@example.cn", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_booking"])
    )
    return viewer


def staff_of(visits):
    return {"door staff": visits.staff, "manager": visits.manager, "viewer": make_viewer()}


def test_the_booker_gets_the_forms(client, visits, booking):
    client.force_login(visits.schools.coordinator_a)
    page = client.get(reverse("booking:booking", args=[booking.code])).content.decode()
    assert reverse("booking:booking_cancel", args=[booking.code]) in page
    assert reverse("booking:booking_change", args=[booking.code]) in page
    assert reverse("booking_bookings:inspect", args=[booking.pk]) not in page


def test_staff_read_the_page_without_the_forms(client, visits, booking):
    for name, user in staff_of(visits).items():
        client.force_login(user)
        response = client.get(reverse("booking:booking", args=[booking.code]))
        page = response.content.decode()
        assert response.status_code == 200, name
        assert booking.code in page and "东城实验中学" in page
        assert reverse("booking:booking_cancel", args=[booking.code]) not in page, name
        assert reverse("booking:booking_change", args=[booking.code]) not in page, name
        assert "已过取消和修改截止时间" not in page
        assert reverse("booking_bookings:inspect", args=[booking.pk]) in page


def test_staff_cannot_cancel_or_change_on_the_site(client, visits, booking):
    for name, user in staff_of(visits).items():
        client.force_login(user)
        cancel = reverse("booking:booking_cancel", args=[booking.code])
        change = reverse("booking:booking_change", args=[booking.code])
        assert client.post(cancel, {"reason": "工作人员误操作"}).status_code == 404, name
        assert client.post(change, {"students": 10, "teachers": 1}).status_code == 404, name
    booking.refresh_from_db()
    assert (booking.status, booking.headcount) == (Booking.Status.CONFIRMED, 48)


def test_the_booker_scope_is_the_persons_public_bookings_and_the_schools(visits, booking):
    schools, slot = visits.schools, visits.slot
    public = book_public(slot, visits.visitor)
    own_public = book_public(slot, visits.staff)
    assert set(booker_bookings(visits.staff)) == {own_public}
    assert set(booker_bookings(visits.visitor)) == {public}
    assert set(booker_bookings(schools.coordinator_a)) == {booking}
    assert booker_booking_or_404(visits.visitor, f" {public.code.lower()} ") == public
