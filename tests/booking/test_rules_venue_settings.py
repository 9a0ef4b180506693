"""Venue settings that would break the booking site are refused: slugs its own addresses
use, a waiting list that outlasts booking."""

import pytest
from django.core.exceptions import ValidationError

from booking.models import Venue


@pytest.mark.parametrize("slug", ["my", "checkin", "lecturers"])
def test_reserved_slugs_are_refused(db, slug):
    venue = Venue(
        name="新基地", slug=slug, address="某路 1 号", opening_hours="周二至周日", phone="110"
    )
    with pytest.raises(ValidationError) as refused:
        venue.full_clean()
    assert "系统保留" in refused.value.message_dict["slug"][0]


def test_an_ordinary_slug_is_accepted(db):
    Venue(
        name="新基地", slug="xinjidi", address="某路 1 号", opening_hours="周二", phone="110"
    ).full_clean()


def test_the_waiting_list_cannot_outlast_booking(db):
    venue = Venue(
        name="新基地",
        slug="xinjidi",
        address="某路 1 号",
        opening_hours="周二",
        phone="110",
        cutoff_hours=24,
        waitlist_cutoff_hours=12,
    )
    with pytest.raises(ValidationError) as refused:
        venue.full_clean()
    assert "候补截止不能晚于预约截止" in refused.value.message_dict["waitlist_cutoff_hours"][0]
