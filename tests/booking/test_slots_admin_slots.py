"""The slots list of the admin (filters by venue and day; bad filter values never fail), an
extra one-off slot added by staff, and a slot with bookings that is kept from deletion."""

from django.urls import reverse

from booking.models import Slot
from tests.booking_factories import at, book_public, make_slot, make_venue


def slot_form(venue, starts_at: str, ends_at: str, **fields) -> dict:
    return {
        "venue": venue.pk,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "group_capacity": 60,
        "public_capacity": 20,
        "max_groups": 2,
        "note": "",
        **fields,
    }


def test_an_extra_slot_is_added_on_its_local_day(client, visits):
    client.force_login(visits.manager)

    response = client.post(
        reverse("booking_slots:add"),
        slot_form(visits.venue, "2026-12-12 19:00", "2026-12-12 20:30", note="周末夜场"),
    )

    assert response.status_code == 302
    slot = Slot.objects.get(note="周末夜场")
    assert str(slot.day) == "2026-12-12"
    assert slot.starts_at == at(5, 19)
    assert slot.rule is None


def test_an_extra_slot_must_end_on_its_day_and_after_it_starts(client, visits):
    client.force_login(visits.manager)
    url = reverse("booking_slots:add")

    overnight = client.post(url, slot_form(visits.venue, "2026-12-12 19:00", "2026-12-13 01:00"))
    backwards = client.post(url, slot_form(visits.venue, "2026-12-12 19:00", "2026-12-12 18:00"))

    assert "场次须在开始当天结束。" in overnight.content.decode()
    assert "结束时间须晚于开始时间。" in backwards.content.decode()
    assert Slot.objects.count() == 1


def test_a_second_slot_at_the_same_start_is_refused(client, visits):
    client.force_login(visits.manager)

    response = client.post(
        reverse("booking_slots:add"),
        slot_form(visits.venue, "2026-12-09 09:00", "2026-12-09 10:00"),
    )

    assert response.status_code == 200
    assert Slot.objects.count() == 1


def test_the_list_filters_by_venue_and_day(client, visits):
    other = make_venue("西湖区禁毒教育基地", "xihu-base")
    make_slot(other, at(2, 14))
    make_slot(visits.venue, at(4, 14))
    client.force_login(visits.manager)
    url = reverse("booking_slots:index")

    by_venue = client.get(url, {"venue": other.pk}).content.decode()
    by_day = client.get(
        url, {"venue": visits.venue.pk, "day_from": "2026-12-11", "day_to": "2026-12-11"}
    ).content.decode()

    assert "西湖区禁毒教育基地" in by_venue and "2026-12-09 14:00–15:30" in by_venue
    assert "2026-12-09 09:00–10:30" not in by_venue
    assert "2026-12-11 14:00–15:30" in by_day and "2026-12-09 09:00–10:30" not in by_day
    for bad in ({"venue": "x"}, {"day_from": "不是日期"}, {"closed": "maybe"}):
        assert client.get(url, bad).status_code == 200


def test_a_slot_with_bookings_is_not_deleted(client, visits):
    book_public(visits.slot, visits.visitor)
    client.force_login(visits.manager)

    response = client.post(reverse("booking_slots:delete", args=[visits.slot.pk]), follow=True)

    assert "已有预约记录，不能删除" in response.content.decode()
    assert Slot.objects.filter(pk=visits.slot.pk).exists()
