"""Generation skips the days a closure covers: a holiday range or a single day, of the
venue or of every venue; another venue's closure does not count."""

from datetime import date, time, timedelta

from booking.models import Closure, Slot
from booking.slot_generation import generate_slots
from tests.booking_factories import add_rule, make_venue

FIRST, LAST = date(2026, 9, 28), date(2026, 10, 11)  # two weeks around the National Day


def daily_venue(name: str, slug: str):
    venue = make_venue(name, slug)
    for weekday in range(7):
        add_rule(venue, weekday, time(9), time(10, 30))
    return venue


def slot_days(venue) -> set[date]:
    return set(Slot.objects.filter(venue=venue).values_list("day", flat=True))


def every_day(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def test_a_holiday_range_of_every_venue_and_a_single_day_of_this_venue(visits):
    venue = daily_venue("区禁毒教育基地", "district-base")
    Closure.objects.create(first_day=date(2026, 10, 1), last_day=date(2026, 10, 7), reason="国庆")
    Closure.objects.create(
        venue=venue, first_day=date(2026, 9, 29), last_day=date(2026, 9, 29), reason="设备检修"
    )

    made = generate_slots(venue, FIRST, LAST)

    closed = every_day(date(2026, 10, 1), date(2026, 10, 7)) | {date(2026, 9, 29)}
    assert slot_days(venue) == every_day(FIRST, LAST) - closed
    assert made == 14 - 8


def test_another_venues_closure_does_not_count(visits):
    venue = daily_venue("区禁毒教育基地", "district-base")
    other = daily_venue("西湖区禁毒教育基地", "xihu-base")
    Closure.objects.create(
        venue=other, first_day=date(2026, 10, 1), last_day=date(2026, 10, 3), reason="布展"
    )

    generate_slots(venue, FIRST, LAST)
    generate_slots(other, FIRST, LAST)

    assert slot_days(venue) == every_day(FIRST, LAST)
    assert slot_days(other) == every_day(FIRST, LAST) - every_day(
        date(2026, 10, 1), date(2026, 10, 3)
    )


def test_a_closure_reaching_past_the_range_closes_only_the_days_inside(visits):
    venue = daily_venue("区禁毒教育基地", "district-base")
    Closure.objects.create(
        venue=venue, first_day=date(2026, 9, 1), last_day=date(2026, 9, 30), reason="改造"
    )

    generate_slots(venue, FIRST, LAST)

    assert slot_days(venue) == every_day(date(2026, 10, 1), LAST)
