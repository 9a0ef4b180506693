"""Grading by the key kept in the snapshot: single choice and true/false are right only with
exactly the key; multiple choice only with the whole set (partial or extra choices are
wrong); the score is round(100 × right ÷ total), halves up."""

import pytest

from education.grading import clean_answers, mark, percent


def question(kind: str, keys: list[str], offered: str = "abcd") -> dict:
    return {
        "id": 1,
        "kind": kind,
        "category": "harms",
        "text": "题目",
        "choices": [{"key": key, "text": key} for key in offered],
        "key": keys,
        "explanation": "解析",
    }


SINGLE = question("single", ["b"])
TRUE_FALSE = question("true_false", ["a"], offered="ab")
MULTIPLE = question("multiple", ["a", "c"])


@pytest.mark.parametrize(
    ("asked", "chosen", "right"),
    [
        (SINGLE, ["b"], True),
        (SINGLE, ["a"], False),
        (SINGLE, ["a", "b"], False),
        (SINGLE, [], False),
        (TRUE_FALSE, ["a"], True),
        (TRUE_FALSE, ["b"], False),
        (TRUE_FALSE, ["a", "b"], False),
        (MULTIPLE, ["c", "a"], True),
        (MULTIPLE, ["a"], False),
        (MULTIPLE, ["a", "b", "c"], False),
        (MULTIPLE, ["a", "c", "c"], True),
    ],
)
def test_each_kind(asked, chosen, right):
    assert mark([asked], {"0": chosen}).right == [right]


def test_partial_multiple_choice_scores_nothing():
    marking = mark([MULTIPLE, SINGLE], {"0": ["a"], "1": ["b"]})
    assert marking.right == [False, True]
    assert marking.correct_count == 1
    assert marking.score == 50


def test_keys_not_offered_are_dropped():
    answers = clean_answers([SINGLE, MULTIPLE], {"0": ["z", "b"], "1": ["<script>", ""]})
    assert answers == {"0": ["b"]}


def test_positions_beyond_the_paper_are_ignored():
    assert mark([SINGLE], {"0": ["b"], "5": ["a"]}).answers == {"0": ["b"]}


@pytest.mark.parametrize(
    ("correct", "total", "score"),
    [(0, 4, 0), (3, 4, 75), (1, 8, 13), (2, 3, 67), (1, 3, 33), (7, 8, 88), (10, 10, 100)],
)
def test_score_rounds_half_up(correct, total, score):
    assert percent(correct, total) == score


def test_an_empty_paper_scores_zero():
    assert percent(0, 0) == 0
    assert mark([], {}).score == 0
