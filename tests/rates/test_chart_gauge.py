"""The progress bar of one group: the rate and the participation on a 0–100% track, capped,
with the target marker."""

from decimal import Decimal

from education import charts


def test_the_gauge_bars_are_proportional():
    gauge = charts.gauge(Decimal("60.0"), Decimal("80.0"), Decimal("100"))
    assert gauge.rate_width == gauge.track_width * 0.6
    assert gauge.participation_width == gauge.track_width * 0.8
    assert gauge.target_x == gauge.x + gauge.track_width


def test_the_gauge_never_leaves_its_track():
    gauge = charts.gauge(140, 300, -10)
    assert gauge.rate_width == gauge.participation_width == gauge.track_width
    assert gauge.target_x == gauge.x and gauge.target == 0.0
    assert gauge.x + gauge.track_width <= gauge.width


def test_the_target_label_stays_inside_the_picture():
    assert charts.gauge(0, 0, 100).target_anchor == "end"
    assert charts.gauge(0, 0, 50).target_anchor == "middle"
    assert charts.gauge(0, 0, 0).target_anchor == "start"
