"""Monthly visitor figures of the bases, for the city office: groups and visitors booked and
arrived, public parties, the no-show rate and cancellations of the visits that fall in a
month (by the slot's day), by district and by school level, with a 12-month trend.

Definitions (shown on the page as well):

- booked: bookings confirmed, checked in or recorded as no-shows (pending, refused, lapsed
  and cancelled ones are not visits);
- arrived: persons counted at check-in;
- no-show rate: no-shows plus partial no-shows over the bookings that reached their slot
  (checked in or recorded as no-shows);
- districts and school levels count school groups only; public parties have no school.

Every report runs three aggregate queries plus one for the district names, whatever the
number of bookings.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import dateformat
from django.utils.translation import pgettext

from booking.models import Booking, Pool, Venue
from education import charts
from education.models import District, School
from education.rate_figures import percentage

Status = Booking.Status
BOOKED = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)
TREND_MONTHS = 12
FIRST_YEAR, LAST_YEAR = 2000, 2999


# --- months -------------------------------------------------------------------------------


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after ``month`` (negative: before)."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(value: str | None, today: datetime.date) -> tuple[datetime.date, bool]:
    """The month ``value`` ("2026-12") names, or ``today``'s month; the flag says whether
    ``value`` was given but not understood."""
    current = today.replace(day=1)
    if not value:
        return current, False
    try:
        month = datetime.datetime.strptime(value.strip(), "%Y-%m").date()
    except ValueError:
        return current, True
    if not FIRST_YEAR <= month.year <= LAST_YEAR:
        return current, True
    return month, False


# --- counting -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """The counts of a group of bookings. ``Tally()`` is zero."""

    groups: int = 0
    group_visitors: int = 0
    public_parties: int = 0
    public_visitors: int = 0
    attended: int = 0
    arrived: int = 0
    no_shows: int = 0
    partial: int = 0
    cancelled: int = 0

    @property
    def booked_visitors(self) -> int:
        return self.group_visitors + self.public_visitors

    @property
    def reached(self) -> int:
        """Bookings that reached their slot: checked in or recorded as no-shows."""
        return self.attended + self.no_shows

    @property
    def no_show_rate(self) -> Decimal:
        return percentage(self.no_shows + self.partial, self.reached)


def _aggregates() -> dict:
    booked = Q(status__in=BOOKED)
    group, public = Q(pool=Pool.GROUP), Q(pool=Pool.PUBLIC)
    attended = Q(status=Status.ATTENDED)
    return {
        "groups": Count("pk", filter=booked & group),
        "group_visitors": Sum("headcount", filter=booked & group, default=0),
        "public_parties": Count("pk", filter=booked & public),
        "public_visitors": Sum("headcount", filter=booked & public, default=0),
        "attended": Count("pk", filter=attended),
        "arrived": Sum("arrived", filter=attended, default=0),
        "no_shows": Count("pk", filter=Q(status=Status.NO_SHOW)),
        "partial": Count("pk", filter=attended & Q(partial_show=True)),
        "cancelled": Count("pk", filter=Q(status=Status.CANCELLED)),
    }


def _tally(row: dict | None) -> Tally:
    row = row or {}
    return Tally(**{name: row.get(name) or 0 for name in _aggregates()})


def _bookings(first: datetime.date, end: datetime.date, venue: Venue | None) -> QuerySet:
    """Bookings of the slots on days ``first`` ≤ day < ``end``, at ``venue`` if given."""
    bookings = Booking.objects.filter(slot__day__gte=first, slot__day__lt=end)
    return bookings.filter(slot__venue=venue) if venue else bookings


def _grouped(bookings: QuerySet, key: str) -> dict:
    """``{key value: Tally}`` of ``bookings`` grouped by ``key``. One query."""
    rows = bookings.order_by().values(key).annotate(**_aggregates())
    return {row[key]: _tally(row) for row in rows}


# --- the report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthFigures:
    month: datetime.date
    venue: Venue | None
    totals: Tally
    districts: list[tuple[str, Tally]]
    levels: list[tuple[str, Tally]]
    trend: list[tuple[datetime.date, Tally]]

    @property
    def district_total(self) -> Tally:
        """The school groups of every district: the footer of the district table."""
        return _sum(tally for _, tally in self.districts)

    @property
    def trend_chart(self) -> "TrendChart":
        return trend_chart(self.trend)

    @property
    def district_chart(self) -> "CountBars":
        return count_bars(self.districts)


def _sum(tallies) -> Tally:
    tallies = list(tallies)
    return Tally(**{name: sum(getattr(t, name) for t in tallies) for name in _aggregates()})


def month_figures(month: datetime.date, venue: Venue | None = None) -> MonthFigures:
    """The figures of ``month`` (its first day) at ``venue`` (every venue if None). Four
    queries."""
    end = add_months(month, 1)
    first = add_months(month, 1 - TREND_MONTHS)
    by_month = _grouped(
        _bookings(first, end, venue).annotate(month=TruncMonth("slot__day")), "month"
    )
    trend = [(m, by_month.get(m, Tally())) for m in _months(first, TREND_MONTHS)]
    groups = _bookings(month, end, venue).filter(pool=Pool.GROUP)
    by_district = _grouped(groups, "school__district")
    by_level = _grouped(groups, "school__level")
    return MonthFigures(
        month=month,
        venue=venue,
        totals=trend[-1][1],
        districts=[
            (district.name, by_district.get(district.pk, Tally()))
            for district in District.objects.all()
        ],
        levels=[(label, by_level.get(level, Tally())) for level, label in School.Level.choices],
        trend=trend,
    )


def _months(first: datetime.date, count: int) -> list[datetime.date]:
    return [add_months(first, n) for n in range(count)]


# --- charts -------------------------------------------------------------------------------
# Counts drawn on the layout of education/charts.py (same picture width, margins, rows and
# plot area), on an axis from 0 to a round number above the largest count.

COUNT_TICKS = 4


def count_axis(largest: int) -> tuple[int, list[int]]:
    """The top of an axis holding ``largest`` and its ticks: ``COUNT_TICKS`` equal steps of
    1, 2 or 5 times a power of ten, or 25 times one."""
    needed = max(largest, 1) / COUNT_TICKS
    step = 1
    while step < needed:
        step = _next_step(step)
    return step * COUNT_TICKS, [step * n for n in range(COUNT_TICKS + 1)]


def _next_step(step: int) -> int:
    """1 → 2 → 5 → 10 → 20 → 25 → 50 → 100 → 200 → 250 → …"""
    digits = str(step)
    if digits[0] in "15" or digits.startswith("25"):
        return step * 2
    return step * 5 // 4 if step >= 20 else step * 5 // 2


@dataclass(frozen=True)
class TrendPoint:
    month: datetime.date
    label: str
    x: float
    booked: int
    arrived: int
    booked_y: float
    arrived_y: float


@dataclass(frozen=True)
class TrendChart:
    """Visitors booked and arrived, month by month, as two lines with a dot a month."""

    points: list[TrendPoint]
    booked_line: str
    arrived_line: str
    y_ticks: list[charts.Tick]
    width: int = charts.WIDTH
    height: int = charts.LINE_HEIGHT
    left: int = charts.PLOT_LEFT
    right: int = charts.PLOT_RIGHT
    y_label_x: int = charts.PLOT_LEFT - 6
    x_label_y: int = charts.LINE_HEIGHT - 8


def trend_chart(trend: list[tuple[datetime.date, Tally]]) -> TrendChart:
    top, ticks = count_axis(max((t.booked_visitors for _, t in trend), default=0))
    plot_height = charts.PLOT_BOTTOM - charts.PLOT_TOP
    span = (charts.PLOT_RIGHT - charts.PLOT_LEFT) / max(len(trend) - 1, 1)

    def y(value: int) -> float:
        return round(charts.PLOT_BOTTOM - value * plot_height / top, 1)

    points = [
        TrendPoint(
            month=month,
            # Every other month is named, counting back from the chosen one: twelve names
            # do not fit side by side on a phone.
            label=(
                dateformat.format(month, pgettext("chart month format", "n月"))
                if (len(trend) - index) % 2
                else ""
            ),
            x=round(charts.PLOT_LEFT + index * span, 1),
            booked=tally.booked_visitors,
            arrived=tally.arrived,
            booked_y=y(tally.booked_visitors),
            arrived_y=y(tally.arrived),
        )
        for index, (month, tally) in enumerate(trend)
    ]
    return TrendChart(
        points=points,
        booked_line=" ".join(f"{p.x},{p.booked_y}" for p in points),
        arrived_line=" ".join(f"{p.x},{p.arrived_y}" for p in points),
        y_ticks=[charts.Tick(y(value), str(value)) for value in ticks],
    )


@dataclass(frozen=True)
class CountRow:
    label: str
    title: str
    booked: int
    arrived: int
    text_y: float
    bar_y: float
    booked_width: float
    arrived_width: float


@dataclass(frozen=True)
class CountBars:
    """Horizontal bars, one row a group: visitors booked (light) and arrived (dark)."""

    rows: list[CountRow]
    ticks: list[charts.Tick]
    height: float
    axis_y: float
    tick_y: float
    x: float = charts.MARGIN
    right: float = charts.MARGIN + charts.PLOT_WIDTH
    track_width: float = charts.PLOT_WIDTH
    width: int = charts.WIDTH
    bar_height: int = charts.BAR_HEIGHT


def count_bars(items: list[tuple[str, Tally]]) -> CountBars:
    top, ticks = count_axis(max((t.booked_visitors for _, t in items), default=0))

    def width(value: int) -> float:
        return round(value * charts.PLOT_WIDTH / top, 1)

    rows = [
        CountRow(
            label=charts.shorten(label),
            title=label,
            booked=tally.booked_visitors,
            arrived=tally.arrived,
            text_y=index * charts.ROW_HEIGHT + charts.BAR_OFFSET - 6,
            bar_y=index * charts.ROW_HEIGHT + charts.BAR_OFFSET,
            booked_width=width(tally.booked_visitors),
            arrived_width=width(tally.arrived),
        )
        for index, (label, tally) in enumerate(items)
    ]
    axis_y = len(rows) * charts.ROW_HEIGHT
    return CountBars(
        rows=rows,
        ticks=[charts.Tick(round(charts.MARGIN + width(value), 1), str(value)) for value in ticks],
        height=axis_y + charts.AXIS_HEIGHT,
        axis_y=axis_y,
        tick_y=axis_y + charts.AXIS_HEIGHT - 6,
    )
