"""A coordinator sees every booking of the schools they coordinate (also those a colleague
made) and nothing of other schools or of the public; out of scope is a 404."""

import pytest
from django.http import Http404

from booking.access import booking_or_404, visible_bookings
from tests.booking_factories import book_group, book_public
from tests.school_factories import make_coordinator


def test_a_coordinator_sees_only_their_schools_bookings(visits):
    schools, slot = visits.schools, visits.slot
    colleague = make_coordinator(schools.school_a, "colleague.a@example.cn")
    school_a = book_group(slot, colleague, schools.school_a)
    school_b = book_group(slot, schools.coordinator_b, schools.school_b)
    public = book_public(slot, visits.visitor)

    assert list(visible_bookings(schools.coordinator_a)) == [school_a]
    assert booking_or_404(schools.coordinator_a, school_a.code.lower()) == school_a
    for hidden in (school_b, public):
        with pytest.raises(Http404):
            booking_or_404(schools.coordinator_a, hidden.code)


def test_a_pending_coordinator_sees_nothing_of_the_school(visits):
    schools = visits.schools
    book_group(visits.slot, schools.coordinator_a, schools.school_a)
    pending = make_coordinator(schools.school_a, "pending.a@example.cn", approved=False)

    assert not visible_bookings(pending).exists()
