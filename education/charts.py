"""Geometry of the dashboards' SVG charts.

Everything a template needs to draw a chart (bar rectangles, polyline points, axis ticks, the
target line) is computed here in SVG user units; templates only place it. Each chart has a
fixed ``viewBox`` and scales to the width of the screen. Percentages are clipped to 0–100,
so no bar or point ever leaves its chart.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WIDTH = 400
# Left and right margins keep the "0%" and "100%" tick labels inside the picture.
MARGIN = 18
PLOT_WIDTH = WIDTH - 2 * MARGIN
PERCENT_TICKS = (0, 25, 50, 75, 100)
LABEL_LENGTH = 12

Number = int | float | Decimal


def clip_percent(value: Number) -> float:
    return min(100.0, max(0.0, float(value)))


def shorten(label: str, length: int = LABEL_LENGTH) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


def _percent_x(value: Number) -> float:
    return round(MARGIN + clip_percent(value) * PLOT_WIDTH / 100, 1)


def _bar_width(value: Number) -> float:
    return round(clip_percent(value) * PLOT_WIDTH / 100, 1)


def _anchor(x: float) -> str:
    """Where a label centred on ``x`` would run off the picture, it ends or starts at x."""
    if x > WIDTH - 2 * MARGIN:
        return "end"
    if x < 2 * MARGIN:
        return "start"
    return "middle"


def _percent_ticks() -> list[Tick]:
    return [Tick(_percent_x(value), f"{value}%") for value in PERCENT_TICKS]


@dataclass(frozen=True)
class Gauge:
    """One group's knowledge rate as a bar on a 0–100% track, participation as a lighter bar
    behind it, and a marker at the target."""

    rate: float
    participation: float
    target: float
    x: float
    rate_width: float
    participation_width: float
    target_x: float
    target_anchor: str
    ticks: list[Tick]
    track_width: float = PLOT_WIDTH
    width: int = WIDTH
    height: int = 84
    label_y: int = 16
    bar_y: int = 24
    bar_height: int = 30
    marker_top: int = 20
    marker_bottom: int = 60
    tick_y: int = 78


def gauge(rate: Number, participation: Number, target: Number) -> Gauge:
    return Gauge(
        rate=clip_percent(rate),
        participation=clip_percent(participation),
        target=clip_percent(target),
        x=MARGIN,
        rate_width=_bar_width(rate),
        participation_width=_bar_width(participation),
        target_x=_percent_x(target),
        target_anchor=_anchor(_percent_x(target)),
        ticks=_percent_ticks(),
    )


ROW_HEIGHT = 46
BAR_OFFSET = 24
BAR_HEIGHT = 14
AXIS_HEIGHT = 24


@dataclass(frozen=True)
class BarRow:
    """One group's bar. The texts are formatted here, once: a district's chart has a row
    for each of its schools."""

    label: str
    title: str
    tooltip: str
    rate: float
    participation: float
    rate_text: str
    participation_text: str
    y: float
    text_y: float
    bar_y: float
    rate_width: float
    participation_width: float
    marker_top: float
    marker_bottom: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one row a group: the label above its bar, the knowledge rate as the
    dark bar, participation as the light bar behind it, and the target marked across each
    bar (not across the labels, which a line down the chart would cross out)."""

    rows: list[BarRow]
    target: float
    target_x: float
    ticks: list[Tick]
    height: float
    axis_y: float
    tick_y: float
    x: float = MARGIN
    track_width: float = PLOT_WIDTH
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    right: float = MARGIN + PLOT_WIDTH


def bar_chart(items: Sequence[tuple[str, Number, Number]], target: Number) -> BarChart:
    """``items`` are (label, knowledge rate, participation rate), drawn in the given order."""
    tooltip = _("%(name)s：知晓率 %(rate)s%%，参与率 %(participation)s%%")
    rows = []
    for index, (label, rate, participation) in enumerate(items):
        top = index * ROW_HEIGHT
        texts = {
            "rate": f"{clip_percent(rate):.1f}",
            "participation": f"{clip_percent(participation):.1f}",
        }
        rows.append(
            BarRow(
                label=shorten(label),
                title=label,
                tooltip=tooltip % {"name": label, **texts},
                rate=clip_percent(rate),
                participation=clip_percent(participation),
                rate_text=texts["rate"],
                participation_text=texts["participation"],
                y=top,
                text_y=top + BAR_OFFSET - 6,
                bar_y=top + BAR_OFFSET,
                rate_width=_bar_width(rate),
                participation_width=_bar_width(participation),
                marker_top=top + BAR_OFFSET - 4,
                marker_bottom=top + BAR_OFFSET + BAR_HEIGHT + 4,
            )
        )
    axis_y = len(rows) * ROW_HEIGHT
    return BarChart(
        rows=rows,
        target=clip_percent(target),
        target_x=_percent_x(target),
        ticks=_percent_ticks(),
        height=axis_y + AXIS_HEIGHT,
        axis_y=axis_y,
        tick_y=axis_y + AXIS_HEIGHT - 6,
    )


LINE_HEIGHT = 220
PLOT_LEFT = 44
PLOT_RIGHT = WIDTH - MARGIN
PLOT_TOP = 12
PLOT_BOTTOM = LINE_HEIGHT - 28
DATE_TICKS = 3

Point = tuple[datetime.date, Number]


@dataclass(frozen=True)
class Line:
    label: str
    points: str
    last_x: float
    last_y: float
    last_value: float


@dataclass(frozen=True)
class LineChart:
    """Running percentages over a period against the target, drawn as steps: a running
    total changes on the day something happens and holds until the next change."""

    lines: list[Line]
    target: float
    target_y: float
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    start: datetime.date
    end: datetime.date
    until: datetime.date
    width: int = WIDTH
    height: int = LINE_HEIGHT
    left: int = PLOT_LEFT
    right: int = PLOT_RIGHT
    top: int = PLOT_TOP
    bottom: int = PLOT_BOTTOM
    y_label_x: int = PLOT_LEFT - 6
    x_label_y: int = LINE_HEIGHT - 8


def _y(value: Number) -> float:
    return round(PLOT_BOTTOM - clip_percent(value) * (PLOT_BOTTOM - PLOT_TOP) / 100, 1)


def timeline_chart(
    start: datetime.date,
    end: datetime.date,
    until: datetime.date,
    series: Sequence[tuple[str, Sequence[Point]]],
    target: Number,
) -> LineChart:
    """The axis runs over the period, ``start`` to ``end``; the lines stop at ``until``
    (today), so the time left shows. ``series`` are (label, [(date, percentage), ...]) of
    running values, dates ascending: a value is 0 before its first point and holds after its
    last one, up to ``until``."""
    end = max(start, end)
    span = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        day = min(max(day, start), end)
        return round(PLOT_LEFT + (day - start).days * (PLOT_RIGHT - PLOT_LEFT) / span, 1)

    lines = []
    for label, points in series:
        value = 0.0
        coordinates = [(x(start), _y(0))]
        for day, new_value in points:
            if clip_percent(new_value) == value:
                continue
            coordinates.append((x(day), _y(value)))
            value = clip_percent(new_value)
            coordinates.append((x(day), _y(value)))
        coordinates.append((x(until), _y(value)))
        lines.append(
            Line(
                label=label,
                points=" ".join(f"{px},{py}" for px, py in coordinates),
                last_x=coordinates[-1][0],
                last_y=coordinates[-1][1],
                last_value=value,
            )
        )
    # A period of a few days would repeat a date: each date is ticked once.
    steps = range(DATE_TICKS + 1)
    days = sorted({start + datetime.timedelta(days=span * n // DATE_TICKS) for n in steps})
    return LineChart(
        lines=lines,
        target=clip_percent(target),
        target_y=_y(target),
        x_ticks=[Tick(x(day), date_format(day, "MONTH_DAY_FORMAT")) for day in days],
        y_ticks=[Tick(_y(value), f"{value}%") for value in PERCENT_TICKS],
        start=start,
        end=end,
        until=min(max(until, start), end),
    )
