"""A booker cancels or changes the headcount from the booking page until the venue's
cancellation deadline; after it, or with bad numbers, a clear message and nothing changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking
from tests.booking_factories import at, book_group, book_public, make_slot


@pytest.fixture
def group(visits) -> Booking:
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    return book_group(slot, schools.coordinator_a, schools.school_a, now=timezone.now())


def cancel(client, booking, **data):
    return client.post(reverse("booking:booking_cancel", args=[booking.code]), data)


def change(client, booking, **data):
    return client.post(reverse("booking:booking_change", args=[booking.code]), data)


def test_a_booker_cancels_before_the_deadline(client, visits, group):
    client.force_login(visits.schools.coordinator_a)
    page = client.get(reverse("booking:booking", args=[group.code])).content.decode()
    assert reverse("booking:booking_cancel", args=[group.code]) in page

    response = cancel(client, group, reason="学校临时安排考试")

    assert response["Location"] == reverse("booking:booking", args=[group.code])
    group.refresh_from_db()
    assert (group.status, group.cancel_reason) == (Booking.Status.CANCELLED, "学校临时安排考试")
    group.slot.refresh_from_db()
    assert group.slot.group_taken == 0


def test_after_the_deadline_the_page_says_to_call(client, visits):
    now = timezone.now()
    slot = make_slot(visits.venue, now + timedelta(hours=30))
    visits.venue.cancel_hours = 48
    visits.venue.save()
    booking = book_public(slot, visits.visitor, now=now)
    client.force_login(visits.visitor)

    page = client.get(reverse("booking:booking", args=[booking.code])).content.decode()
    assert "已过取消和修改截止时间" in page and "0571-12345678" in page
    assert reverse("booking:booking_cancel", args=[booking.code]) not in page

    response = cancel(client, booking)
    assert response.status_code == 409
    assert "已过取消截止时间" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_cancelled_booking_cannot_be_cancelled_again(client, visits, group):
    client.force_login(visits.schools.coordinator_a)
    cancel(client, group)
    response = cancel(client, group)
    assert response.status_code == 409
    assert "该预约当前为“已取消”，无法取消" in response.content.decode()


def test_the_headcount_changes_within_the_limits(client, visits, group):
    client.force_login(visits.schools.coordinator_a)

    response = change(client, group, students=38, teachers=2)

    assert response["Location"] == reverse("booking:booking", args=[group.code])
    group.refresh_from_db()
    assert (group.students, group.teachers, group.headcount) == (38, 2, 40)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"students": -1, "teachers": 3}, "学生人数至少为 1 人"),
        ({"students": 10**9, "teachers": 3}, "学生人数不能超过 60 人"),
        ({"students": 45, "teachers": ""}, "请填写带队教师人数"),
        ({"students": 58, "teachers": 2}, "每 20 名学生至少需 1 名带队教师"),
    ],
)
def test_bad_headcounts_are_refused(client, visits, group, data, message):
    client.force_login(visits.schools.coordinator_a)
    response = change(client, group, **data)
    assert response.status_code in (200, 409)
    assert message in response.content.decode()
    group.refresh_from_db()
    assert group.headcount == 48


def test_a_coordinator_of_another_school_cannot_touch_it(client, visits, group):
    client.force_login(visits.schools.coordinator_b)
    assert cancel(client, group).status_code == 404
    assert change(client, group, students=20, teachers=2).status_code == 404
    group.refresh_from_db()
    assert (group.status, group.headcount) == (Booking.Status.CONFIRMED, 48)
