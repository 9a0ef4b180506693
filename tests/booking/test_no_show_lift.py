"""A suspended booker cannot book, and is told until when and why; staff can lift the
suspension, after which the booker books again, and the no-shows that caused it are not
counted again."""

from datetime import timedelta

import pytest
from wagtail.models import ModelLogEntry

from booking.errors import BookingError
from booking.models import Booking, Suspension
from booking.no_shows import lift_suspension, mark_no_shows
from tests.booking_factories import at, book_group, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def suspended(visits):
    """One no-show suspends at this venue: school A misses the slot at 14:00 on day 2."""
    visits.venue.no_show_limit = 1
    visits.venue.save()
    schools = visits.schools
    missed = make_slot(visits.venue, at(2, 14))
    book_group(missed, schools.coordinator_a, schools.school_a)
    mark_no_shows(now=at(2, 16))
    return Suspension.objects.get()


def book_day_5(visits, now):
    slot = make_slot(visits.venue, at(5, 14))
    return book_group(slot, visits.schools.coordinator_a, visits.schools.school_a, now=now)


def test_a_suspended_school_is_refused_with_the_reason(visits, suspended):
    with pytest.raises(BookingError) as refused:
        book_day_5(visits, now=at(3, 10))
    assert (
        refused.value.message
        == "东城实验中学的预约资格已暂停至 2027-01-08 16:00（90天内爽约1次）。"
    )
    assert not Booking.objects.filter(slot__starts_at=at(5, 14)).exists()


def test_other_schools_still_book(visits, suspended):
    schools = visits.schools
    slot = make_slot(visits.venue, at(5, 14))
    booking = book_group(slot, schools.coordinator_b, schools.school_b, now=at(3, 10))
    assert booking.status == Booking.Status.CONFIRMED


def test_after_staff_lift_it_the_school_books_again(visits, suspended):
    lifted = lift_suspension(suspended, by=visits.manager, now=at(3, 9))
    assert (lifted.lifted_at, lifted.lifted_by) == (at(3, 9), visits.manager)
    assert ModelLogEntry.objects.filter(action="booking.lift", object_id=str(suspended.pk))
    assert book_day_5(visits, now=at(3, 10)).status == Booking.Status.CONFIRMED


def test_a_lifted_suspension_cannot_be_lifted_again(visits, suspended):
    lift_suspension(suspended, by=visits.manager, now=at(3, 9))
    with pytest.raises(BookingError) as refused:
        lift_suspension(suspended, by=visits.manager, now=at(3, 10))
    assert refused.value.message == "该暂停已于 2026-12-10 09:00 解除。"


def test_an_ended_suspension_needs_no_lifting(visits, suspended):
    with pytest.raises(BookingError) as refused:
        lift_suspension(suspended, by=visits.manager, now=suspended.ends_at + timedelta(hours=1))
    assert refused.value.message == "该暂停已于 2027-01-08 16:00 到期，无需解除。"
    suspended.refresh_from_db()
    assert suspended.lifted_at is None


def test_the_counted_no_shows_do_not_count_again(visits, suspended):
    visits.venue.no_show_limit = 2
    visits.venue.save()
    lift_suspension(suspended, by=visits.manager, now=at(3, 9))
    book_day_5(visits, now=at(3, 10))
    mark_no_shows(now=at(5, 16))  # the second no-show in 90 days, the first since lifting
    assert Suspension.objects.count() == 1
