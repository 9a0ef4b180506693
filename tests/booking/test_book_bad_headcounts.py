"""Negative and absurd headcounts are refused with a clear message, and nothing is written:
no booking, no message."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Pool
from booking.services import book_visit
from tests.booking_factories import NOW, group_party, public_party
from wechat.models import Message


@pytest.mark.parametrize(
    ("pool", "counts", "error"),
    [
        (Pool.GROUP, {"students": -5}, "人数不能为负数"),
        (Pool.GROUP, {"teachers": -1}, "人数不能为负数"),
        (Pool.GROUP, {"students": 10**9}, "现为 1000000003 人"),
        (Pool.GROUP, {"students": 40000, "teachers": 2000}, "现为 42000 人"),
        (Pool.PUBLIC, {"visitors": -1}, "人数不能为负数"),
        (Pool.PUBLIC, {"visitors": 10**9}, "现为 1000000000 人"),
        (Pool.PUBLIC, {"visitors": 40000}, "现为 40000 人"),
    ],
)
def test_a_bad_headcount_is_refused(visits, pool, counts, error):
    schools = visits.schools
    if pool == Pool.GROUP:
        party, by = group_party(schools.school_a, **counts), schools.coordinator_a
    else:
        party, by = public_party(**counts), visits.visitor

    with pytest.raises(BookingError, match=error):
        book_visit(visits.slot, pool=pool, party=party, by=by, key="form-1", now=NOW)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)
