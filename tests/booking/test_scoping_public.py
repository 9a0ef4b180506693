"""A member of the public sees only their own bookings; someone else, or an anonymous
visitor, sees none of them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from booking.access import booking_or_404, visible_bookings
from tests.booking_factories import book_group, book_public
from tests.factories import make_user


def test_a_person_sees_only_their_own_bookings(visits):
    schools = visits.schools
    mine = book_public(visits.slot, visits.visitor)
    book_group(visits.slot, schools.coordinator_a, schools.school_a)
    neighbour = make_user("neighbour@example.cn")

    assert list(visible_bookings(visits.visitor)) == [mine]
    assert not visible_bookings(neighbour).exists()
    assert not visible_bookings(AnonymousUser()).exists()
    for outsider in (neighbour, AnonymousUser()):
        with pytest.raises(Http404):
            booking_or_404(outsider, mine.code)
