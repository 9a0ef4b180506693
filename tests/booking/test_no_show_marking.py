"""After a slot's arrival window, every confirmed booking nobody checked in becomes a
no-show; checked-in and cancelled bookings stay as they are, and nothing is marked early."""

import pytest
from wagtail.models import ModelLogEntry

from booking.checkin import check_in
from booking.models import Booking
from booking.no_shows import mark_no_shows
from booking.services import cancel_booking
from tests.booking_factories import NOW, at, book_group, book_public

pytestmark = pytest.mark.django_db

Status = Booking.Status


@pytest.fixture
def bookings(visits):
    schools = visits.schools
    return {
        "absent": book_group(visits.slot, schools.coordinator_a, schools.school_a),
        "came": book_group(visits.slot, schools.coordinator_b, schools.school_b),
        "cancelled": book_public(visits.slot, visits.visitor),
    }


def statuses(bookings) -> dict[str, str]:
    return {name: Booking.objects.get(pk=b.pk).status for name, b in bookings.items()}


def test_nothing_is_marked_while_the_window_is_open(visits, bookings):
    assert mark_no_shows(now=at(2, 9, 59)) == 0
    assert statuses(bookings)["absent"] == Status.CONFIRMED


def test_unattended_confirmed_bookings_become_no_shows(visits, bookings):
    check_in(bookings["came"], arrived=48, by=visits.staff, now=at(2, 9, 10))
    cancel_booking(bookings["cancelled"], by=visits.visitor, now=NOW)

    assert mark_no_shows(now=at(2, 10, 0)) == 1

    assert statuses(bookings) == {
        "absent": Status.NO_SHOW,
        "came": Status.ATTENDED,
        "cancelled": Status.CANCELLED,
    }
    assert ModelLogEntry.objects.filter(
        action="booking.no_show", object_id=str(bookings["absent"].pk)
    ).exists()
    assert mark_no_shows(now=at(2, 10, 5)) == 0  # the next run finds nothing new


def test_the_slot_counters_no_longer_count_no_shows(visits, bookings):
    check_in(bookings["came"], arrived=48, by=visits.staff, now=at(2, 9, 10))
    mark_no_shows(now=at(3, 0, 0))  # school A and the visitor did not come
    visits.slot.refresh_from_db()
    assert (visits.slot.group_taken, visits.slot.groups_taken) == (48, 1)
    assert visits.slot.public_taken == 0
