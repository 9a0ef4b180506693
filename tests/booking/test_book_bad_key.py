"""Every submission carries an idempotency key; an empty or overlong one is refused (the
form is stale) and nothing is written."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Pool
from booking.services import book_visit
from tests.booking_factories import NOW, public_party
from wechat.models import Message


@pytest.mark.parametrize("key", ["", "   ", None, "k" * 65], ids=["empty", "blank", "none", "long"])
def test_a_bad_key_is_refused(visits, key):
    with pytest.raises(BookingError, match="表单已失效，请刷新页面后重新提交"):
        book_visit(
            visits.slot, pool=Pool.PUBLIC, party=public_party(), by=visits.visitor, key=key, now=NOW
        )

    assert (Booking.objects.count(), Message.objects.count()) == (0, 0)


def test_the_longest_key_is_taken(visits):
    booking = book_visit(
        visits.slot,
        pool=Pool.PUBLIC,
        party=public_party(),
        by=visits.visitor,
        key="k" * 64,
        now=NOW,
    )

    assert booking.idempotency_key == f"{visits.visitor.pk}:{'k' * 64}"
