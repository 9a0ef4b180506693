"""A submission sent twice (a double click, a resent form) is one booking and one message;
the key is the user's own, so another user with the same key gets their own booking."""

from booking import kinds
from booking.models import Booking, Pool
from booking.services import book_visit
from tests.booking_factories import NOW, public_party
from tests.factories import make_user
from wechat.models import Message


def _book(slot, user, visitors=3):
    return book_visit(
        slot, pool=Pool.PUBLIC, party=public_party(visitors), by=user, key="form-1", now=NOW
    )


def test_the_same_key_twice_is_one_booking_and_one_message(visits):
    first = _book(visits.slot, visits.visitor)
    again = _book(visits.slot, visits.visitor, visitors=5)

    assert again == first
    assert again.headcount == 3
    assert Booking.objects.count() == 1
    assert list(Message.objects.values_list("kind", "user")) == [
        (kinds.CONFIRMED, visits.visitor.pk)
    ]


def test_another_user_with_the_same_key_gets_their_own_booking(visits):
    neighbour = make_user("neighbour@example.cn")

    mine = _book(visits.slot, visits.visitor)
    theirs = _book(visits.slot, neighbour)

    assert mine != theirs
    assert (theirs.user, Booking.objects.count()) == (neighbour, 2)
    assert Message.objects.filter(kind=kinds.CONFIRMED, user=neighbour).count() == 1
