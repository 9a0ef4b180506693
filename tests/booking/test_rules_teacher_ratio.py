"""A group brings at least one teacher per ``students_per_teacher`` students (1:20 by
default); the refusal says how many teachers the students need."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_group, make_slot, make_venue
from wechat.models import Message


def test_45_students_need_3_teachers(visits):
    schools, slot = visits.schools, visits.slot

    with pytest.raises(
        BookingError, match="每 20 名学生至少需 1 名带队教师：45 名学生至少需 3 名教师"
    ):
        book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=2)
    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)

    booking = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)
    assert (booking.students, booking.teachers, booking.headcount) == (45, 3, 48)


def test_the_ratio_is_the_venues(visits):
    schools = visits.schools
    slot = make_slot(make_venue("西湖区禁毒教育基地", "xihu-base", students_per_teacher=10), at(3))

    with pytest.raises(
        BookingError, match="每 10 名学生至少需 1 名带队教师：21 名学生至少需 3 名教师"
    ):
        book_group(slot, schools.coordinator_a, schools.school_a, students=21, teachers=2)
    assert book_group(slot, schools.coordinator_a, schools.school_a, students=20, teachers=2)
