"""A group booking may name one of the school's classes, never a class of another school."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_group
from wechat.models import Message


def test_a_class_of_another_school_is_refused(visits):
    schools = visits.schools

    with pytest.raises(BookingError, match="所选班级不属于该校"):
        book_group(
            visits.slot, schools.coordinator_a, schools.school_a, school_class=schools.class_b
        )

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_the_schools_own_class_is_kept(visits):
    schools = visits.schools

    booking = book_group(
        visits.slot, schools.coordinator_a, schools.school_a, school_class=schools.class_a
    )

    assert booking.school_class == schools.class_a
