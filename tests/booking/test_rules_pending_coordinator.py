"""A coordinator whose role is not approved yet cannot book for the school."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_group
from tests.school_factories import make_coordinator
from wechat.models import Message


def test_a_pending_coordinator_is_refused(visits):
    school = visits.schools.school_a
    pending = make_coordinator(school, "new.teacher@example.cn", approved=False)

    with pytest.raises(BookingError, match="只有该校经审核的学校联络员"):
        book_group(visits.slot, pending, school)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)
