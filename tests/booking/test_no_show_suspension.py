"""A booker with as many no-shows as the venue's limit (3) within its period (90 days, by
slot start) is suspended for the venue's suspension days (30): a school for its group
bookings, a person for public ones. Partial no-shows count. The booker is told: every
approved coordinator of the school, or the person."""

from datetime import timedelta

import pytest
from wagtail.models import ModelLogEntry

from booking import kinds
from booking.checkin import check_in
from booking.models import Suspension
from booking.no_shows import mark_no_shows
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.school_factories import make_coordinator
from wechat.models import Message

pytestmark = pytest.mark.django_db


def skip_visit(visits, day: int, *, public: bool = False):
    """School A (or the visitor) books the slot at 14:00 ``day`` days after NOW, two days
    ahead, and nobody comes; the no-show job runs at 16:00."""
    start = at(day, 14)
    slot = make_slot(visits.venue, start)
    if public:
        booking = book_public(slot, visits.visitor, now=start - timedelta(days=2))
    else:
        schools = visits.schools
        booking = book_group(
            slot, schools.coordinator_a, schools.school_a, now=start - timedelta(days=2)
        )
    mark_no_shows(now=at(day, 16))
    return booking


def test_limit_minus_one_no_shows_do_not_suspend(visits):
    for day in (2, 9):
        skip_visit(visits, day)
    assert not Suspension.objects.exists()


def test_the_limit_within_the_period_suspends_the_school(visits):
    for day in (2, 9, 16):
        skip_visit(visits, day)
    suspension = Suspension.objects.get()
    assert (suspension.school, suspension.user) == (visits.schools.school_a, None)
    assert suspension.starts_at == at(16, 16)
    assert suspension.ends_at == at(16, 16) + timedelta(days=30)
    assert suspension.reason == "90天内爽约3次"
    assert suspension.created_by is None
    assert ModelLogEntry.objects.filter(
        action="booking.suspend", object_id=str(suspension.pk)
    ).exists()


def test_no_shows_outside_the_period_do_not_count(visits):
    for day in (2, 50, 95):  # day 2 is more than 90 days before day 95
        skip_visit(visits, day)
    assert not Suspension.objects.exists()


def test_the_venue_sets_limit_period_and_length(visits):
    visits.venue.no_show_limit = 2
    visits.venue.no_show_period_days = 7
    visits.venue.suspension_days = 14
    visits.venue.save()
    skip_visit(visits, 2)
    skip_visit(visits, 10)
    assert not Suspension.objects.exists()
    skip_visit(visits, 15)
    suspension = Suspension.objects.get()
    assert suspension.ends_at - suspension.starts_at == timedelta(days=14)
    assert suspension.reason == "7天内爽约2次"


def test_a_partial_no_show_counts_when_checked_in(visits):
    skip_visit(visits, 2)
    skip_visit(visits, 9)
    slot = make_slot(visits.venue, at(16, 14))
    schools = visits.schools
    booking = book_group(slot, schools.coordinator_a, schools.school_a, now=at(14, 14))
    check_in(booking, arrived=10, by=visits.staff, now=at(16, 14))  # 10 of 48
    assert Suspension.objects.get().starts_at == at(16, 14)


def test_every_approved_coordinator_of_the_school_is_told(visits):
    schools = visits.schools
    second = make_coordinator(schools.school_a, "teacher.a2@example.cn")
    make_coordinator(schools.school_a, "teacher.a3@example.cn", approved=False)
    for day in (2, 9, 16):
        skip_visit(visits, day)
    told = Message.objects.filter(kind=kinds.SUSPENDED)
    assert set(told.values_list("user", flat=True)) == {schools.coordinator_a.pk, second.pk}
    assert "东城实验中学因90天内爽约3次，暂停预约参观至" in told.first().payload["body"]


def test_a_person_is_suspended_for_public_no_shows(visits):
    for day in (2, 9, 16):
        skip_visit(visits, day, public=True)
    suspension = Suspension.objects.get()
    assert (suspension.school, suspension.user) == (None, visits.visitor)
    assert list(Message.objects.filter(kind=kinds.SUSPENDED).values_list("user", flat=True)) == [
        visits.visitor.pk
    ]


def test_a_running_suspension_is_not_doubled(visits):
    visits.venue.max_open_per_school = 5
    visits.venue.save()
    schools = visits.schools
    slots = [make_slot(visits.venue, at(day, 14)) for day in (2, 3, 4, 5)]
    for slot in slots:  # all booked before the first visit
        book_group(slot, schools.coordinator_a, schools.school_a)
    for day in (2, 3, 4, 5):
        mark_no_shows(now=at(day, 16))
    assert Suspension.objects.count() == 1
