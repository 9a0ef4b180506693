"""Loads the demo question bank (``demo_questions``) into the question bank.

Idempotent: a question is found by its text. A missing one is created; an existing one is
brought back in line with the demo data (kind, category, difficulty, bands, explanation,
choices) only when it differs, so a second run writes nothing. Whether a question is active
stays the editors' choice.
"""

from django.db import transaction

from education.management.demo_questions import DEMO_QUESTIONS, DemoQuestion
from education.models import Choice, Question
from education.question_forms import question_problems

Bank = dict[str, tuple[DemoQuestion, ...]]


def load_demo_questions(bank: Bank = DEMO_QUESTIONS) -> int:
    """Load ``bank`` (questions by category); return how many questions were created.

    Raises ``ValueError`` before writing anything if a question breaks the admin's rules.
    """
    _check(bank)
    existing = {q.text: q for q in Question.objects.prefetch_related("choices")}
    created = 0
    with transaction.atomic():
        for category, questions in bank.items():
            for demo in questions:
                question = existing.get(demo.text)
                if question is None:
                    created += 1
                    question = Question(text=demo.text)
                _apply(question, category, demo)
    return created


def _check(bank: Bank) -> None:
    for questions in bank.values():
        for demo in questions:
            if problems := question_problems(demo.kind, list(demo.choices), demo.bands):
                raise ValueError(f"{demo.text}: {' '.join(problems)}")


def _apply(question: Question, category: str, demo: DemoQuestion) -> None:
    fields = {
        "kind": demo.kind,
        "category": category,
        "difficulty": demo.difficulty,
        "explanation": demo.explanation,
        **{field: band in demo.bands for band, field in Question.BAND_FIELDS.items()},
    }
    choices = list(demo.choices)
    if question.pk and _matches(question, fields, choices):
        return
    for name, value in fields.items():
        setattr(question, name, value)
    question.choices = [
        Choice(text=text, correct=correct, sort_order=order)
        for order, (text, correct) in enumerate(choices)
    ]
    question.save()


def _matches(question: Question, fields: dict, choices: list[tuple[str, bool]]) -> bool:
    same_fields = all(getattr(question, name) == value for name, value in fields.items())
    return same_fields and [(c.text, c.correct) for c in question.choices.all()] == choices
