"""Whatever a browser posts to a quiz paper — answer keys that are no question, keys of other
questions, huge lists, empty or unicode values, extra fields, late or repeated hand-ins, the
paper of someone else — the answer is a page, a redirect or a 404, never a server error.
A hand-in is graded exactly as a reference computed here from the posted choices, the score
stays within 0–100, and the counts behind the knowledge rate change once per attempt."""

import datetime
import uuid

import pytest
from django.db.models import Sum
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from education.grading import percent
from education.models import Attempt, AttemptItem, DailyProgress, RateCount, Result
from education.quiz_attempts import start_attempt
from tests.property.examples import assert_answered, isolated_example, row_counts
from tests.quiz.taking import build_world, identify_as

pytestmark = pytest.mark.django_db

LIMIT_MINUTES = 10
QUESTIONS = 4
WRITTEN = (Attempt, AttemptItem, Result, RateCount, DailyProgress)

# How long before the hand-in the paper was started: in time, inside the 30-second grace
# after the limit, and well past it.
STARTED_AGO = st.sampled_from(
    [datetime.timedelta(0), datetime.timedelta(minutes=5)]
    + [datetime.timedelta(minutes=LIMIT_MINUTES, seconds=s) for s in (10, 50)]
    + [datetime.timedelta(hours=2)]
)
UNICODE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
CHOICE_VALUES = st.sampled_from(["a", "b", "c", "d", "e", "f", "A", " a", "", "0", "-1", "ａ"])
VALUES = st.lists(CHOICE_VALUES | UNICODE, max_size=6) | st.just(["a"] * 300)
FIELD_NAMES = st.sampled_from(
    [f"q{i}" for i in range(QUESTIONS)]
    + ["q4", "q-1", "q01", "q 0", "Q0", "qa", "q", "confirm", "token", "score", "answers"]
) | UNICODE.filter(bool)


@st.composite
def hand_ins(draw) -> dict[str, list[str]]:
    """Form fields as a browser may send them: every question answered, some, or nonsense."""
    data = draw(st.dictionaries(FIELD_NAMES, VALUES, max_size=8))
    if draw(st.booleans()):  # a whole paper, keys drawn from what the questions offer
        for i in range(QUESTIONS):
            data.setdefault(f"q{i}", draw(st.lists(CHOICE_VALUES, min_size=1, max_size=4)))
    return {name: values for name, values in data.items() if values}


def reference_grade(attempt: Attempt, data: dict[str, list[str]]) -> tuple[int, int]:
    """Correct answers and score, from the posted values that name a choice the question
    offers: right when they are exactly its key."""
    correct = 0
    for position, question in enumerate(attempt.questions):
        offered = {choice["key"] for choice in question["choices"]}
        chosen = set(data.get(f"q{position}", ())) & offered
        correct += chosen == set(question["key"])
    return correct, percent(correct, len(attempt.questions))


def rate_totals(world) -> tuple[int, int]:
    totals = RateCount.objects.filter(period=world.schools.period).aggregate(
        participants=Sum("participants"), passed=Sum("passed")
    )
    return totals["participants"] or 0, totals["passed"] or 0


@pytest.fixture
def world():
    return build_world(time_limit_minutes=LIMIT_MINUTES)


@settings(max_examples=50)
@given(data=hand_ins(), started_ago=STARTED_AGO, twice=st.booleans())
def test_a_hand_in_is_graded_by_the_server_alone(client, world, data, started_ago, twice):
    with isolated_example(client):
        identify_as(client, world.student)
        attempt = start_attempt(world.quiz, student=world.student, now=timezone.now() - started_ago)
        before, rates_before = row_counts(*WRITTEN), rate_totals(world)
        response = client.post(f"/attempt/{attempt.token}/", data)
        assert_answered(response)
        attempt.refresh_from_db()
        if attempt.is_open:
            # Shown again to confirm the questions left unanswered: nothing written.
            assert response.status_code in (200, 429)
            assert row_counts(*WRITTEN) == before
            return
        assert response.status_code == 302
        assert response["Location"] == f"/result/{attempt.token}/"
        overdue = started_ago > datetime.timedelta(minutes=LIMIT_MINUTES, seconds=30)
        correct, score = (0, 0) if overdue else reference_grade(attempt, data)
        assert attempt.status == ("expired" if overdue else "submitted")
        assert (attempt.correct_count, attempt.score) == (correct, score)
        assert 0 <= attempt.score <= 100
        assert attempt.passed == (score >= world.quiz.pass_mark)
        after = row_counts(*WRITTEN)
        assert after[AttemptItem._meta.label] - before[AttemptItem._meta.label] == (
            0 if overdue else QUESTIONS
        )
        assert after[Result._meta.label] == before[Result._meta.label] + 1
        participants, passed = rate_totals(world)
        assert (participants, passed) == (
            rates_before[0] + 1,
            rates_before[1] + attempt.passed,
        )
        if twice:
            again = client.post(f"/attempt/{attempt.token}/", data)
            assert (again.status_code, again["Location"]) == (302, response["Location"])
            kept = Attempt.objects.get(pk=attempt.pk)
            assert (kept.score, kept.submitted_at) == (attempt.score, attempt.submitted_at)
            assert row_counts(*WRITTEN) == after
            assert rate_totals(world) == (participants, passed)
            assert Result.objects.get(student=world.student).attempts == 1


@settings(max_examples=25)
@given(
    data=hand_ins(),
    target=st.sampled_from(["classmate", "unknown", "malformed", "missing"]),
)
def test_a_paper_that_is_not_yours_is_not_found(client, world, data, target):
    with isolated_example(client):
        identify_as(client, world.student)
        theirs = start_attempt(world.quiz, student=world.classmate)
        paths = {
            "classmate": f"/attempt/{theirs.token}/",
            "unknown": f"/attempt/{uuid.uuid4()}/",
            "malformed": "/attempt/not-a-token/",
            "missing": "/attempt/",
        }
        before = row_counts(*WRITTEN)
        response = client.post(paths[target], data)
        assert response.status_code == 404
        assert row_counts(*WRITTEN) == before
        theirs.refresh_from_db()
        assert theirs.is_open
