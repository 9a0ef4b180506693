"""Accepting an offer turns it into a booking of the places it held, for the party that
waited, with its confirmation; an offer is accepted once and only before it expires. The
booker's rules are checked again: a suspension, a limit on open bookings or a coordinator
role withdrawn since joining stops the booking, and the offer stays open."""

import pytest

from booking import kinds
from booking.errors import BookingError
from booking.models import Booking, Pool, Suspension, WaitlistEntry
from booking.services import cancel_booking
from booking.waitlist import accept_offer, join_waitlist
from education.models import Coordinator
from tests.booking_factories import NOW, at, book_group, group_party, make_slot
from tests.school_factories import make_coordinator
from wechat.models import Message


@pytest.fixture
def offered(visits):
    """School B waits for a full slot (one group at most); school A's cancellation offers
    school B the places."""
    schools = visits.schools
    slot = make_slot(visits.venue, at(3), max_groups=1)
    first = book_group(slot, schools.coordinator_a, schools.school_a)
    entry = join_waitlist(
        slot,
        pool=Pool.GROUP,
        party=group_party(schools.school_b, students=38, teachers=2, contact_name="王老师"),
        by=schools.coordinator_b,
        now=NOW,
    )
    cancel_booking(first, by=schools.coordinator_a, now=at(0, 11))
    entry.refresh_from_db()
    return entry


def test_accepting_books_the_waiting_party(visits, offered):
    schools = visits.schools

    booking = accept_offer(offered, by=schools.coordinator_b, now=at(0, 12))

    assert booking.status == Booking.Status.CONFIRMED
    assert (booking.user, booking.school, booking.contact_name, booking.headcount) == (
        schools.coordinator_b,
        schools.school_b,
        "王老师",
        40,
    )
    offered.refresh_from_db()
    assert (offered.status, offered.booking) == (WaitlistEntry.Status.ACCEPTED, booking)
    kinds_sent = Message.objects.filter(user=schools.coordinator_b).values_list("kind", flat=True)
    assert sorted(kinds_sent) == [kinds.CONFIRMED, kinds.WAITLIST_OFFER]
    booking.slot.refresh_from_db()
    assert (booking.slot.group_taken, booking.slot.groups_taken) == (40, 1)


def test_the_booking_is_the_waiting_coordinators_whoever_accepts(visits, offered):
    colleague = make_coordinator(visits.schools.school_b, "colleague.b@example.cn")

    booking = accept_offer(offered, by=colleague, now=at(0, 12))

    assert booking.user == visits.schools.coordinator_b


def test_an_offer_is_accepted_once(visits, offered):
    accept_offer(offered, by=visits.schools.coordinator_b, now=at(0, 12))

    with pytest.raises(BookingError, match="该候补当前为“已接受”，没有待确认的名额"):
        accept_offer(offered, by=visits.schools.coordinator_b, now=at(0, 12))

    assert Booking.objects.filter(school=visits.schools.school_b).count() == 1


def test_an_expired_offer_cannot_be_accepted(visits, offered):
    with pytest.raises(BookingError, match="候补名额的确认期限已过"):
        accept_offer(offered, by=visits.schools.coordinator_b, now=offered.offer_expires_at)

    assert not Booking.objects.filter(school=visits.schools.school_b).exists()


def _refused(entry, error):
    with pytest.raises(BookingError, match=error):
        accept_offer(entry, by=entry.user, now=at(0, 12))
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.OFFERED
    assert not Booking.objects.filter(school=entry.school).exists()


def test_a_school_suspended_since_joining_cannot_accept(visits, offered):
    Suspension.objects.create(
        school=visits.schools.school_b, starts_at=at(0, 11), ends_at=at(30), reason="爽约"
    )

    _refused(offered, "东城第二中学的预约资格已暂停")


def test_a_school_at_its_limit_cannot_accept(visits, offered):
    schools = visits.schools
    visits.venue.max_open_per_school = 1
    visits.venue.save()
    book_group(make_slot(visits.venue, at(4)), schools.coordinator_b, schools.school_b)

    with pytest.raises(BookingError, match="每所学校在本场馆最多同时持有 1 个未完成的预约"):
        accept_offer(offered, by=schools.coordinator_b, now=at(0, 12))

    offered.refresh_from_db()
    assert offered.status == WaitlistEntry.Status.OFFERED


def test_a_coordinator_no_longer_approved_cannot_accept(visits, offered):
    Coordinator.objects.filter(user=visits.schools.coordinator_b).update(
        status=Coordinator.Status.PENDING
    )

    _refused(offered, "只有该校经审核的学校联络员")
