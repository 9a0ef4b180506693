"""The rate over time: running totals of first attempts and first passes for every day from
the period's start to today, for the city or one district."""

import datetime

import pytest
from django.utils import timezone

from education.rate_figures import timeline
from tests.rates.submissions import submit
from tests.school_factories import build_schools, make_period

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def schools():
    today = timezone.localdate()
    schools = build_schools(students_per_class=2)
    schools.period = make_period("短周期", starts_on=today - 4 * DAY, ends_on=today + 30 * DAY)
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    a1, a2 = schools.class_a.students.order_by("number")
    c1 = schools.class_c.students.first()
    submit(a1, 60, period=schools.period, at=noon - 3 * DAY)
    submit(a1, 90, period=schools.period, at=noon - DAY)
    submit(a2, 85, period=schools.period, at=noon - DAY)
    submit(c1, 40, period=schools.period, at=noon - 2 * DAY)
    return schools


def test_the_city_timeline_runs_from_the_start_to_today(schools):
    today = timezone.localdate()

    points = timeline(schools.period)

    assert points == [
        (today - 4 * DAY, 0, 0),
        (today - 3 * DAY, 1, 0),
        (today - 2 * DAY, 2, 0),
        (today - DAY, 3, 2),
        (today, 3, 2),
    ]


def test_a_district_timeline_counts_its_schools_only(schools):
    points = timeline(schools.period, district=schools.other_district)

    assert [(participants, passed) for _, participants, passed in points] == [
        (0, 0),
        (0, 0),
        (1, 0),
        (1, 0),
        (1, 0),
    ]


def test_a_finished_period_ends_on_its_last_day(schools):
    today = timezone.localdate()
    schools.period.ends_on = today - 2 * DAY
    schools.period.save()

    points = timeline(schools.period)

    assert points[-1] == (today - 2 * DAY, 2, 0)


def test_a_period_not_started_has_no_points():
    today = timezone.localdate()
    period = make_period("下一学年", starts_on=today + DAY, ends_on=today + 300 * DAY)

    assert timeline(period) == []
