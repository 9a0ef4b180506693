"""A month's visitor figures on a small built city: groups, visitors booked and arrived,
public parties, the no-show rate (no-shows and partial no-shows over bookings that reached
their slot), cancellations, by district and school level, the 12-month trend, one venue or
all, in four queries."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest

from booking.checkin import check_in
from booking.monthly_figures import Tally, month_figures
from booking.no_shows import mark_no_shows
from booking.services import cancel_booking
from tests.booking_factories import NOW, at, book_group, book_public, make_slot, make_venue
from tests.school_factories import make_coordinator

pytestmark = pytest.mark.django_db

DECEMBER = datetime.date(2026, 12, 1)
NOVEMBER = datetime.date(2026, 11, 1)


@pytest.fixture
def city(visits):
    """December 2026 at the city base: school A's group arrives in full and books again for
    the 27th, a public party of 3 arrives as 1 (a partial no-show), school B's group does
    not come, school C's group cancels; a public party of 4 is booked at a district base. In
    November school C's group of 21 came."""
    schools, staff = visits.schools, visits.staff
    coordinator_c = make_coordinator(schools.school_c, "teacher.c@example.cn")
    came = book_group(visits.slot, schools.coordinator_a, schools.school_a)
    partial = book_public(visits.slot, visits.visitor, visitors=3)
    check_in(came, arrived=48, by=staff, now=visits.slot.starts_at)
    check_in(partial, arrived=1, by=staff, now=visits.slot.starts_at)
    next_day = make_slot(visits.venue, at(3))
    book_group(next_day, schools.coordinator_b, schools.school_b, students=30, teachers=2)
    cancelled = book_group(next_day, coordinator_c, schools.school_c, students=20, teachers=1)
    cancel_booking(cancelled, by=coordinator_c, now=NOW)
    mark_no_shows(now=at(3, 11))
    book_group(
        make_slot(visits.venue, at(20)),
        schools.coordinator_a,
        schools.school_a,
        students=40,
        teachers=2,
    )
    district_base = make_venue("西湖区禁毒教育基地", "xihu-base", district=schools.other_district)
    book_public(make_slot(district_base, at(21)), visits.visitor, visitors=4)
    november = make_slot(visits.venue, at(-17))
    last_month = book_group(
        november,
        coordinator_c,
        schools.school_c,
        students=20,
        teachers=1,
        now=november.starts_at - timedelta(days=3),
    )
    check_in(last_month, arrived=21, by=staff, now=november.starts_at)
    return visits


def test_the_months_totals(city):
    totals = month_figures(DECEMBER).totals
    assert totals == Tally(
        groups=3,
        group_visitors=48 + 32 + 42,
        public_parties=2,
        public_visitors=3 + 4,
        attended=2,
        arrived=48 + 1,
        no_shows=1,
        partial=1,
        cancelled=1,
    )
    assert totals.booked_visitors == 129
    assert totals.reached == 3
    assert totals.no_show_rate == Decimal("66.7")


def test_one_venue(city):
    totals = month_figures(DECEMBER, city.venue).totals
    assert (totals.public_parties, totals.public_visitors, totals.booked_visitors) == (1, 3, 125)


def test_by_district_and_level_count_school_groups(city):
    figures = month_figures(DECEMBER)
    districts = dict(figures.districts)
    assert list(districts) == ["东城区", "西湖区"]
    east = districts["东城区"]
    assert (east.groups, east.booked_visitors, east.arrived) == (3, 122, 48)
    assert (east.no_shows, east.partial, east.reached, east.no_show_rate) == (
        1,
        0,
        2,
        Decimal("50.0"),
    )
    assert districts["西湖区"] == Tally(cancelled=1)
    assert figures.district_total == Tally(
        groups=3,
        group_visitors=122,
        attended=1,
        arrived=48,
        no_shows=1,
        cancelled=1,
    )
    levels = dict(figures.levels)
    assert list(levels) == ["小学", "初中", "高中", "中职", "高校"]
    assert levels["初中"] == east
    assert levels["小学"] == Tally(cancelled=1)
    assert levels["高中"] == Tally()


def test_the_trend_runs_twelve_months_to_the_chosen_one(city):
    trend = month_figures(DECEMBER).trend
    assert [month for month, _ in trend] == [datetime.date(2026, n, 1) for n in range(1, 13)]
    by_month = dict(trend)
    assert (by_month[NOVEMBER].booked_visitors, by_month[NOVEMBER].arrived) == (21, 21)
    assert by_month[DECEMBER] == month_figures(DECEMBER).totals
    assert all(tally == Tally() for month, tally in trend[:10])
    november = month_figures(NOVEMBER)
    assert november.trend[-1][0] == NOVEMBER and november.trend[0][0] == datetime.date(2025, 12, 1)
    assert november.totals.groups == 1


def test_a_month_without_visits_is_zero(city):
    figures = month_figures(datetime.date(2027, 3, 1))
    assert figures.totals == Tally()
    assert figures.totals.no_show_rate == Decimal("0.0")


def test_four_queries(city, django_assert_num_queries):
    with django_assert_num_queries(4):
        month_figures(DECEMBER, city.venue)
