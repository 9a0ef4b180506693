"""A booking as an .ics calendar file (RFC 5545), for the visitor's phone calendar: the
slot's start and end in Asia/Shanghai with its VTIMEZONE, the venue's address, the booking
code and the booking page's address."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from booking.models import Booking

PRODUCT = "-//jindu//booking//ZH"


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


def booking_calendar(booking: Booking, page_url: str, host: str) -> bytes:
    slot, venue = booking.slot, booking.slot.venue
    event = Event()
    event.add("uid", f"booking-{booking.code}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", _local(slot.starts_at))
    event.add("dtend", _local(slot.ends_at))
    event.add("summary", _("参观%(venue)s") % {"venue": venue.name})
    event.add("location", venue.address)
    event.add("url", page_url)
    event.add(
        "description",
        "\n".join(
            [
                _("预约码：%(code)s") % {"code": booking.code},
                _("人数：%(count)s 人") % {"count": booking.headcount},
                _("预约人：%(who)s") % {"who": booking.who},
                _("基地电话：%(phone)s") % {"phone": venue.phone},
                _("预约详情：%(url)s") % {"url": page_url},
            ]
        ),
    )
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def filename(booking: Booking) -> str:
    return f"visit-{booking.code}.ics"
