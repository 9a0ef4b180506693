"""What the rate dashboards show: a school's, a district's and the city's figures for a
period, the gap to the target, and their charts.

Figures come from ``education.rate_figures`` (the kept counts); chart geometry from
``education.charts``. The web dashboards, the admin view and the XLSX exports all read these
reports, so a spreadsheet always says what the page says. Charts and the timeline are
computed on first use: an export that does not draw them does not pay for them.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import cached_property

from django.http import HttpRequest
from django.utils.translation import gettext as _

from education import charts, rate_figures
from education.models import District, Period, PlatformSettings, School, SchoolClass, Student
from education.rate_figures import Figures

# The city view lists this many schools from the top and from the bottom of the ranking.
RANKING_ENDS = 10


def site_target(request: HttpRequest) -> Decimal:
    """The knowledge-rate target of the request's site (a setting, 100% unless changed)."""
    return PlatformSettings.for_request(request).knowledge_rate_target


def students_to_target(figures: Figures, target: Decimal) -> int:
    """How many more students must pass for the group to reach the target."""
    needed = (Decimal(figures.enrolled) * target / 100).to_integral_value(ROUND_CEILING)
    return max(int(needed) - figures.passed, 0)


@dataclass(frozen=True)
class Summary:
    """A group's figures against the target."""

    figures: Figures
    target: Decimal

    @cached_property
    def gauge(self) -> charts.Gauge:
        return charts.gauge(
            self.figures.knowledge_rate, self.figures.participation_rate, self.target
        )

    @property
    def to_target(self) -> int:
        return students_to_target(self.figures, self.target)

    @property
    def points_to_target(self) -> Decimal:
        """Percentage points between the knowledge rate and the target."""
        return max(self.target - self.figures.knowledge_rate, Decimal(0))

    @property
    def reached(self) -> bool:
        return self.figures.enrolled > 0 and self.to_target == 0


def _bar_chart(rows: list[tuple[object, Figures]], target: Decimal) -> charts.BarChart:
    return charts.bar_chart(
        [
            (_label(group, figures), figures.knowledge_rate, figures.participation_rate)
            for group, figures in rows
        ],
        target,
    )


def _label(group: object, figures: Figures) -> str:
    return _("%(name)s（申报）") % {"name": group} if figures.declared else str(group)


def _timeline(period: Period, enrolled: int, target: Decimal, district: District | None):
    """Knowledge and participation rates day by day, against today's enrolment."""
    points = rate_figures.timeline(period, district)
    if not points:
        return None
    daily = [
        (day, Figures(enrolled=enrolled, participants=participants, passed=passed))
        for day, participants, passed in points
    ]
    return charts.timeline_chart(
        period.starts_on,
        period.ends_on,
        points[-1][0],
        [
            (_("知晓率"), [(day, figures.knowledge_rate) for day, figures in daily]),
            (_("参与率"), [(day, figures.participation_rate) for day, figures in daily]),
        ],
        target,
    )


@dataclass(frozen=True)
class SchoolReport:
    school: School
    period: Period
    summary: Summary
    classes: list[tuple[SchoolClass, Figures]]
    not_passed: list[tuple[SchoolClass, list[Student]]]

    @cached_property
    def class_chart(self) -> charts.BarChart:
        return _bar_chart(self.classes, self.summary.target)

    @property
    def not_passed_count(self) -> int:
        return sum(len(students) for _, students in self.not_passed)


def school_report(school: School, period: Period, target: Decimal) -> SchoolReport:
    """Four queries, whatever the number of classes and students."""
    return SchoolReport(
        school=school,
        period=period,
        summary=Summary(rate_figures.school_figures(school, period), target),
        classes=rate_figures.class_figures(school, period),
        not_passed=rate_figures.students_not_passed(school, period),
    )


@dataclass(frozen=True)
class DistrictReport:
    district: District
    period: Period
    summary: Summary
    schools: list[tuple[School, Figures]]

    @cached_property
    def school_chart(self) -> charts.BarChart:
        return _bar_chart(self.schools, self.summary.target)

    @cached_property
    def timeline(self) -> charts.LineChart | None:
        enrolled = self.summary.figures.enrolled
        return _timeline(self.period, enrolled, self.summary.target, self.district)

    @property
    def declared_schools(self) -> int:
        return sum(1 for _, figures in self.schools if figures.declared)


def district_report(district: District, period: Period, target: Decimal) -> DistrictReport:
    """Two queries (three with the timeline), whatever the number of schools."""
    schools = rate_figures.district_school_figures(district, period)
    return DistrictReport(
        district=district,
        period=period,
        summary=Summary(sum((figures for _, figures in schools), Figures()), target),
        schools=schools,
    )


@dataclass(frozen=True)
class CityReport:
    period: Period
    summary: Summary
    districts: list[tuple[District, Figures]]

    @cached_property
    def district_chart(self) -> charts.BarChart:
        return _bar_chart(self.districts, self.summary.target)

    @cached_property
    def timeline(self) -> charts.LineChart | None:
        enrolled = self.summary.figures.enrolled
        return _timeline(self.period, enrolled, self.summary.target, None)

    @cached_property
    def schools(self) -> list[tuple[School, Figures]]:
        """Every school of the city ranked by knowledge rate: two queries a district."""
        schools = [
            row
            for district, _ in self.districts
            for row in rate_figures.district_school_figures(district, self.period)
        ]
        schools.sort(key=lambda row: (-row[1].knowledge_rate, row[0].name, row[0].pk))
        return schools

    @property
    def top_schools(self) -> list[tuple[School, Figures]]:
        return self.schools[:RANKING_ENDS]

    @property
    def bottom_schools(self) -> list[tuple[School, Figures]]:
        """The last of the ranking, lowest first; empty when the top list shows them all."""
        if len(self.schools) <= RANKING_ENDS:
            return []
        rest = self.schools[RANKING_ENDS:]
        return list(reversed(rest[-RANKING_ENDS:]))


def city_report(period: Period, target: Decimal) -> CityReport:
    """Three queries; the school ranking and the timeline add theirs when used."""
    districts = rate_figures.city_district_figures(period)
    return CityReport(
        period=period,
        summary=Summary(sum((figures for _, figures in districts), Figures()), target),
        districts=districts,
    )


def city_summary(period: Period, target: Decimal) -> Summary:
    """The city's figures alone, for the home page and the admin dashboard: two queries."""
    return Summary(rate_figures.city_figures(period), target)


def current_city_summary(target: Decimal) -> tuple[Period, Summary] | None:
    """The city's figures in the current period, for the public home page; ``None`` before
    any period starts. Three queries."""
    period = Period.objects.current()
    return (period, city_summary(period, target)) if period else None
