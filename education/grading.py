"""Marking an attempt against the key kept in its snapshot.

A question is right only when the chosen keys are exactly its key: one key for single choice
and true/false, the whole set for multiple choice (a partial answer is wrong). The score is a
whole percentage, rounded half up.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Marking:
    answers: dict[str, list[str]]
    right: list[bool]

    @property
    def correct_count(self) -> int:
        return sum(self.right)

    @property
    def score(self) -> int:
        return percent(self.correct_count, len(self.right))


def percent(correct: int, total: int) -> int:
    """``round(100 × correct ÷ total)`` with halves rounded up; 0 for an empty attempt."""
    if total <= 0:
        return 0
    return (200 * correct + total) // (2 * total)


def clean_answers(
    questions: Sequence[Mapping], raw: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Keep only keys the question offers, each once and sorted, by position ("0", "1", …).
    Positions answered with nothing are left out."""
    answers = {}
    for position, question in enumerate(questions):
        offered = {choice["key"] for choice in question["choices"]}
        chosen = sorted(offered.intersection(raw.get(str(position), ())))
        if chosen:
            answers[str(position)] = chosen
    return answers


def mark(questions: Sequence[Mapping], raw: Mapping[str, Sequence[str]]) -> Marking:
    answers = clean_answers(questions, raw)
    right = [
        answers.get(str(position), []) == sorted(question["key"])
        for position, question in enumerate(questions)
    ]
    return Marking(answers=answers, right=right)
