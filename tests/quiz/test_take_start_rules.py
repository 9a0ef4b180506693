"""Who may start an attempt, when: only while the quiz is open, within the attempts allowed,
and (on a student quiz) once identified; an attempt in progress is resumed rather than a new
one drawn; each refusal is a clear message."""

import datetime

import pytest
from django.utils import timezone

from education.models import Attempt, QuizPage
from education.quiz_attempts import AttemptRefused, start_attempt, submit_attempt
from tests.factories import make_user
from tests.quiz.taking import answers_for, build_world
from tests.school_factories import add_quiz

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def world():
    return build_world(attempts_allowed=2)


def test_a_quiz_not_yet_open_refuses(world):
    quiz = add_quiz(
        world.index, "未开始", questions=[world.bank["ice"]], opens_at=timezone.now() + HOUR
    )
    with pytest.raises(AttemptRefused, match="本次答题尚未开始，开放时间："):
        start_attempt(quiz, student=world.student)


def test_a_closed_quiz_refuses(world):
    quiz = add_quiz(
        world.index, "已截止", questions=[world.bank["ice"]], closes_at=timezone.now() - HOUR
    )
    with pytest.raises(AttemptRefused, match="本次答题已于 .* 截止"):
        start_attempt(quiz, student=world.student)


def test_the_opening_and_closing_times_are_exact(world):
    opens = timezone.now() + HOUR
    quiz = add_quiz(
        world.index,
        "定时开放",
        questions=[world.bank["ice"]],
        opens_at=opens,
        closes_at=opens + HOUR,
    )
    assert start_attempt(quiz, student=world.student, now=opens).is_open
    with pytest.raises(AttemptRefused):
        start_attempt(quiz, student=world.classmate, now=opens + HOUR)


def test_a_student_quiz_needs_an_identified_student(world):
    with pytest.raises(AttemptRefused) as refusal:
        start_attempt(world.quiz, user=make_user("adult@example.cn"))
    assert refusal.value.needs_identity
    assert "确认身份" in refusal.value.message
    assert not Attempt.objects.exists()


def test_the_attempts_allowed_are_counted_and_numbered(world):
    first = start_attempt(world.quiz, student=world.student)
    submit_attempt(first, answers_for(first, right=0))
    second = start_attempt(world.quiz, student=world.student)
    submit_attempt(second, answers_for(second, right=0))
    assert [first.number, second.number] == [1, 2]
    with pytest.raises(AttemptRefused, match="您已用完本次答题的 2 次机会"):
        start_attempt(world.quiz, student=world.student)
    # A classmate's attempts are their own.
    assert start_attempt(world.quiz, student=world.classmate).number == 1


def test_an_attempt_in_progress_is_resumed(world):
    first = start_attempt(world.quiz, student=world.student)
    again = start_attempt(world.quiz, student=world.student)
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_an_overdue_attempt_is_closed_before_a_new_one_starts(world):
    timed = add_quiz(world.index, "限时", questions=[world.bank["ice"]], time_limit_minutes=10)
    started_at = timezone.now() - HOUR
    old = start_attempt(timed, student=world.student, now=started_at)
    new = start_attempt(timed, student=world.student)
    old.refresh_from_db()
    assert old.status == Attempt.Status.EXPIRED
    assert old.score == 0
    assert (new.number, new.status) == (2, Attempt.Status.IN_PROGRESS)


def test_the_deadline_is_the_time_limit_and_never_after_the_close(world):
    now = timezone.now()
    timed = add_quiz(world.index, "限时", questions=[world.bank["ice"]], time_limit_minutes=15)
    assert start_attempt(
        timed, student=world.student, now=now
    ).deadline == now + datetime.timedelta(minutes=15)
    closing = add_quiz(
        world.index,
        "即将截止",
        questions=[world.bank["ice"]],
        time_limit_minutes=15,
        closes_at=now + datetime.timedelta(minutes=5),
    )
    assert start_attempt(closing, student=world.student, now=now).deadline == closing.closes_at
    assert start_attempt(world.quiz, student=world.student, now=now).deadline is None


def test_anonymous_visitors_count_by_the_attempts_their_session_keeps(world):
    public = add_quiz(
        world.index,
        "公众答题",
        questions=[world.bank["ice"]],
        audience=QuizPage.Audience.PUBLIC,
        attempts_allowed=1,
    )
    mine = start_attempt(public)
    assert mine.student is None and mine.user is None and mine.period is None
    assert start_attempt(public, earlier=[mine.token]).pk == mine.pk
    submit_attempt(mine, answers_for(mine, right=1))
    with pytest.raises(AttemptRefused):
        start_attempt(public, earlier=[mine.token])
    # Someone else's session is someone else.
    assert start_attempt(public).pk != mine.pk


def test_a_signed_in_adult_takes_the_public_quiz_as_themselves(world):
    public = add_quiz(
        world.index, "公众答题", questions=[world.bank["ice"]], audience=QuizPage.Audience.PUBLIC
    )
    adult = make_user("adult@example.cn")
    attempt = start_attempt(public, user=adult, student=world.student)
    assert (attempt.user, attempt.student, attempt.school) == (adult, None, None)
    assert start_attempt(public, user=adult).pk == attempt.pk
