"""A booking's page: its code, status, slot and headcount and, once confirmed, the QR code
of its check-in address (also to download); only the booker, the school's coordinators and
staff may open it."""

import io

import pytest
import segno
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from booking import qr_codes
from booking.models import Booking
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.school_factories import make_coordinator


@pytest.fixture
def booking(visits) -> Booking:
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    return book_group(slot, schools.coordinator_a, schools.school_a, now=timezone.now())


def page_url(booking) -> str:
    return reverse("booking:booking", args=[booking.code])


def test_the_page_shows_the_booking_and_its_qr_code(client, visits, booking):
    client.force_login(visits.schools.coordinator_a)
    page = client.get(page_url(booking)).content.decode()
    assert booking.code in page
    assert "已确认" in page
    assert "48 人（学生 45 人，教师 3 人）" in page
    assert "东城实验中学" in page
    assert '<svg viewBox="' in page and 'class="visit-qr-code"' in page
    assert reverse("booking:booking_qr", args=[booking.code, "png"]) in page
    assert reverse("booking:booking_ics", args=[booking.code]) in page


def modules_of(png: bytes, size: int) -> list[list[bool]]:
    """The dark modules of a QR code image drawn by segno (a 4-module quiet zone)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    scale = image.width // (size + 8)
    return [
        [
            image.getpixel(((x + 4) * scale + scale // 2, (y + 4) * scale + scale // 2)) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_the_qr_code_holds_the_absolute_check_in_address(client, visits, booking):
    client.force_login(visits.schools.coordinator_a)
    response = client.get(reverse("booking:booking_qr", args=[booking.code, "png"]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="visit-{booking.code}.png"'

    address = f"http://testserver/visit/checkin/{booking.code}/"
    assert reverse("booking:checkin_booking", args=[booking.code]) in address
    expected = segno.make(address, error=qr_codes.ERROR, micro=False)
    size = expected.symbol_size(border=0)[0]
    assert modules_of(response.content, size) == [
        [bool(module) for module in row] for row in expected.matrix
    ]

    svg = client.get(reverse("booking:booking_qr", args=[booking.code, "svg"]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml")


@pytest.mark.parametrize("persona", ["coordinator_b", "officer", "other_officer"])
def test_other_schools_and_officers_get_not_found(client, visits, booking, persona):
    client.force_login(getattr(visits.schools, persona))
    assert client.get(page_url(booking)).status_code == 404
    assert client.get(reverse("booking:booking_qr", args=[booking.code, "png"])).status_code == 404


def test_a_colleague_and_base_staff_may_open_it(client, visits, booking):
    for user in (make_coordinator(visits.schools.school_a, "colleague@example.cn"), visits.staff):
        client.force_login(user)
        assert client.get(page_url(booking)).status_code == 200


def test_another_visitor_gets_not_found_and_anonymous_log_in(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    booking = book_public(slot, visits.visitor, now=timezone.now())
    response = client.get(page_url(booking))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={page_url(booking)}"
    client.force_login(visits.schools.coordinator_a)
    assert client.get(page_url(booking)).status_code == 404
    assert client.get("/visit/booking/NOSUCH22/").status_code == 404


def test_a_booking_waiting_for_approval_has_no_qr_code_yet(client, visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    booking = book_group(slot, schools.coordinator_a, schools.school_a, now=timezone.now())
    client.force_login(schools.coordinator_a)

    page = client.get(page_url(booking)).content.decode()

    assert "待审核" in page and "预约待基地审核" in page
    assert "visit-qr-code" not in page
    assert client.get(reverse("booking:booking_qr", args=[booking.code, "svg"])).status_code == 404
