"""The public venue pages: the published venues, and a venue's calendar of the coming two
weeks with places left per pool, closed days and the booking window of each slot."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from booking.models import Closure, VenuePhoto
from tests.booking_factories import at, make_slot, make_venue
from tests.factories import make_image


def calendar_of(client, venue, **params):
    response = client.get(reverse("booking:venue", args=[venue.slug]), params)
    assert response.status_code == 200
    return response


def test_the_venues_page_lists_published_venues_with_their_facts(client, visits):
    venue = visits.venue
    venue.summary, venue.map_url = "全市青少年禁毒教育主阵地", "https://map.example.cn/jindu"
    venue.save()
    VenuePhoto.objects.create(venue=venue, image=make_image("展厅"), caption="序厅")
    make_venue("西湖区禁毒教育基地", "xihu-base", published=False)

    page = client.get(reverse("booking:venues")).content.decode()

    assert "市禁毒教育基地" in page and "西湖区禁毒教育基地" not in page
    assert "全市青少年禁毒教育主阵地" in page
    assert 'href="https://map.example.cn/jindu"' in page
    assert 'href="tel:0571-12345678"' in page
    assert "周二至周日 9:00–16:30，周一闭馆" in page
    assert 'alt="序厅"' in page
    assert reverse("booking:venue", args=[venue.slug]) in page


def test_an_unpublished_venue_has_no_page(client, visits):
    hidden = make_venue("西湖区禁毒教育基地", "xihu-base", published=False)
    assert client.get(reverse("booking:venue", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("booking:venue", args=["no-such-base"])).status_code == 404


def test_the_calendar_shows_places_left_per_pool(client, visits):
    now = timezone.now()
    slot = make_slot(visits.venue, at(3, 14, base=now), group_capacity=120, public_capacity=30)
    slot.group_taken, slot.public_taken, slot.groups_taken = 48, 30, 1
    slot.save()

    page = calendar_of(client, visits.venue).content.decode()

    assert reverse("booking:slot", args=[slot.pk]) in page
    assert "余 72 人" in page
    assert "已满" in page  # the public pool


def test_closed_days_and_days_without_slots_say_so(client, visits):
    now = timezone.now()
    holiday = timezone.localdate(now) + timedelta(days=5)
    Closure.objects.create(venue=None, first_day=holiday, last_day=holiday, reason="国庆节闭馆")

    page = calendar_of(client, visits.venue).content.decode()

    assert "闭馆：国庆节闭馆" in page
    assert "无开放场次" in page


def test_each_slot_shows_where_booking_stands(client, visits):
    now = timezone.now()
    make_slot(visits.venue, now + timedelta(hours=2))  # inside the 24-hour cut-off
    make_slot(visits.venue, at(4, 14, base=now), closed=True, note="设备检修")
    visits.venue.opens_days_ahead = 5
    visits.venue.save()
    later = make_slot(visits.venue, at(10, 14, base=now))

    page = calendar_of(client, visits.venue).content.decode()

    assert "已截止预约" in page
    assert "本场停开：设备检修" in page
    opens = timezone.localtime(later.starts_at - timedelta(days=5)).replace(hour=9, minute=0)
    assert f"{opens.month}月{opens.day}日 09:00 开放预约" in page


def test_the_calendar_pages_by_two_weeks_and_ignores_bad_dates(client, visits):
    today = timezone.localdate()
    far = make_slot(visits.venue, at(20, 14, base=timezone.now()))
    far_url = reverse("booking:slot", args=[far.pk])

    first = calendar_of(client, visits.venue).content.decode()
    assert far_url not in first
    assert f"?from={(today + timedelta(days=14)).isoformat()}" in first

    second = calendar_of(client, visits.venue, **{"from": (today + timedelta(days=14))})
    assert far_url in second.content.decode()
    assert f"?from={today.isoformat()}" in second.content.decode()

    for bad in ("yesterday", "2026-02-30", "9999-12-31", "1999-01-01", "", "2026-1-1"):
        assert calendar_of(client, visits.venue, **{"from": bad}).context["calendar"].start == today
