"""A one-off change to a slot in the admin: its capacities may not fall below what is
already held (a clear form error, nothing written); a change within that keeps the booked
counts; more room goes to the waiting list; closing it needs a reason and cancels its
bookings with it."""

import pytest
from django.urls import reverse

from booking.models import Booking, WaitlistEntry
from booking.waitlist import join_waitlist
from tests.booking_factories import NOW, book_group, group_party


@pytest.fixture
def booked(visits):
    """The fixture's slot with one school group of 48 booked in it."""
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)
    return visits, booking


def post_change(client, slot, **changes):
    data = {
        "group_capacity": slot.group_capacity,
        "public_capacity": slot.public_capacity,
        "max_groups": slot.max_groups,
        "note": slot.note,
    }
    data.update(changes)
    if data.pop("closed", False):
        data["closed"] = "on"
    return client.post(reverse("booking_slots:edit", args=[slot.pk]), data)


def test_capacity_below_what_is_booked_is_refused(client, booked):
    visits, _ = booked
    client.force_login(visits.manager)

    response = post_change(client, visits.slot, group_capacity=40)

    assert response.status_code == 200
    assert "团体已占 48 人（含待审核和候补保留），名额不能少于此数。" in response.content.decode()
    visits.slot.refresh_from_db()
    assert visits.slot.group_capacity == 120


def test_fewer_groups_than_are_booked_is_refused(client, booked):
    visits, _ = booked
    client.force_login(visits.manager)

    response = post_change(client, visits.slot, max_groups=0)

    assert "已有 1 个团体预约，团体数不能少于此数。" in response.content.decode()
    visits.slot.refresh_from_db()
    assert visits.slot.max_groups == 3


def test_capacity_down_to_what_is_booked_is_saved_and_keeps_the_counts(client, booked):
    visits, _ = booked
    client.force_login(visits.manager)

    response = post_change(client, visits.slot, group_capacity=48, note="展厅维护，减少名额")

    assert response.status_code == 302
    visits.slot.refresh_from_db()
    assert (visits.slot.group_capacity, visits.slot.note) == (48, "展厅维护，减少名额")
    assert (visits.slot.group_taken, visits.slot.groups_taken) == (48, 1)


def test_more_room_is_offered_to_the_waiting_list(client, booked):
    visits, _ = booked
    schools = visits.schools
    visits.slot.group_capacity = 50
    visits.slot.save()
    entry = join_waitlist(
        visits.slot,
        pool="group",
        party=group_party(schools.school_b, students=20, teachers=1),
        by=schools.coordinator_b,
        now=NOW,
    )
    client.force_login(visits.manager)

    assert post_change(client, visits.slot, group_capacity=80).status_code == 302

    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.OFFERED


def test_closing_needs_a_reason(client, booked):
    visits, booking = booked
    client.force_login(visits.manager)

    response = post_change(client, visits.slot, closed=True, note="")

    assert "停开场次时请在备注中填写原因，它会通知给已预约的人。" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_closing_cancels_the_bookings_with_the_reason(client, booked):
    visits, booking = booked
    client.force_login(visits.manager)

    response = post_change(client, visits.slot, closed=True, group_capacity=0, note="突发停电")

    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == (Booking.Status.CANCELLED, "突发停电")
    visits.slot.refresh_from_db()
    assert visits.slot.closed
    assert (visits.slot.group_taken, visits.slot.groups_taken) == (0, 0)
