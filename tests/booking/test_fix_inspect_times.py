"""The admin's inspect pages of bookings, waiting-list entries and suspensions show times in
Shanghai time, as staff read them, and an empty field as a dash, never "None"."""

import re
from datetime import timedelta

from django.urls import reverse

from booking.models import Pool, Suspension
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, at, book_group, group_party, make_slot


def field(page: str, label: str) -> str:
    """The shown value of the field ``label`` on an inspect page."""
    match = re.search(rf"{label}\s*</dt>\s*<dd>\s*(.*?)\s*</dd>", page, re.S)
    assert match, label
    return match.group(1)


def inspect(client, user, name: str, pk: int) -> str:
    client.force_login(user)
    response = client.get(reverse(f"{name}:inspect", args=[pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert not re.search(r"<dd>\s*None\s*</dd>", page)
    return page


def test_a_booking_made_at_ten_shows_ten(client, visits):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a, now=NOW)
    page = inspect(client, visits.manager, "booking_bookings", booking.pk)
    assert field(page, "提交时间") == "2026年12月7日 10:00"
    assert field(page, "取消时间") == "—"
    assert field(page, "讲解员") == "—"


def test_a_waiting_list_entry_shows_local_times(client, visits):
    schools = visits.schools
    full = make_slot(visits.venue, at(3), group_capacity=48)
    book_group(full, schools.coordinator_a, schools.school_a, now=NOW)
    entry = join_waitlist(
        full,
        pool=Pool.GROUP,
        party=group_party(schools.school_b, students=30, teachers=2),
        by=schools.coordinator_b,
        now=NOW + timedelta(minutes=5),
    )
    page = inspect(client, visits.manager, "booking_waitlist", entry.pk)
    assert field(page, "提交时间") == "2026年12月7日 10:05"
    assert field(page, "通知时间") == "—"


def test_a_suspension_shows_local_times(client, visits):
    suspension = Suspension.objects.create(
        school=visits.schools.school_a,
        starts_at=NOW,
        ends_at=at(30, 0),
        reason="多次未到场",
    )
    page = inspect(client, visits.manager, "booking_suspensions", suspension.pk)
    assert field(page, "开始时间") == "2026年12月7日 10:00"
    assert field(page, "结束时间") == "2027年1月6日 00:00"
    assert field(page, "解除时间") == "—"
