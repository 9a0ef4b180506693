"""The month calendar of a venue's slots: each day's slots with the group and public places
taken out of the capacity and a fill level, closed days and closed slots marked, each day
linking to its sheet. Bad choices fall back to the first venue and this month."""

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Closure, Venue
from tests.booking_factories import at, book_group, book_public, make_slot, make_venue

CALENDAR_QUERIES = 12


def calendar(client, **params) -> str:
    response = client.get(reverse("slot_calendar:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_month_shows_fill_levels_closures_and_links(client, visits):
    schools = visits.schools
    book_group(visits.slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)
    book_group(visits.slot, schools.coordinator_b, schools.school_b, students=40, teachers=2)
    book_public(visits.slot, visits.visitor, visitors=4)
    full = make_slot(visits.venue, at(3), public_capacity=4, max_groups=1)
    book_public(full, visits.visitor, visitors=4)
    make_slot(visits.venue, at(4), closed=True, note="设备检修")
    Closure.objects.create(
        venue=visits.venue, first_day=at(14).date(), last_day=at(14).date(), reason="冬至闭馆"
    )
    client.force_login(visits.staff)

    html = calendar(client, venue=visits.venue.pk, month="2026-12")

    assert "市禁毒教育基地 · 2026年12月" in html
    assert "09:00–10:30" in html
    assert '<span class="slot-fill slot-fill-busy">团体 90/120 · 2/3 团</span>' in html
    assert '<span class="slot-fill slot-fill-open">散客 4/30</span>' in html
    assert '<span class="slot-fill slot-fill-full">散客 4/4</span>' in html
    assert "停开：设备检修" in html
    assert "闭馆：冬至闭馆" in html
    assert reverse("slot_calendar:day", args=[visits.venue.pk, "2026-12-09"]) in html
    assert f'href="?venue={visits.venue.pk}&amp;month=2026-11"' in html
    assert f'href="?venue={visits.venue.pk}&amp;month=2027-01"' in html


def test_managers_get_links_to_change_a_slot_and_staff_do_not(client, visits):
    edit_url = reverse("booking_slots:edit", args=[visits.slot.pk])
    client.force_login(visits.manager)
    assert edit_url in calendar(client, month="2026-12")
    client.force_login(visits.staff)
    assert edit_url not in calendar(client, month="2026-12")


@pytest.mark.parametrize(
    "params",
    [
        {"venue": "abc", "month": "2026-13"},
        {"venue": "99999", "month": "12-2026"},
        {"venue": "", "month": "-1-1"},
        {"month": "99999999999999999999-01"},
        {"month": "2026-12-01"},
    ],
)
def test_bad_choices_fall_back_to_the_first_venue_and_this_month(client, visits, params):
    make_venue("西湖区禁毒教育基地", "xihu-base", sort_order=5)
    client.force_login(visits.staff)

    html = calendar(client, **params)

    this_month = timezone.localdate()
    assert f"市禁毒教育基地 · {this_month.year}年{this_month.month}月" in html


def test_without_venues_it_says_to_add_one(client, visits):
    Venue.objects.all().delete()
    client.force_login(visits.staff)

    assert "还没有场馆" in calendar(client)


def test_query_count_does_not_grow_with_slots_and_bookings(
    client, visits, django_assert_num_queries
):
    client.force_login(visits.staff)
    params = {"venue": visits.venue.pk, "month": "2026-12"}
    calendar(client, **params)
    with django_assert_num_queries(CALENDAR_QUERIES):
        calendar(client, **params)

    schools = visits.schools
    Venue.objects.filter(pk=visits.venue.pk).update(max_open_per_school=50, max_open_per_person=50)
    for day in range(3, 20):
        slot = make_slot(visits.venue, at(day, 14))
        book_public(slot, visits.visitor, visitors=2)
        book_group(slot, schools.coordinator_a, schools.school_a)
    Closure.objects.create(first_day=at(20).date(), last_day=at(22).date(), reason="元旦")
    with django_assert_num_queries(CALENDAR_QUERIES):
        calendar(client, **params)
