"""The geometry of the figures' charts, on the layout of education/charts.py: a count axis
up to a round number, the 12-month lines inside the plot area, the district bars scaled to
the largest group."""

import datetime

import pytest

from booking.monthly_figures import Tally, count_axis, count_bars, trend_chart
from education import charts


@pytest.mark.parametrize(
    ("largest", "top", "ticks"),
    [
        (0, 4, [0, 1, 2, 3, 4]),
        (3, 4, [0, 1, 2, 3, 4]),
        (7, 8, [0, 2, 4, 6, 8]),
        (9, 20, [0, 5, 10, 15, 20]),
        (90, 100, [0, 25, 50, 75, 100]),
        (100, 100, [0, 25, 50, 75, 100]),
        (129, 200, [0, 50, 100, 150, 200]),
        (200, 200, [0, 50, 100, 150, 200]),
        (201, 400, [0, 100, 200, 300, 400]),
        (801, 1000, [0, 250, 500, 750, 1000]),
        (4100, 8000, [0, 2000, 4000, 6000, 8000]),
    ],
)
def test_the_count_axis_ends_on_a_round_number(largest, top, ticks):
    assert count_axis(largest) == (top, ticks)


def visitors(booked: int, arrived: int) -> Tally:
    return Tally(group_visitors=booked, attended=1, arrived=arrived)


def test_the_trend_spans_the_plot_area():
    months = [datetime.date(2026, n, 1) for n in range(1, 13)]
    trend = [(month, Tally()) for month in months[:-1]] + [(months[-1], visitors(200, 150))]
    chart = trend_chart(trend)
    first, last = chart.points[0], chart.points[-1]
    assert (first.x, last.x) == (charts.PLOT_LEFT, charts.PLOT_RIGHT)
    assert [point.label for point in chart.points] == [
        "",
        "2月",
        "",
        "4月",
        "",
        "6月",
        "",
        "8月",
        "",
        "10月",
        "",
        "12月",
    ]
    assert first.booked_y == first.arrived_y == charts.PLOT_BOTTOM
    assert last.booked_y == charts.PLOT_TOP
    assert charts.PLOT_TOP < last.arrived_y < charts.PLOT_BOTTOM
    assert chart.booked_line.endswith(f"{last.x},{last.booked_y}")
    assert [tick.label for tick in chart.y_ticks] == ["0", "50", "100", "150", "200"]


def test_bars_are_scaled_to_the_largest_group():
    bars = count_bars(
        [("东城区", visitors(100, 50)), ("一个名字很长很长很长的区县", visitors(40, 40))]
    )
    east, long = bars.rows
    assert east.booked_width == charts.PLOT_WIDTH
    assert east.arrived_width == charts.PLOT_WIDTH / 2
    assert long.booked_width == long.arrived_width == round(charts.PLOT_WIDTH * 0.4, 1)
    assert long.label.endswith("…") and long.title == "一个名字很长很长很长的区县"
    assert long.bar_y == charts.ROW_HEIGHT + charts.BAR_OFFSET
    assert bars.height == 2 * charts.ROW_HEIGHT + charts.AXIS_HEIGHT
    assert bars.ticks[-1].at == charts.MARGIN + charts.PLOT_WIDTH


def test_no_bars_without_groups():
    bars = count_bars([])
    assert bars.rows == [] and bars.height == charts.AXIS_HEIGHT
