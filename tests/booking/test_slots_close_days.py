"""A closure closes the slots on its days (the reason becomes their note) and cancels the
bookings on them through the booking service, which tells each booker why; the places are
offered to nobody, and slots on other days or of other venues stay open."""

from datetime import date

from wagtail.models import ModelLogEntry

from booking import kinds
from booking.models import Booking, Closure, Pool, Slot
from booking.slot_generation import close_days
from tests.booking_factories import NOW, at, book_group, book_public, make_slot, make_venue
from wechat.models import Message

DAY = date(2026, 12, 9)  # the day of the visits fixture's slot


def test_closing_a_day_cancels_its_bookings_and_tells_the_bookers(visits):
    schools, morning = visits.schools, visits.slot
    afternoon = make_slot(visits.venue, at(2, 14))
    next_day = make_slot(visits.venue, at(3))
    group = book_group(morning, schools.coordinator_a, schools.school_a)
    party = book_public(afternoon, visits.visitor, visitors=2)
    kept = book_group(next_day, schools.coordinator_b, schools.school_b)
    closure = Closure.objects.create(
        venue=visits.venue, first_day=DAY, last_day=DAY, reason="临时闭馆检修"
    )

    assert close_days(closure, by=visits.manager, now=NOW) == 2

    for booking in (group, party):
        booking.refresh_from_db()
        assert booking.status == Booking.Status.CANCELLED
        assert (booking.cancel_reason, booking.cancelled_by) == ("临时闭馆检修", visits.manager)
    kept.refresh_from_db()
    assert kept.status == Booking.Status.CONFIRMED
    for slot in (morning, afternoon):
        slot.refresh_from_db()
        assert (slot.closed, slot.note) == (True, "临时闭馆检修")
        assert (slot.group_taken, slot.public_taken, slot.groups_taken) == (0, 0, 0)
        assert slot.places_left(Pool.GROUP) == 120
    next_day.refresh_from_db()
    assert not next_day.closed
    cancelled = Message.objects.filter(kind=kinds.CANCELLED)
    assert sorted(message.user_id for message in cancelled) == sorted(
        [schools.coordinator_a.pk, visits.visitor.pk]
    )
    closes = ModelLogEntry.objects.filter(action="booking.slot_close")
    assert {entry.object_id for entry in closes} == {str(morning.pk), str(afternoon.pk)}
    assert {entry.user_id for entry in closes} == {visits.manager.pk}


def test_a_closure_of_every_venue_closes_all_their_slots_that_day(visits):
    other = make_venue("西湖区禁毒教育基地", "xihu-base")
    other_slot = make_slot(other, at(2))
    booking = book_public(other_slot, visits.visitor)
    closure = Closure.objects.create(first_day=DAY, last_day=date(2026, 12, 10), reason="寒潮")

    assert close_days(closure, by=visits.manager, now=NOW) == 2

    assert set(Slot.objects.filter(closed=True).values_list("pk", flat=True)) == {
        visits.slot.pk,
        other_slot.pk,
    }
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_a_closure_of_another_venue_leaves_this_one_open(visits):
    other = make_venue("西湖区禁毒教育基地", "xihu-base")
    booking = book_public(visits.slot, visits.visitor)
    closure = Closure.objects.create(venue=other, first_day=DAY, last_day=DAY, reason="布展")

    assert close_days(closure, by=visits.manager, now=NOW) == 0

    visits.slot.refresh_from_db()
    booking.refresh_from_db()
    assert not visits.slot.closed
    assert booking.status == Booking.Status.CONFIRMED
