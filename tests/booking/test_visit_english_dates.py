"""With English chosen, the slot page writes its dates the English way, not the Chinese."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Slot
from tests.booking_factories import make_slot


@pytest.fixture
def far_slot(visits) -> Slot:
    # Booking opens 30 days ahead at 09:00, so this slot's page says when it opens.
    return make_slot(visits.venue, timezone.make_aware(datetime(2099, 12, 9, 9, 0)))


def test_english_slot_page_names_the_months(client, far_slot):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(reverse("booking:slot", args=[far_slot.pk]))
    page = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "Booking for this slot opens at 9 November 2099 09:00." in page
    assert "2099年" not in page


def test_chinese_slot_page_keeps_chinese_dates(client, far_slot):
    page = client.get(reverse("booking:slot", args=[far_slot.pk])).content.decode()
    assert "本场次将于 2099年11月9日 09:00 开放预约" in page
