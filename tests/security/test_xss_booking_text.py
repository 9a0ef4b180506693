"""What bookers type (a group's notes and teacher in charge, a public party's name, a
lecturer request's topic and notes) is text on the booking's page, the door's pages, the
day sheet and the admin."""

import uuid

import pytest
from django.urls import reverse

from booking.models import Pool
from booking.services import PartyDetails, book_visit
from tests.factories import make_user
from tests.security.xss_checks import PAYLOAD, SHORT, assert_page_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def typed(world):
    booking = world.objects["booking"]
    booking.notes, booking.contact_name = PAYLOAD, SHORT
    booking.save()
    party = PartyDetails(visitors=2, contact_name="李女士", phone="13900000002")
    public = book_visit(
        world.objects["slot"],
        pool=Pool.PUBLIC,
        party=party,
        by=make_user("visitor@example.cn"),
        key=uuid.uuid4().hex,
    )
    public.contact_name = SHORT
    public.save()
    talk = world.objects["talk"]
    talk.notes, talk.topic = PAYLOAD, SHORT
    talk.save()
    return world


def _url(world, name: str, *words: str) -> str:
    return reverse(name, args=[world.value(word) for word in words])


@pytest.mark.parametrize(
    ("persona", "name", "words", "shown"),
    [
        ("coordinator_a", "booking:booking", ["booking_code"], (PAYLOAD, SHORT)),
        ("coordinator_a", "booking:my_bookings", [], ()),
        ("staff", "booking:checkin_booking", ["booking_code"], (SHORT,)),
        ("staff", "slot_calendar:day", ["venue", "slot_day"], (SHORT,)),
        ("staff", "slot_calendar:index", [], ()),
        ("staff", "booking_bookings:index", [], (SHORT,)),
        ("staff", "booking_bookings:inspect", ["booking"], (PAYLOAD, SHORT)),
        ("coordinator_a", "booking:lecturer_request", ["talk"], (PAYLOAD, SHORT)),
        ("coordinator_a", "booking:lecturer_requests", [], (SHORT,)),
        ("admin", "booking_lecturer_requests:index", [], (SHORT,)),
        ("admin", "booking_lecturer_requests:inspect", ["talk"], (PAYLOAD, SHORT)),
    ],
)
def test_booking_text(typed, persona, name, words, shown):
    assert_page_escaped(typed, persona, _url(typed, name, *words), *shown)
