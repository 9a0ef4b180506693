"""A slot's page: its places left per pool and the ways to book it, by who is looking; a
full pool offers the waiting list; forged, unpublished and closed slots say so."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Slot
from tests.booking_factories import at, make_slot, make_venue


@pytest.fixture
def slot(visits) -> Slot:
    return make_slot(visits.venue, at(3, 14, base=timezone.now()))


def page_of(client, slot, status: int = 200) -> str:
    response = client.get(reverse("booking:slot", args=[slot.pk]))
    assert response.status_code == status
    return response.content.decode()


def test_a_coordinator_sees_both_ways_to_book(client, visits, slot):
    client.force_login(visits.schools.coordinator_a)
    page = page_of(client, slot)
    assert "剩余 <strong>120</strong> / 120 人" in page
    assert "剩余 <strong>30</strong> / 30 人" in page
    assert reverse("booking:book_group", args=[slot.pk]) in page
    assert reverse("booking:book_public", args=[slot.pk]) in page


@pytest.mark.parametrize("persona", ["visitor", None])
def test_others_may_book_for_themselves_only(client, visits, slot, persona):
    if persona:
        client.force_login(getattr(visits, persona))
    page = page_of(client, slot)
    assert reverse("booking:book_group", args=[slot.pk]) not in page
    assert "学校团体须由经审核的学校联络员预约" in page
    assert reverse("booking:book_public", args=[slot.pk]) in page


def test_a_full_pool_offers_the_waiting_list(client, visits, slot):
    slot.public_taken = slot.public_capacity
    slot.groups_taken = slot.max_groups
    slot.save()
    client.force_login(visits.schools.coordinator_a)
    page = page_of(client, slot)
    assert reverse("booking:book_public", args=[slot.pk]) not in page
    assert reverse("booking:book_group", args=[slot.pk]) not in page
    assert reverse("booking:join_waitlist", args=[slot.pk, "public"]) in page
    assert reverse("booking:join_waitlist", args=[slot.pk, "group"]) in page


def test_forged_and_unpublished_slots_are_not_found(client, visits, slot):
    hidden = make_slot(make_venue("西湖区禁毒教育基地", "xihu-base", published=False))
    page_of(client, hidden, 404)
    assert client.get(f"/visit/slot/{slot.pk + 1000}/").status_code == 404
    assert client.get("/visit/slot/abc/").status_code == 404


def test_stopped_past_and_unopened_slots_offer_no_booking(client, visits):
    now = timezone.now()
    stopped = make_slot(visits.venue, at(3, 14, base=now), closed=True, note="设备检修")
    past = make_slot(visits.venue, at(-1, 14, base=now))
    unopened = make_slot(visits.venue, at(60, 14, base=now))
    client.force_login(visits.schools.coordinator_a)

    assert "本场停开：设备检修" in page_of(client, stopped)
    assert "截止预约" in page_of(client, past)
    opens = timezone.localtime(unopened.starts_at) - timedelta(days=30)
    assert f"{opens:%Y}年{opens.month}月{opens.day}日 09:00 开放预约" in page_of(client, unopened)
    for slot in (stopped, past, unopened):
        page = page_of(client, slot)
        assert reverse("booking:book_group", args=[slot.pk]) not in page
        assert reverse("booking:book_public", args=[slot.pk]) not in page
