"""Staff confirm how many arrived: from one person up to the booked headcount. More people
than booked are not admitted as booked, and nobody arriving is not a check-in; both are
refused with a clear message and nothing is written."""

import pytest

from booking.checkin import check_in
from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import at, book_group

pytestmark = pytest.mark.django_db

DOOR = at(2, 8, 50)


@pytest.fixture
def booking(visits):
    return book_group(
        visits.slot, visits.schools.coordinator_a, visits.schools.school_a, students=45, teachers=3
    )


@pytest.mark.parametrize(
    ("arrived", "message"),
    [
        (49, "实到人数不能超过预约人数（48 人）。超出的人员不在本预约内，请按现场接待另行安排。"),
        (0, "实到人数至少为 1 人；无人到场时请不要签到，场次结束后将自动记为爽约。"),
        (-3, "实到人数至少为 1 人；无人到场时请不要签到，场次结束后将自动记为爽约。"),
    ],
)
def test_out_of_range_is_refused(visits, booking, arrived, message):
    with pytest.raises(BookingError) as refused:
        check_in(booking, arrived=arrived, by=visits.staff, now=DOOR)
    assert refused.value.message == message
    booking.refresh_from_db()
    assert (booking.status, booking.arrived) == (Booking.Status.CONFIRMED, None)


@pytest.mark.parametrize("arrived", [1, 24, 48])
def test_one_up_to_the_headcount_is_accepted(visits, booking, arrived):
    assert check_in(booking, arrived=arrived, by=visits.staff, now=DOOR).arrived == arrived
