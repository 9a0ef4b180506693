"""Slots are made from the venue's weekly rules: one per rule on its weekday, within the
rule's validity dates, at local (Shanghai) times, with the rule's capacities or the venue's
defaults. A weekday without a rule (Monday) has no slots."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from booking.models import Slot, Weekday
from booking.slot_generation import generate_slots
from tests.booking_factories import add_rule, make_venue

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = date(2026, 12, 7)
SUNDAY = MONDAY + timedelta(days=6)


def test_each_rule_gives_a_slot_on_its_weekday_and_mondays_none(visits):
    venue = make_venue("区禁毒教育基地", "district-base")
    for weekday in range(Weekday.TUESDAY, Weekday.SUNDAY + 1):
        add_rule(venue, weekday, time(9), time(10, 30))
        add_rule(venue, weekday, time(14), time(15, 30))

    made = generate_slots(venue, MONDAY, SUNDAY)

    slots = list(Slot.objects.filter(venue=venue).order_by("starts_at"))
    assert made == len(slots) == 12
    assert {slot.day for slot in slots} == {MONDAY + timedelta(days=n) for n in range(1, 7)}
    tuesday = slots[0]
    assert tuesday.starts_at == datetime(2026, 12, 8, 9, 0, tzinfo=SHANGHAI)
    assert tuesday.ends_at == datetime(2026, 12, 8, 10, 30, tzinfo=SHANGHAI)
    assert tuesday.day == date(2026, 12, 8)
    assert tuesday.rule.weekday == Weekday.TUESDAY
    assert not tuesday.closed


def test_capacities_come_from_the_rule_or_the_venue(visits):
    venue = make_venue(
        "区禁毒教育基地", "district-base", group_capacity=80, public_capacity=20, max_groups=2
    )
    add_rule(venue, Weekday.TUESDAY, time(9), time(10))
    add_rule(venue, Weekday.WEDNESDAY, time(9), time(10), group_capacity=0, public_capacity=50)

    generate_slots(venue, MONDAY, SUNDAY)

    tuesday, wednesday = Slot.objects.filter(venue=venue).order_by("starts_at")
    assert (tuesday.group_capacity, tuesday.public_capacity, tuesday.max_groups) == (80, 20, 2)
    # Zero is a capacity of its own (a slot for the public only), not "use the default".
    assert (wednesday.group_capacity, wednesday.public_capacity, wednesday.max_groups) == (
        0,
        50,
        2,
    )


def test_a_rule_holds_only_between_its_validity_dates(visits):
    venue = make_venue("区禁毒教育基地", "district-base")
    add_rule(
        venue,
        Weekday.SATURDAY,
        time(9),
        time(10),
        valid_from=date(2026, 12, 12),
        valid_until=date(2026, 12, 19),
    )
    add_rule(venue, Weekday.SUNDAY, time(9), time(10), valid_until=date(2026, 12, 13))

    generate_slots(venue, MONDAY, MONDAY + timedelta(days=27))

    days = sorted(Slot.objects.filter(venue=venue).values_list("day", flat=True))
    assert days == [date(2026, 12, 12), date(2026, 12, 13), date(2026, 12, 19)]


def test_two_rules_at_one_start_time_give_one_slot(visits):
    venue = make_venue("区禁毒教育基地", "district-base")
    add_rule(venue, Weekday.TUESDAY, time(9), time(10), group_capacity=60)
    add_rule(venue, Weekday.TUESDAY, time(9), time(11), group_capacity=90)

    assert generate_slots(venue, MONDAY, SUNDAY) == 1
    assert Slot.objects.get(venue=venue).group_capacity == 60


def test_a_venue_without_rules_gets_no_slots(visits):
    venue = make_venue("区禁毒教育基地", "district-base")
    assert generate_slots(venue, MONDAY, SUNDAY) == 0
    assert not Slot.objects.filter(venue=venue).exists()
