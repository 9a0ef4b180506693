"""Contacts of visits past BOOKING_RETENTION_DAYS are removed (name, phone, notes of
bookings and waiting-list entries), recent ones kept; the monthly figures do not change."""

import datetime

import pytest

from booking.models import Booking, WaitlistEntry
from booking.monthly_figures import month_figures
from booking.retention import purge_contacts
from tests.booking_factories import (
    at,
    book_group,
    book_public,
    build_visits,
    make_slot,
    wait_public,
)


def _figures(month):
    figures = month_figures(month)
    return figures.totals, figures.districts, figures.levels, figures.trend


@pytest.mark.django_db
def test_old_contacts_go_figures_stay():
    visits = build_visits()
    schools = visits.schools
    old = book_group(visits.slot, schools.coordinator_a, schools.school_a, notes="请安排讲解员")
    book_public(visits.slot, visits.visitor)
    full = make_slot(visits.venue, at(3), public_capacity=2)
    book_public(full, visits.visitor, visitors=2)
    waiting = wait_public(full, schools.coordinator_b, visitors=2)
    later = make_slot(visits.venue, at(9))
    recent = book_public(later, schools.coordinator_b)
    month = at(2).date().replace(day=1)
    before = _figures(month)

    purge_time = at(9) - datetime.timedelta(hours=1) + datetime.timedelta(days=730)
    done = purge_contacts(now=purge_time)

    assert done == {"bookings": 3, "waitlist": 1}
    old.refresh_from_db()
    assert (old.contact_name, old.phone, old.notes) == ("", "", "")
    assert old.headcount == 48 and old.school_id == schools.school_a.pk
    assert WaitlistEntry.objects.get(pk=waiting.pk).phone == ""
    assert Booking.objects.get(pk=recent.pk).phone == "13900000002"
    assert _figures(month) == before
    assert purge_contacts(now=purge_time) == {"bookings": 0, "waitlist": 0}
