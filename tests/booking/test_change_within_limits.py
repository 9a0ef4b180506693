"""A booker changes how many come, within the venue's limits: group size, teacher ratio,
party size. The slot's counters follow."""

import pytest

from booking.errors import BookingError
from booking.services import change_headcount
from tests.booking_factories import NOW, book_group, book_public


def test_a_group_grows_and_shrinks_within_the_limits(visits):
    schools, slot = visits.schools, visits.slot
    booking = book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)

    change_headcount(booking, by=schools.coordinator_a, students=50, now=NOW)
    booking.refresh_from_db()
    assert (booking.students, booking.teachers, booking.headcount) == (50, 3, 53)

    change_headcount(booking, by=schools.coordinator_a, students=30, teachers=2, now=NOW)
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert (booking.headcount, slot.group_taken) == (32, 32)


@pytest.mark.parametrize(
    ("counts", "error"),
    [
        ({"students": 41, "teachers": 2}, "41 名学生至少需 3 名教师"),
        ({"students": 58}, "现为 61 人"),
        ({"teachers": 0}, "至少有 1 名学生和 1 名带队教师"),
        ({"students": -3}, "至少有 1 名学生"),
        ({"students": 10**9}, "团体人数须在 10 至 60 人之间"),
    ],
)
def test_a_group_change_outside_the_limits_is_refused(visits, counts, error):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)

    with pytest.raises(BookingError, match=error):
        change_headcount(booking, by=schools.coordinator_a, now=NOW, **counts)

    booking.refresh_from_db()
    assert booking.headcount == 48


def test_a_public_party_changes_within_its_bounds(visits):
    booking = book_public(visits.slot, visits.visitor, visitors=3)

    change_headcount(booking, by=visits.visitor, visitors=5, now=NOW)
    with pytest.raises(BookingError, match="个人/家庭预约每单 1 至 5 人，现为 6 人"):
        change_headcount(booking, by=visits.visitor, visitors=6, now=NOW)

    booking.refresh_from_db()
    assert booking.visitors == 5
