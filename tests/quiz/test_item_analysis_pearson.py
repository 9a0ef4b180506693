"""Facility and discrimination per question match the textbook formulas on a small data
set: facility = share right, discrimination = 100 × Pearson's r of the item score with the
rest of the test (statistics.correlation as the reference)."""

import random
import statistics

import pytest

from education.item_analysis import Sums, first_attempt_items, item_statistics
from tests.factories import build_site
from tests.quiz.item_analysis_builders import column, make_questions, record_attempts, sums_of
from tests.school_factories import add_quiz, add_quiz_index

pytestmark = pytest.mark.django_db

# Eight answer sheets over four questions. Question 4 is right on every sheet, so its
# discrimination is undefined; question 3 is right mostly on weak sheets (negative).
SHEETS = [
    [1, 1, 0, 1],
    [1, 1, 0, 1],
    [1, 0, 0, 1],
    [1, 1, 1, 1],
    [0, 1, 1, 1],
    [1, 0, 1, 1],
    [0, 0, 1, 1],
    [0, 0, 1, 1],
]


@pytest.fixture
def quiz():
    return add_quiz(add_quiz_index(build_site().home))


def test_facility_and_discrimination_match_the_reference(quiz):
    questions = make_questions(4)
    record_attempts(quiz, questions, SHEETS)
    found = {row.question.pk: row for row in item_statistics()}
    for index, question in enumerate(questions[:3]):
        scores, rest = column(SHEETS, index)
        row = found[question.pk]
        assert row.answers == len(SHEETS)
        assert row.facility == pytest.approx(sum(scores) / len(scores))
        assert row.discrimination == pytest.approx(100 * statistics.correlation(scores, rest))
    assert found[questions[2].pk].discrimination < 0
    assert found[questions[3].pk].facility == 1
    assert found[questions[3].pk].discrimination is None


def test_later_attempts_and_other_quizzes_are_left_out(quiz):
    questions = make_questions(4)
    record_attempts(quiz, questions, SHEETS)
    record_attempts(quiz, questions, [[0, 0, 0, 0]] * 5, first=False)
    other = add_quiz(quiz.get_parent().specific, "另一次测试")
    record_attempts(other, questions, [[1, 1, 1, 0]] * 3)

    everything = {row.question.pk: row for row in item_statistics()}
    assert everything[questions[0].pk].answers == len(SHEETS) + 3

    only_quiz = {
        row.question.pk: row
        for row in item_statistics(first_attempt_items().filter(attempt__quiz=quiz))
    }
    scores, rest = column(SHEETS, 0)
    assert only_quiz[questions[0].pk].answers == len(SHEETS)
    assert only_quiz[questions[0].pk].discrimination == pytest.approx(
        100 * statistics.correlation(scores, rest)
    )


def test_sums_give_pearsons_r_on_any_scores():
    generator = random.Random(626)
    xs = [generator.randint(0, 10) for _ in range(50)]
    ys = [x + generator.randint(-6, 6) for x in xs]
    assert sums_of(xs, ys).correlation() == pytest.approx(statistics.correlation(xs, ys))


def test_no_variation_means_no_correlation():
    constant_rest = Sums(n=4, x=2, y=12, xy=6, xx=2, yy=36)
    assert constant_rest.correlation() is None
