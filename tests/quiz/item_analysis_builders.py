"""Submitted attempts with their items, written as the quiz flow leaves them, for the item
analysis tests: each answer sheet is a list of 0/1 item scores in question order."""

from django.utils import timezone

from education.item_analysis import Sums
from education.models import Attempt, AttemptItem, Question, QuizPage
from tests.factories import build_site
from tests.school_factories import add_quiz, add_quiz_index, make_question


def make_questions(count: int) -> list[Question]:
    return [make_question(f"第{number}题：下列说法是否正确？") for number in range(1, count + 1)]


def record_attempts(
    quiz: QuizPage, questions: list[Question], sheets: list[list[int]], *, first: bool = True
) -> list[Attempt]:
    """One submitted attempt per answer sheet, with an item per question."""
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            quiz_title=quiz.title,
            status=Attempt.Status.SUBMITTED,
            questions=[],
            pass_mark=quiz.pass_mark,
            submitted_at=now,
            correct_count=sum(sheet),
            score=round(100 * sum(sheet) / len(sheet)),
            passed=100 * sum(sheet) >= quiz.pass_mark * len(sheet),
            number=1 if first else 2,
        )
        for sheet in sheets
    )
    AttemptItem.objects.bulk_create(
        AttemptItem(
            attempt=attempt,
            question=question,
            position=position,
            correct=bool(score),
            first=first,
        )
        for attempt, sheet in zip(attempts, sheets, strict=True)
        for position, (question, score) in enumerate(zip(questions, sheet, strict=True))
    )
    return attempts


def answered_questions(sheets: list[list[int]]) -> list[Question]:
    """The questions of a new quiz on a new site, answered on ``sheets``."""
    quiz = add_quiz(add_quiz_index(build_site().home))
    questions = make_questions(len(sheets[0]))
    record_attempts(quiz, questions, sheets)
    return questions


def sums_of(xs: list[int], ys: list[int]) -> Sums:
    """The running sums of two series of scores, as the report keeps them."""
    return Sums(
        n=len(xs),
        x=sum(xs),
        y=sum(ys),
        xy=sum(x * y for x, y in zip(xs, ys, strict=True)),
        xx=sum(x * x for x in xs),
        yy=sum(y * y for y in ys),
    )


def column(sheets: list[list[int]], index: int) -> tuple[list[int], list[int]]:
    """The item scores of one question and the rest-of-test scores beside them."""
    scores = [sheet[index] for sheet in sheets]
    rest = [sum(sheet) - sheet[index] for sheet in sheets]
    return scores, rest
