"""Flags name the questions worth a look: almost all right, almost all wrong, negative or low
discrimination; below 30 answers only the small number is said."""

from education.item_analysis import (
    FLAG_EASY,
    FLAG_HARD,
    FLAG_LOW,
    FLAG_NEGATIVE,
    ItemStatistics,
)
from education.models import Question
from tests.quiz.item_analysis_builders import sums_of


def statistics_of(scores: list[int], rest: list[int]) -> ItemStatistics:
    return ItemStatistics(question=Question(text="题目"), sums=sums_of(scores, rest))


def test_a_good_question_has_no_flag():
    # Strong answerers (high rest) get it right, weak ones wrong; 60% right.
    scores = [1] * 24 + [0] * 16
    rest = [8] * 24 + [3] * 16
    assert statistics_of(scores, rest).flags == []


def test_almost_everyone_right():
    scores = [1] * 39 + [0]
    rest = [6 + n % 4 for n in range(39)] + [2]
    item = statistics_of(scores, rest)
    assert item.facility >= 0.95
    assert item.flags == [str(FLAG_EASY)]


def test_everyone_right_is_flagged_without_a_discrimination():
    item = statistics_of([1] * 40, [n % 9 for n in range(40)])
    assert item.discrimination is None
    assert item.flags == [str(FLAG_EASY)]


def test_almost_everyone_wrong_and_weakly_separating():
    scores = [1] * 4 + [0] * 36
    rest = [5, 4, 6, 5] + [5 + (n % 3) - 1 for n in range(36)]
    item = statistics_of(scores, rest)
    assert item.facility <= 0.10
    assert 0 <= item.discrimination < 20
    assert item.flags == [str(FLAG_HARD), str(FLAG_LOW)]


def test_negative_discrimination():
    scores = [1] * 20 + [0] * 20
    rest = [3] * 20 + [8] * 20
    item = statistics_of(scores, rest)
    assert item.discrimination < 0
    assert item.flags == [str(FLAG_NEGATIVE)]


def test_too_few_answers_replace_the_flags():
    scores = [1] * 20 + [0] * 9
    rest = [3] * 20 + [8] * 9
    item = statistics_of(scores, rest)
    assert item.discrimination < 0
    assert item.flags == ["作答人数不足 30"]
