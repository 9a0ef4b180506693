"""Bar chart geometry: bars proportional to the rates, clipped to 0–100%, one row a group in
the given order, the target line where the target is."""

from decimal import Decimal

from education import charts


def test_bars_are_proportional_to_the_rates():
    chart = charts.bar_chart([("一班", 50, 80), ("二班", 25, 25)], 100)
    first, second = chart.rows
    assert first.rate_width == chart.track_width / 2
    assert first.participation_width == chart.track_width * 0.8
    assert second.rate_width == first.rate_width / 2


def test_rates_outside_0_to_100_are_clipped():
    chart = charts.bar_chart([("超出", 130, Decimal("250.5")), ("负数", -5, -1)], 120)
    over, under = chart.rows
    assert over.rate_width == over.participation_width == chart.track_width
    assert (over.rate, over.participation) == (100.0, 100.0)
    assert under.rate_width == under.participation_width == 0
    assert chart.target == 100.0
    assert chart.target_x == chart.x + chart.track_width


def test_rows_follow_the_given_order_and_fill_the_height():
    chart = charts.bar_chart([("甲", 10, 20), ("乙", 90, 95), ("丙", 40, 40)], 80)
    assert [row.label for row in chart.rows] == ["甲", "乙", "丙"]
    tops = [row.y for row in chart.rows]
    assert tops == sorted(tops) and len(set(tops)) == 3
    assert all(row.bar_y + chart.bar_height <= chart.axis_y for row in chart.rows)
    assert chart.axis_y < chart.tick_y <= chart.height


def test_the_target_mark_and_ticks_sit_on_the_percentage_scale():
    chart = charts.bar_chart([("甲", 10, 20)], Decimal("95"))
    assert chart.target_x == chart.x + round(chart.track_width * 0.95, 1)
    (row,) = chart.rows
    assert row.marker_top < row.bar_y < row.bar_y + chart.bar_height < row.marker_bottom
    assert row.text_y < row.marker_top  # the mark never crosses the label
    assert [tick.label for tick in chart.ticks] == ["0%", "25%", "50%", "75%", "100%"]
    assert chart.ticks[2].at == chart.x + chart.track_width / 2


def test_long_names_are_shortened_but_kept_whole_in_the_title():
    name = "江州市东城区某某街道第一实验学校附属初级中学分校"
    (row,) = charts.bar_chart([(name, 10, 20)], 100).rows
    assert row.title == name
    assert len(row.label) == charts.LABEL_LENGTH and row.label.endswith("…")


def test_no_groups_draw_an_empty_chart():
    chart = charts.bar_chart([], 100)
    assert chart.rows == [] and chart.height > 0
