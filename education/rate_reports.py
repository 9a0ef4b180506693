"""What the rate dashboards show: a school's, a district's and the city's figures for a
period, the gap to the target, and their charts.

Figures come from ``education.rate_figures`` (the kept counts); chart geometry from
``education.charts``. The web dashboards, the admin view and the XLSX exports all read these
reports, so a spreadsheet always says what the page says. Charts and the timeline are
computed on first use: an export that does not draw them does not pay for them.
"""

from dataclasses import dataclass, replace
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

    @cached_property
    def row(self) -> "FigureRow":
        """The group's figures as the total row of a table."""
        return figure_row(None, self.figures, self.target)


@dataclass(frozen=True)
class FigureRow:
    """A group's figures as a dashboard table shows them, the rates formatted once: a long
    table renders quickly when its template only places text."""

    group: object
    label: str  # str(group), worked out once: a class's name is looked up in its choices
    figures: Figures
    knowledge_rate: str
    participation_rate: str
    pass_rate: str
    average_score: str
    below_target: bool
    # Schools only: students taken off the roster, and a roster short of the declared size.
    off_roster: int = 0
    roster_short: bool = False


def _one_place(value: Decimal) -> str:
    """A figure already rounded to one decimal place, as ``floatformat:1`` shows it."""
    return f"{value:.1f}"


def figure_row(group: object, figures: Figures, target: Decimal) -> FigureRow:
    return FigureRow(
        group=group,
        label="" if group is None else str(group),
        figures=figures,
        knowledge_rate=_one_place(figures.knowledge_rate),
        participation_rate=_one_place(figures.participation_rate),
        pass_rate=_one_place(figures.pass_rate),
        average_score=_one_place(figures.average_score),
        below_target=figures.knowledge_rate < target,
    )


def figure_rows(rows: list[tuple[object, Figures]], target: Decimal) -> list[FigureRow]:
    return [figure_row(group, figures, target) for group, figures in rows]


# A roster with fewer students than this share of the declared enrolment is flagged: the
# rate's denominator is the roster, so an incomplete roster overstates the rate.
ROSTER_SHORT_SHARE = Decimal("0.9")


def roster_short(school: School) -> bool:
    """The school has a roster, but smaller than 90% of its declared enrolment."""
    declared = school.declared_enrolment
    return declared > 0 and 0 < school.roster_size < declared * ROSTER_SHORT_SHARE


def school_rows(rows: list[tuple[School, Figures]], target: Decimal) -> list[FigureRow]:
    """``figure_rows`` of schools, with what may make a school's rate look better than it is."""
    return [
        replace(
            figure_row(school, figures, target),
            off_roster=school.off_roster,
            roster_short=roster_short(school),
        )
        for school, figures in rows
    ]


def _bar_chart(rows: list[FigureRow], target: Decimal) -> charts.BarChart:
    return charts.bar_chart(
        [
            (
                _label(row.label, row.figures),
                row.figures.knowledge_rate,
                row.figures.participation_rate,
            )
            for row in rows
        ],
        target,
    )


def _label(name: str, figures: Figures) -> str:
    return _("%(name)s（申报）") % {"name": name} if figures.declared else name


def _timeline(period: Period, now: Figures, target: Decimal, district: District | None):
    """Knowledge and participation rates day by day, against today's enrolment.

    The running totals count every first attempt and first pass ever recorded, including
    those of students since taken off the roster, while today's figures count only students
    on it: unclamped, the line could end above the headline rate. Each running total is
    capped at today's figure, so the line ends at the headline rate."""
    points = rate_figures.timeline(period, district)
    if not points:
        return None
    daily = [
        (
            day,
            Figures(
                enrolled=now.enrolled,
                participants=min(participants, now.participants),
                passed=min(passed, now.passed),
            ),
        )
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
        return _bar_chart(self.class_rows, self.summary.target)

    @cached_property
    def class_rows(self) -> list[FigureRow]:
        return figure_rows(self.classes, self.summary.target)

    @cached_property
    def not_passed_rows(self) -> list[tuple[SchoolClass, str, list[tuple[str, str, str]]]]:
        """(class, its name, [(number, name, best score as text)]) of the students not passed
        yet."""
        best = _("最好 %(score)s 分")
        unanswered = _("未答题")

        def score(student: Student) -> str:
            return (
                unanswered if student.best_score is None else best % {"score": student.best_score}
            )

        return [
            (
                school_class,
                str(school_class),
                [(student.number, student.name, score(student)) for student in students],
            )
            for school_class, students in self.not_passed
        ]

    @property
    def roster_short(self) -> bool:
        return roster_short(self.school)

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
        return _bar_chart(self.school_rows, self.summary.target)

    @cached_property
    def timeline(self) -> charts.LineChart | None:
        return _timeline(self.period, self.summary.figures, self.summary.target, self.district)

    @cached_property
    def school_rows(self) -> list[FigureRow]:
        return school_rows(self.schools, self.summary.target)

    @property
    def off_roster(self) -> int:
        return sum(school.off_roster for school, _ in self.schools)

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
    ranking: list[tuple[rate_figures.RankedSchool, Figures]]  # every school, ranked

    @cached_property
    def district_chart(self) -> charts.BarChart:
        return _bar_chart(self.district_rows, self.summary.target)

    @cached_property
    def district_rows(self) -> list[FigureRow]:
        return figure_rows(self.districts, self.summary.target)

    @cached_property
    def timeline(self) -> charts.LineChart | None:
        return _timeline(self.period, self.summary.figures, self.summary.target, None)

    @cached_property
    def schools(self) -> list[tuple[School, Figures]]:
        """Every school of the city ranked, as models (for the export): one query."""
        return self._loaded(self.ranking)

    @cached_property
    def top_rows(self) -> list[FigureRow]:
        return self._shown[0]

    @cached_property
    def bottom_rows(self) -> list[FigureRow]:
        """The last of the ranking, lowest first; empty when the top list shows them all."""
        return self._shown[1]

    @cached_property
    def _shown(self) -> tuple[list[FigureRow], list[FigureRow]]:
        """The top and the bottom of the ranking, their schools loaded in one query."""
        top = self.ranking[:RANKING_ENDS]
        bottom = list(reversed(self.ranking[RANKING_ENDS:][-RANKING_ENDS:]))
        loaded = self._loaded(top + bottom)
        return (
            figure_rows(loaded[: len(top)], self.summary.target),
            figure_rows(loaded[len(top) :], self.summary.target),
        )

    @staticmethod
    def _loaded(rows: list[tuple[rate_figures.RankedSchool, Figures]]) -> list:
        schools = School.objects.select_related("district").in_bulk([s.pk for s, _ in rows])
        return [(schools[school.pk], figures) for school, figures in rows]


def city_report(period: Period, target: Decimal) -> CityReport:
    """Three queries whatever the number of districts and schools; the schools shown, the
    full list (for the export) and the timeline add one each when used. The districts'
    figures are sums of the ranked schools' figures."""
    ranking = rate_figures.city_school_ranking(period)
    districts = rate_figures.districts_of(ranking)
    return CityReport(
        period=period,
        summary=Summary(sum((figures for _, figures in districts), Figures()), target),
        districts=districts,
        ranking=ranking,
    )


def city_summary(period: Period, target: Decimal) -> Summary:
    """The city's figures alone, for the home page and the admin dashboard: two queries."""
    return Summary(rate_figures.city_figures(period), target)


def current_city_summary(target: Decimal) -> tuple[Period, Summary] | None:
    """The city's figures in the current period, for the public home page; ``None`` before
    any period starts. Three queries."""
    period = Period.objects.current()
    return (period, city_summary(period, target)) if period else None
