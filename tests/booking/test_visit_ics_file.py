"""A booking's .ics file: one event at the slot's time in Asia/Shanghai, at the venue, with
the booking code, offered as an attachment; none for a cancelled booking."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking
from booking.services import cancel_booking
from tests.booking_factories import at, book_public, make_slot


@pytest.fixture
def booking(visits) -> Booking:
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()), minutes=90)
    return book_public(slot, visits.visitor, visitors=4, now=timezone.now())


def ics_of(client, booking):
    return client.get(reverse("booking:booking_ics", args=[booking.code]))


def test_the_calendar_file_holds_the_visit(client, visits, booking):
    client.force_login(visits.visitor)
    response = ics_of(client, booking)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="visit-{booking.code}.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    (zone,) = calendar.walk("VTIMEZONE")
    shanghai = ZoneInfo("Asia/Shanghai")
    assert event["UID"] == f"booking-{booking.code}@testserver"
    assert event["DTSTART"].params["TZID"] == event["DTEND"].params["TZID"] == "Asia/Shanghai"
    assert zone["TZID"] == "Asia/Shanghai"
    assert event.decoded("DTSTART") == booking.slot.starts_at.astimezone(shanghai)
    assert event.decoded("DTSTART").hour == 14
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert event["LOCATION"] == "江州市东城区禁毒路 1 号"
    assert event["SUMMARY"] == "参观市禁毒教育基地"
    description = str(event["DESCRIPTION"])
    assert f"预约码：{booking.code}" in description
    assert "人数：4 人" in description
    assert f"http://testserver/visit/booking/{booking.code}/" in description


def test_no_calendar_file_for_a_cancelled_booking_or_a_stranger(client, visits, booking):
    client.force_login(visits.schools.coordinator_a)
    assert ics_of(client, booking).status_code == 404
    cancel_booking(booking, by=visits.visitor)
    client.force_login(visits.visitor)
    assert ics_of(client, booking).status_code == 404
