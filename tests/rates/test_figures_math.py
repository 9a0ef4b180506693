"""The rates of a set of figures: percentages with one decimal, never above 100, zero when
nothing is enrolled or nobody took part; sums keep the declared-enrolment mark."""

from decimal import Decimal

from education.rate_figures import Figures, percentage


def test_rates_are_rounded_percentages():
    figures = Figures(enrolled=3, participants=3, passed=2, score_sum=250)

    assert figures.knowledge_rate == Decimal("66.7")
    assert figures.participation_rate == Decimal("100.0")
    assert figures.pass_rate == Decimal("66.7")
    assert figures.average_score == Decimal("83.3")
    assert figures.not_passed == 1


def test_halves_round_up():
    assert percentage(1, 8) == Decimal("12.5")
    assert percentage(1, 16) == Decimal("6.3")


def test_no_rate_exceeds_100():
    # A declared enrolment below the students who actually took part.
    figures = Figures(enrolled=10, participants=12, passed=11, score_sum=1200, declared=True)

    assert figures.knowledge_rate == Decimal("100.0")
    assert figures.participation_rate == Decimal("100.0")
    assert figures.not_passed == 0


def test_zero_denominators_give_zero():
    assert Figures().knowledge_rate == Decimal("0.0")
    assert Figures().pass_rate == Decimal("0.0")
    assert Figures().average_score == Decimal("0.0")
    assert Figures(enrolled=30).participation_rate == Decimal("0.0")


def test_sums_add_counts_and_keep_the_declared_mark():
    roster = Figures(enrolled=40, participants=30, passed=20, score_sum=2400)
    declared = Figures(enrolled=60, declared=True)

    total = sum([roster, declared], Figures())

    assert total == Figures(enrolled=100, participants=30, passed=20, score_sum=2400, declared=True)
    assert total.knowledge_rate == Decimal("20.0")
    assert not (roster + roster).declared
