"""Saving a venue in the admin (with its weekly rules inline) makes the slots of its booking
window at once; editing it again makes only what is missing."""

from datetime import time, timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from booking.models import Slot, Venue, Weekday
from booking.slot_generation import MARGIN_DAYS


def venue_form(venue: Venue, rules: list[dict]) -> dict:
    """The admin form's data for ``venue``'s fields (as they are) and the given rules."""
    data = {}
    for field in Venue._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        value = getattr(venue, field.attname)
        if isinstance(value, bool):
            if value:
                data[field.name] = "on"
        elif isinstance(value, time):
            data[field.name] = value.strftime("%H:%M")
        elif value is not None:
            data[field.name] = value
    data["photos"] = inline_formset([])
    data["rules"] = inline_formset(rules)
    return nested_form_data(data)


def rule(weekday: int, start: str = "09:00", end: str = "10:30", **fields) -> dict:
    return {"weekday": weekday, "start": start, "end": end, **fields}


def weekday_count(first, last, weekdays) -> int:
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return sum(1 for day in days if day.weekday() in weekdays)


def test_a_new_venue_gets_the_slots_of_its_window(client, visits):
    client.force_login(visits.manager)
    venue = Venue(
        name="西湖区禁毒教育基地",
        slug="xihu-base",
        address="西湖区文三路 8 号",
        opening_hours="周二、周六开放",
        phone="0571-87654321",
        opens_days_ahead=14,
        district=visits.schools.other_district,
    )
    rules = [rule(Weekday.TUESDAY, group_capacity=60), rule(Weekday.SATURDAY, "14:00", "15:30")]

    response = client.post(reverse("booking_venues:add"), venue_form(venue, rules))

    assert response.status_code == 302
    venue = Venue.objects.get(slug="xihu-base")
    today = timezone.localdate()
    last = today + timedelta(days=14 + MARGIN_DAYS)
    slots = Slot.objects.filter(venue=venue)
    expected = weekday_count(today, last, {Weekday.TUESDAY, Weekday.SATURDAY})
    assert slots.count() == expected
    assert all(today <= slot.day <= last for slot in slots)
    tuesdays = slots.filter(rule__weekday=Weekday.TUESDAY)
    assert {slot.group_capacity for slot in tuesdays} == {60}
    saturdays = slots.filter(rule__weekday=Weekday.SATURDAY)
    assert {timezone.localtime(slot.starts_at).time() for slot in saturdays} == {time(14)}


def test_editing_a_venue_adds_the_slots_of_a_new_rule(client, visits):
    client.force_login(visits.manager)
    venue = visits.venue
    url = reverse("booking_venues:edit", args=[venue.pk])
    client.post(url, venue_form(venue, [rule(Weekday.WEDNESDAY)]))
    before = Slot.objects.filter(venue=venue).count()
    saved = list(venue.rules.values("pk", "weekday", "start", "end"))
    kept = [
        {"id": r["pk"], "weekday": r["weekday"], "start": "09:00", "end": "10:30"} for r in saved
    ]

    response = client.post(
        url, venue_form(venue, [*kept, rule(Weekday.FRIDAY)]) | {"rules-INITIAL_FORMS": "1"}
    )

    assert response.status_code == 302
    today = timezone.localdate()
    last = today + timedelta(days=venue.opens_days_ahead + MARGIN_DAYS)
    fridays = weekday_count(today, last, {Weekday.FRIDAY})
    assert Slot.objects.filter(venue=venue).count() == before + fridays
    assert (
        f"已按每周场次新增 {fridays} 个场次。"
        in client.get(reverse("booking_venues:index")).content.decode()
    )


def test_a_venue_with_slots_is_not_deleted(client, visits):
    client.force_login(visits.manager)

    response = client.post(reverse("booking_venues:delete", args=[visits.venue.pk]))

    assert response.status_code == 302
    assert Venue.objects.filter(pk=visits.venue.pk).exists()
