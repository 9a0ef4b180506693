"""What a submission writes: the marked answers and score, the item rows item analysis reads
(``first`` on the answerer's first attempt), a certificate code for a pass only, and the
student's result toward the school's rate."""

import pytest

from education.models import Attempt, AttemptItem, Question, Result
from education.models.quiz import CERTIFICATE_CODE_ALPHABET
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def items(attempt: Attempt) -> list[tuple[int, bool, bool]]:
    return list(
        AttemptItem.objects.filter(attempt=attempt)
        .order_by("position")
        .values_list("position", "correct", "first")
    )


def test_a_pass_is_graded_with_items_and_a_certificate(world):
    attempt = start_attempt(world.quiz, student=world.student)
    submitted = submit_attempt(attempt, answers_for(attempt, right=3))
    assert (submitted.status, submitted.correct_count, submitted.score) == ("submitted", 3, 75)
    assert submitted.passed  # pass mark 75
    assert len(submitted.certificate_code) == 10
    assert set(submitted.certificate_code) <= set(CERTIFICATE_CODE_ALPHABET)
    assert items(submitted) == [(0, True, True), (1, True, True), (2, True, True), (3, False, True)]
    assert list(
        AttemptItem.objects.filter(attempt=attempt)
        .order_by("position")
        .values_list("question", flat=True)
    ) == [q.pk for q in world.bank.values()]


def test_a_fail_has_no_certificate_and_later_items_are_not_first(world):
    first = start_attempt(world.quiz, student=world.student)
    submit_attempt(first, answers_for(first, right=4))
    second = start_attempt(world.quiz, student=world.student)
    submitted = submit_attempt(second, answers_for(second, right=2))
    assert (submitted.score, submitted.passed, submitted.certificate_code) == (50, False, None)
    assert {first for _, _, first in items(submitted)} == {False}


def test_the_students_result_is_recorded(world):
    attempt = start_attempt(world.quiz, student=world.student)
    submit_attempt(attempt, answers_for(attempt, right=4))
    result = Result.objects.get(student=world.student, period=world.schools.period)
    assert (result.attempts, result.best_score, result.passed) == (1, 100, True)


def test_a_question_deleted_since_the_draw_keeps_its_item(world):
    attempt = start_attempt(world.quiz, student=world.student)
    Question.objects.filter(pk=world.bank["ice"].pk).delete()
    submitted = submit_attempt(attempt, answers_for(attempt, right=4))
    assert submitted.score == 100
    assert AttemptItem.objects.get(attempt=attempt, position=0).question is None


def test_answers_are_kept_as_marked(world):
    attempt = start_attempt(world.quiz, student=world.student)
    submitted = submit_attempt(attempt, {"0": ["a", "zz"], "1": ["b", "a"], "7": ["a"]})
    assert submitted.answers == {"0": ["a"], "1": ["a", "b"]}
