"""The day before a visit, from 09:00, each confirmed booking's booker is reminded once.
Bookings made (or approved) after that moment get no reminder: their confirmation is
fresh. Cancelled and pending bookings get none, and nothing goes out earlier."""

import pytest

from booking import kinds
from booking.models import Booking
from booking.reminders import send_reminders
from booking.services import approve_booking, cancel_booking
from tests.booking_factories import NOW, at, book_group, book_public
from wechat.models import Message

pytestmark = pytest.mark.django_db

# visits.slot is on day 2 at 09:00: reminders for it go out from day 1 at 09:00.
REMINDER_TIME = at(1, 9, 0)


def reminded() -> list[int]:
    return list(Message.objects.filter(kind=kinds.REMINDER).values_list("user", flat=True))


def test_one_reminder_from_nine_the_day_before(visits):
    booking = book_public(visits.slot, visits.visitor)
    assert send_reminders(now=at(0, 23, 0)) == 0
    assert send_reminders(now=at(1, 8, 59)) == 0

    assert send_reminders(now=REMINDER_TIME) == 1
    assert send_reminders(now=at(1, 9, 5)) == 0

    booking.refresh_from_db()
    assert booking.reminded_at == REMINDER_TIME
    assert reminded() == [visits.visitor.pk]
    assert "明天参观" in Message.objects.get(kind=kinds.REMINDER).payload["subject"]


def test_a_later_run_the_same_day_still_reminds(visits):
    book_public(visits.slot, visits.visitor)
    assert send_reminders(now=at(1, 17, 0)) == 1


def test_no_reminder_on_the_visit_day(visits):
    book_public(visits.slot, visits.visitor)
    assert send_reminders(now=at(2, 8, 0)) == 0


def test_a_booking_made_after_nine_the_day_before_gets_none(visits):
    booking = book_public(visits.slot, visits.visitor)
    Booking.objects.filter(pk=booking.pk).update(created_at=at(1, 9, 30))
    assert send_reminders(now=at(1, 10, 0)) == 0
    assert reminded() == []


def test_cancelled_bookings_get_none(visits):
    booking = book_public(visits.slot, visits.visitor)
    cancel_booking(booking, by=visits.visitor, now=NOW)
    assert send_reminders(now=REMINDER_TIME) == 0


def test_pending_groups_get_none_and_late_approvals_neither(visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    schools = visits.schools
    early = book_group(visits.slot, schools.coordinator_a, schools.school_a)
    late = book_group(visits.slot, schools.coordinator_b, schools.school_b)
    approve_booking(early, by=visits.manager, now=at(0, 15))
    assert send_reminders(now=REMINDER_TIME) == 1  # the late one is still pending

    approve_booking(late, by=visits.manager, now=at(1, 9, 30))
    assert send_reminders(now=at(1, 10)) == 0
    assert reminded() == [schools.coordinator_a.pk]
