"""Booking as an individual or a family: a signed-in visitor books up to the venue's party
size; a refusal of the booking service shows its message, and nothing is written."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking, Pool, Slot
from tests.booking_factories import at, book_public, make_slot
from tests.factories import make_user


@pytest.fixture
def slot(visits) -> Slot:
    return make_slot(visits.venue, at(3, 14, base=timezone.now()), public_capacity=6)


def post(client, slot, **changes):
    data = {"key": uuid.uuid4().hex, "contact_name": "李女士", "phone": "13900000002"}
    data["visitors"] = 3
    return client.post(reverse("booking:book_public", args=[slot.pk]), {**data, **changes})


def test_a_visitor_books_for_a_family(client, visits, slot):
    client.force_login(visits.visitor)
    response = post(client, slot, phone="+86 139 0000 0002")
    booking = Booking.objects.get()
    assert response["Location"] == reverse("booking:booking", args=[booking.code])
    assert (booking.pool, booking.user, booking.visitors, booking.phone) == (
        Pool.PUBLIC,
        visits.visitor,
        3,
        "13900000002",
    )


def test_anonymous_visitors_log_in_first_and_come_back(client, visits, slot):
    url = reverse("booking:book_public", args=[slot.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"
    assert post(client, slot).status_code == 302
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("visitors", "message"),
    [(0, "参观人数至少为 1 人"), (-2, "参观人数至少为 1 人"), (6, "参观人数不能超过 5 人")],
)
def test_party_sizes_outside_the_venue_limits_are_refused(client, visits, slot, visitors, message):
    client.force_login(visits.visitor)
    response = post(client, slot, visitors=visitors)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_full_slot_refuses_with_the_places_left(client, visits, slot):
    book_public(slot, make_user("neighbour@example.cn"), visitors=5, now=timezone.now())
    client.force_login(visits.visitor)

    response = post(client, slot, visitors=2)

    assert response.status_code == 409
    assert "名额只剩 1 人" in response.content.decode()
    assert Booking.objects.filter(user=visits.visitor).count() == 0
