"""Generating again makes nothing twice and counts only the slots it made; the one-off
changes staff made to a slot (capacity, note, closed) survive, and so does an extra slot
they added."""

from datetime import date, time, timedelta

from wagtail.models import ModelLogEntry

from booking.models import Slot, Weekday
from booking.slot_generation import generate_slots
from tests.booking_factories import add_rule, at, make_slot, make_venue

MONDAY = date(2026, 12, 7)


def weekly_venue():
    venue = make_venue("区禁毒教育基地", "district-base")
    for weekday in (Weekday.TUESDAY, Weekday.THURSDAY, Weekday.SATURDAY):
        add_rule(venue, weekday, time(9), time(10, 30))
    return venue


def test_a_second_run_makes_nothing_and_a_longer_one_only_the_new_days(visits):
    venue = weekly_venue()

    assert generate_slots(venue, MONDAY, MONDAY + timedelta(days=6)) == 3
    assert generate_slots(venue, MONDAY, MONDAY + timedelta(days=6)) == 0
    assert generate_slots(venue, MONDAY, MONDAY + timedelta(days=13)) == 3

    assert Slot.objects.filter(venue=venue).count() == 6
    runs = ModelLogEntry.objects.filter(action="booking.slots_generate")
    assert [entry.data["created"] for entry in runs.order_by("pk")] == [3, 3]


def test_one_off_changes_and_extra_slots_survive(visits):
    venue = weekly_venue()
    generate_slots(venue, MONDAY, MONDAY + timedelta(days=6))
    tuesday = Slot.objects.get(venue=venue, day=MONDAY + timedelta(days=1))
    tuesday.group_capacity, tuesday.note = 40, "场馆局部布展，减少名额"
    tuesday.save()
    thursday = Slot.objects.get(venue=venue, day=MONDAY + timedelta(days=3))
    thursday.closed, thursday.note = True, "停电检修"
    thursday.save()
    extra = make_slot(venue, at(3, 14), note="加开场次")

    assert generate_slots(venue, MONDAY, MONDAY + timedelta(days=6)) == 0

    tuesday.refresh_from_db()
    thursday.refresh_from_db()
    assert (tuesday.group_capacity, tuesday.note) == (40, "场馆局部布展，减少名额")
    assert (thursday.closed, thursday.note) == (True, "停电检修")
    assert Slot.objects.filter(pk=extra.pk).exists()
    assert Slot.objects.filter(venue=venue).count() == 4
