"""The rate-over-time chart: running values drawn as steps over the period, clipped to
0–100%, stopping at today, with the target line and date ticks."""

import datetime

from education import charts

START = datetime.date(2026, 9, 1)
END = datetime.date(2026, 12, 30)


def points(line: charts.Line) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split(",")) for pair in line.points.split()]


def chart(series, until=datetime.date(2026, 10, 31), target=100):
    return charts.timeline_chart(START, END, until, series, target)


def test_values_are_steps_from_zero_that_hold_until_today():
    drawn = chart([("知晓率", [(START, 0), (datetime.date(2026, 9, 11), 50), (END, 50)])])
    (line,) = drawn.lines
    xy = points(line)
    assert xy[0] == (drawn.left, drawn.bottom)
    # 10 days of 120: the step up sits a twelfth of the way along the axis.
    step_x = drawn.left + (drawn.right - drawn.left) * 10 / 120
    middle = (drawn.top + drawn.bottom) / 2
    assert xy[1:3] == [(round(step_x, 1), drawn.bottom), (round(step_x, 1), middle)]
    # Today is 60 of 120 days: the line stops halfway, holding 50%.
    assert xy[-1] == (drawn.left + (drawn.right - drawn.left) / 2, middle)
    assert (line.last_x, line.last_y, line.last_value) == (*xy[-1], 50.0)


def test_unchanged_days_add_no_points():
    days = [(START + datetime.timedelta(days=n), 20) for n in range(60)]
    (line,) = chart([("参与率", days)]).lines
    assert len(points(line)) == 4


def test_values_and_the_target_are_clipped():
    drawn = chart([("知晓率", [(START, 180)])], target=150)
    (line,) = drawn.lines
    assert all(drawn.top <= y <= drawn.bottom for _, y in points(line))
    assert line.last_value == 100.0
    assert drawn.target_y == drawn.top


def test_the_target_line_sits_at_the_target():
    drawn = chart([], target=75)
    assert drawn.target_y == drawn.bottom - (drawn.bottom - drawn.top) * 0.75
    assert [tick.label for tick in drawn.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]


def test_date_ticks_span_the_period_once_each():
    drawn = chart([])
    assert drawn.x_ticks[0].at == drawn.left and drawn.x_ticks[-1].at == drawn.right
    assert len(drawn.x_ticks) == charts.DATE_TICKS + 1
    short = charts.timeline_chart(START, START + datetime.timedelta(days=1), START, [], 100)
    assert len(short.x_ticks) == 2


def test_several_series_each_get_a_line():
    drawn = chart([("知晓率", [(START, 10)]), ("参与率", [(START, 30)])])
    assert [line.label for line in drawn.lines] == ["知晓率", "参与率"]
    assert drawn.lines[0].last_y > drawn.lines[1].last_y
