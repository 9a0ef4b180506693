"""An empty contact, and names, phones or notes longer than their fields, are refused with
a clear message and nothing is written; the longest allowed values are kept."""

import pytest

from booking.errors import BookingError
from booking.models import Booking
from tests.booking_factories import book_group, book_public
from wechat.models import Message


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"contact_name": "   "}, "请填写联系人和联系电话"),
        ({"phone": ""}, "请填写联系人和联系电话"),
        ({"contact_name": "张" * 41}, "联系人或联系电话过长"),
        ({"phone": "1" * 21}, "联系人或联系电话过长"),
        ({"notes": "备" * 501}, "备注最多 500 字"),
    ],
    ids=["blank-contact", "empty-phone", "long-contact", "long-phone", "long-notes"],
)
def test_bad_text_is_refused(visits, fields, reason):
    schools = visits.schools

    with pytest.raises(BookingError, match=reason):
        book_group(visits.slot, schools.coordinator_a, schools.school_a, **fields)
    with pytest.raises(BookingError, match=reason):
        book_public(visits.slot, visits.visitor, **fields)

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_the_longest_values_are_kept_trimmed(visits):
    booking = book_public(
        visits.slot,
        visits.visitor,
        contact_name=f" {'李' * 40} ",
        phone=f"{'1' * 20} ",
        notes="备" * 500,
    )

    booking.refresh_from_db()
    assert (booking.contact_name, booking.phone, booking.notes) == ("李" * 40, "1" * 20, "备" * 500)
