"""Only an approved coordinator of a school books for it: the coordinator of school B naming
school A in the request is refused."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_group
from wechat.models import Message


def test_a_coordinator_cannot_book_for_another_school(visits):
    schools = visits.schools

    with pytest.raises(BookingError, match="只有该校经审核的学校联络员才能为学校预约团体参观"):
        book_group(visits.slot, schools.coordinator_b, schools.school_a)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_a_member_of_the_public_cannot_book_a_group(visits):
    with pytest.raises(BookingError, match="只有该校经审核的学校联络员"):
        book_group(visits.slot, visits.visitor, visits.schools.school_a)

    assert not Booking.objects.exists()
