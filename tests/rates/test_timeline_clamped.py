"""The rate over time counts every pass ever recorded, students since taken off the roster
included; the chart caps each running total at today's figures, so its line ends at the
headline rate and never above it."""

from decimal import Decimal

import pytest

from education.rate_counts import recount_school
from education.rate_reports import city_report, district_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def left(rated):
    """Two of school A's students who passed are taken off the roster."""
    for student in rated.passed_a[:2]:
        student.active = False
        student.save()
    recount_school(rated.schools.school_a)
    return rated


def last_values(report) -> dict[str, float]:
    return {line.label: line.last_value for line in report.timeline.lines}


@pytest.mark.parametrize("make_report", ["district", "city"])
def test_the_line_ends_at_the_headline_rate(left, make_report):
    schools = left.schools
    if make_report == "district":
        report = district_report(schools.district, schools.period, Decimal(100))
    else:
        report = city_report(schools.period, Decimal(100))
    figures = report.summary.figures
    assert figures.passed == 2  # four passes were recorded, two of them by leavers
    assert last_values(report) == {
        "知晓率": float(figures.knowledge_rate),
        "参与率": float(figures.participation_rate),
    }
