"""A suspended booker (the school for groups, the person for the public) cannot book until
the suspension ends or staff lift it; the refusal names the end and the reason."""

import pytest

from booking.errors import BookingError
from booking.models import Booking, Suspension
from tests.booking_factories import NOW, at, book_group, book_public


def test_a_suspended_school_cannot_book(visits):
    schools = visits.schools
    Suspension.objects.create(
        school=schools.school_a, starts_at=at(-1), ends_at=at(20), reason="90天内爽约3次"
    )

    with pytest.raises(
        BookingError, match="东城实验中学的预约资格已暂停至 2026-12-27 09:00（90天内爽约3次）"
    ):
        book_group(visits.slot, schools.coordinator_a, schools.school_a)

    assert not Booking.objects.exists()
    assert book_group(visits.slot, schools.coordinator_b, schools.school_b)


def test_a_lifted_or_ended_suspension_no_longer_counts(visits):
    Suspension.objects.create(
        user=visits.visitor, starts_at=at(-1), ends_at=at(20), reason="爽约", lifted_at=NOW
    )
    Suspension.objects.create(user=visits.visitor, starts_at=at(-30), ends_at=at(-1), reason="爽约")

    assert book_public(visits.slot, visits.visitor)


def test_a_suspended_person_cannot_book(visits):
    Suspension.objects.create(user=visits.visitor, starts_at=at(-1), ends_at=at(20), reason="爽约")

    with pytest.raises(BookingError, match="您的预约资格已暂停至 2026-12-27 09:00"):
        book_public(visits.slot, visits.visitor)
