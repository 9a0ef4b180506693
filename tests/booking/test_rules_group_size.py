"""A group counts between the venue's minimum and maximum persons, teachers included, with
at least one student and one teacher in charge."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_group
from wechat.models import Message


@pytest.mark.parametrize(
    ("students", "teachers", "error"),
    [
        (8, 1, "团体人数须在 10 至 60 人之间（含教师），现为 9 人"),
        (58, 3, "团体人数须在 10 至 60 人之间（含教师），现为 61 人"),
        (15, 0, "团体须至少有 1 名学生和 1 名带队教师"),
        (0, 12, "团体须至少有 1 名学生和 1 名带队教师"),
    ],
    ids=["too-small", "too-big", "no-teacher", "no-student"],
)
def test_a_group_outside_the_size_rules_is_refused(visits, students, teachers, error):
    schools = visits.schools

    with pytest.raises(BookingError, match=error):
        book_group(
            visits.slot,
            schools.coordinator_a,
            schools.school_a,
            students=students,
            teachers=teachers,
        )

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


@pytest.mark.parametrize(("students", "teachers"), [(9, 1), (57, 3)], ids=["smallest", "biggest"])
def test_a_group_at_the_size_limits_is_booked(visits, students, teachers):
    schools = visits.schools

    booking = book_group(
        visits.slot, schools.coordinator_a, schools.school_a, students=students, teachers=teachers
    )

    assert booking.headcount == students + teachers
