"""Starting and submitting quiz attempts: the only code that writes an Attempt.

The server draws the questions and keeps their key in the attempt's snapshot, grades the
answers and enforces the time limit, with a short grace for answers still on their way.
Submitting twice counts once: the first submission stands.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from education import rate_counts
from education.grading import mark
from education.models import Attempt, AttemptItem, Grade, Question, QuizPage, Student
from education.models.quiz import new_certificate_code

GRACE = datetime.timedelta(seconds=30)
# Anonymous attempts never handed in are deleted a day after their deadline (an untimed one
# counts as due a day after its start), a batch at each public start.
ABANDONED_AFTER = datetime.timedelta(hours=24)
PURGE_BATCH = 500
# Opaque keys of the choices in the order shown; a question has at most six choices.
CHOICE_KEYS = "abcdef"
CODE_TRIES = 5


class AttemptRefused(Exception):
    """Why an attempt cannot start, in words for the answerer."""

    def __init__(self, message: str, *, needs_identity: bool = False):
        super().__init__(message)
        self.message = message
        self.needs_identity = needs_identity


@dataclass(frozen=True)
class Answerer:
    """Whose attempts at a quiz count together: the student on a student quiz; on the public
    quiz the signed-in account, or else the attempts an anonymous session started."""

    student: Student | None = None
    user: AbstractBaseUser | None = None
    earlier: frozenset[str] = frozenset()

    @classmethod
    def for_quiz(
        cls,
        quiz: QuizPage,
        *,
        student: Student | None = None,
        user: AbstractBaseUser | None = None,
        earlier: Collection = (),
    ) -> "Answerer":
        if quiz.for_students:
            return cls(student=student)
        if user is not None and user.is_authenticated:
            return cls(user=user)
        return cls(earlier=frozenset(str(token) for token in earlier))

    def attempts(self, quiz: QuizPage) -> QuerySet[Attempt]:
        attempts = Attempt.objects.filter(quiz=quiz)
        if self.student is not None:
            return attempts.filter(student=self.student)
        if self.user is not None:
            return attempts.filter(user=self.user, student=None)
        return attempts.filter(token__in=self.earlier, student=None, user=None)

    def band(self, quiz: QuizPage) -> str:
        if self.student is not None:
            return Grade.band(self.student.school_class.grade)
        return quiz.public_band

    def lock(self) -> None:
        """Serialise this answerer's starts, so two taps on "start" make one attempt. An
        anonymous visitor has no row to lock: at worst a double tap gives them a second paper
        of a public quiz, which counts toward nothing."""
        if self.student is not None:
            lock_student(self.student.pk)
        elif self.user is not None:
            users = get_user_model().objects.filter(pk=self.user.pk)
            list(users.select_for_update(no_key=True).values_list("pk", flat=True))


def lock_student(student_id: int) -> None:
    """Taken first by starts and submits alike (then the attempt, then the rate rows, as
    ``education.rate_counts`` does), so they never wait on each other in a circle."""
    rate_counts.lock_students(Student.objects.filter(pk=student_id))


@dataclass(frozen=True)
class Standing:
    """An answerer's attempts at a quiz so far."""

    allowed: int
    used: int
    open_attempt: Attempt | None
    best_score: int | None

    @property
    def left(self) -> int:
        return max(self.allowed - self.used, 0)


def standing(quiz: QuizPage, answerer: Answerer) -> Standing:
    attempts = list(answerer.attempts(quiz).only("token", "status", "score", "deadline"))
    scores = [a.score for a in attempts if a.score is not None]
    return Standing(
        allowed=quiz.attempts_allowed,
        used=len(attempts),
        open_attempt=next((a for a in attempts if a.is_open), None),
        best_score=max(scores, default=None),
    )


def start_attempt(
    quiz: QuizPage,
    *,
    student: Student | None = None,
    user: AbstractBaseUser | None = None,
    earlier: Collection = (),
    now: datetime.datetime | None = None,
) -> Attempt:
    """The answerer's attempt in progress, or a new one with its questions drawn.

    ``earlier`` holds the tokens of an anonymous visitor's attempts (kept in their session).
    Raises ``AttemptRefused`` when the quiz is not open, the attempts are used up, a student
    quiz has no identified student, or the bank has no question to draw.
    """
    now = now or timezone.now()
    answerer = Answerer.for_quiz(quiz, student=student, user=user, earlier=earlier)
    if quiz.for_students and student is None:
        raise AttemptRefused(
            _("这是面向在册学生的答题，请先用学校加入链接或班级码确认身份。"),
            needs_identity=True,
        )
    if not quiz.for_students:
        purge_abandoned_attempts(now)
    with transaction.atomic():
        answerer.lock()
        previous = list(answerer.attempts(quiz))
        open_attempt = next((a for a in previous if a.is_open), None)
        if open_attempt is not None and not is_overdue(open_attempt, now):
            return open_attempt
        if open_attempt is not None:
            submit_attempt(open_attempt, {}, now=now)
        refusal = start_refusal(quiz, len(previous), now)
        questions = [] if refusal else draw_questions(quiz, answerer.band(quiz))
        if questions:
            return Attempt.objects.create(
                quiz=quiz,
                quiz_title=quiz.title,
                period=quiz.period if quiz.counts else None,
                student=answerer.student,
                school_id=answerer.student.school_id if answerer.student else None,
                user=answerer.user,
                number=len(previous) + 1,
                questions=questions,
                pass_mark=quiz.pass_mark,
                started_at=now,
                deadline=attempt_deadline(quiz, now),
            )
    raise AttemptRefused(refusal or _("题库中暂时没有适合的题目，请稍后再试或联系老师。"))


def purge_abandoned_attempts(now: datetime.datetime) -> None:
    """Delete up to PURGE_BATCH anonymous attempts left in progress past ABANDONED_AFTER."""
    cutoff = now - ABANDONED_AFTER
    abandoned = Attempt.objects.filter(
        # Public quizzes count toward no period: ``period`` + ``status`` is an index.
        period=None,
        status=Attempt.Status.IN_PROGRESS,
        student=None,
        user=None,
    ).filter(Q(deadline__lt=cutoff) | Q(deadline=None, started_at__lt=cutoff - ABANDONED_AFTER))
    batch = list(abandoned.order_by().values_list("pk", flat=True)[:PURGE_BATCH])
    if batch:
        Attempt.objects.filter(pk__in=batch).delete()


def start_refusal(quiz: QuizPage, used: int, now: datetime.datetime) -> str | None:
    """Why a new attempt cannot start now, or ``None``."""
    if quiz.opens_at and now < quiz.opens_at:
        return _("本次答题尚未开始，开放时间：%(time)s。") % {"time": _when(quiz.opens_at)}
    if quiz.closes_at and now >= quiz.closes_at:
        return _("本次答题已于 %(time)s 截止。") % {"time": _when(quiz.closes_at)}
    if used >= quiz.attempts_allowed:
        return _("您已用完本次答题的 %(count)s 次机会。") % {"count": quiz.attempts_allowed}
    return None


def _when(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i")


def attempt_deadline(quiz: QuizPage, now: datetime.datetime) -> datetime.datetime | None:
    """The time limit from now, and never later than the quiz's close."""
    ends = [quiz.closes_at] if quiz.closes_at else []
    if quiz.time_limit_minutes:
        ends.append(now + datetime.timedelta(minutes=quiz.time_limit_minutes))
    return min(ends, default=None)


def is_overdue(attempt: Attempt, now: datetime.datetime | None = None) -> bool:
    """Past the deadline and its grace: answers are no longer accepted."""
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + GRACE


def drawable_questions() -> QuerySet[Question]:
    """Active questions that can be marked: two to six choices, at least one right, and only
    one right unless the question is multiple choice."""
    return (
        Question.objects.filter(active=True)
        .annotate(offered=Count("choices"), keyed=Count("choices", filter=Q(choices__correct=True)))
        .filter(offered__gte=2, offered__lte=len(CHOICE_KEYS), keyed__gte=1)
        .filter(Q(kind=Question.Kind.MULTIPLE) | Q(keyed=1))
    )


def _fixed_ids(quiz: QuizPage) -> list[int]:
    listed = dict.fromkeys(quiz.fixed_questions.values_list("question_id", flat=True))
    usable = set(drawable_questions().filter(pk__in=list(listed)).values_list("pk", flat=True))
    return [pk for pk in listed if pk in usable]


def _pool(band: str) -> dict[str, list[int]]:
    """Drawable question ids for the band, by category."""
    rows = drawable_questions().filter(**{Question.BAND_FIELDS[band]: True})
    pool = defaultdict(list)
    for pk, category in rows.values_list("pk", "category"):
        pool[category].append(pk)
    return pool


def question_count(quiz: QuizPage, band: str) -> int:
    """How many questions an attempt for this band would have."""
    if quiz.draw == QuizPage.Draw.FIXED:
        listed = quiz.fixed_questions.values("question_id")
        return drawable_questions().filter(pk__in=listed).count()
    return sum(min(quiz.per_category, len(ids)) for ids in _pool(band).values())


def draw_questions(quiz: QuizPage, band: str, rng: random.Random | None = None) -> list[dict]:
    """The snapshot of a new attempt: the fixed list, or ``per_category`` questions of each
    category drawn at random for the band (all of a category when it has fewer)."""
    rng = rng or random.Random()  # noqa: S311 (not a secret: which questions are asked)
    if quiz.draw == QuizPage.Draw.FIXED:
        ids = _fixed_ids(quiz)
    else:
        pool = _pool(band)
        ids = []
        for category in Question.Category.values:
            candidates = pool.get(category, [])
            ids += rng.sample(candidates, min(quiz.per_category, len(candidates)))
    questions = Question.objects.filter(pk__in=ids).prefetch_related("choices").in_bulk()
    return [_snapshot(questions[pk], quiz.shuffle_choices, rng) for pk in ids]


def _snapshot(question: Question, shuffle: bool, rng: random.Random) -> dict:
    choices = list(question.choices.all())
    # 对/错 keeps its usual order; shuffling it would only confuse.
    if shuffle and question.kind != Question.Kind.TRUE_FALSE:
        rng.shuffle(choices)
    keyed = list(zip(CHOICE_KEYS, choices, strict=False))
    return {
        "id": question.pk,
        "kind": question.kind,
        "category": question.category,
        "text": question.text,
        "choices": [{"key": key, "text": choice.text} for key, choice in keyed],
        "key": [key for key, choice in keyed if choice.correct],
        "explanation": question.explanation,
    }


def submit_attempt(
    attempt: Attempt,
    answers: Mapping[str, Sequence[str]],
    *,
    now: datetime.datetime | None = None,
) -> Attempt:
    """Grade the attempt once and record it toward the rates, all in one transaction.

    ``answers`` maps positions ("0", "1", …) to the chosen keys. An attempt already submitted
    is returned as it stands. Past the deadline and its grace the attempt is marked expired
    and graded on nothing: score 0, and it counts as one of the attempts allowed.
    """
    with transaction.atomic():
        if attempt.student_id is not None:
            lock_student(attempt.student_id)
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.is_open:
            now = now or timezone.now()
            _finish(attempt, answers, now, expired=is_overdue(attempt, now))
        return attempt


def _finish(
    attempt: Attempt,
    answers: Mapping[str, Sequence[str]],
    now: datetime.datetime,
    *,
    expired: bool,
) -> None:
    marking = mark(attempt.questions, {} if expired else answers)
    attempt.answers = marking.answers
    attempt.status = Attempt.Status.EXPIRED if expired else Attempt.Status.SUBMITTED
    attempt.submitted_at = now
    attempt.correct_count = marking.correct_count
    attempt.score = marking.score
    attempt.passed = marking.score >= attempt.pass_mark
    _save_finished(attempt)
    if not expired:
        _write_items(attempt, marking.right)
    rate_counts.record_submission(attempt)


def _save_finished(attempt: Attempt) -> None:
    fields = ["answers", "status", "submitted_at", "correct_count", "score", "passed"]
    if not attempt.passed:
        attempt.save(update_fields=fields)
        return
    for tries_left in reversed(range(CODE_TRIES)):
        attempt.certificate_code = new_certificate_code()
        try:
            with transaction.atomic():
                attempt.save(update_fields=[*fields, "certificate_code"])
            return
        except IntegrityError:
            if not tries_left:
                raise


def _write_items(attempt: Attempt, right: list[bool]) -> None:
    """What item analysis reads; a question deleted since the draw is kept as ``None``."""
    asked = [question["id"] for question in attempt.questions]
    existing = set(Question.objects.filter(pk__in=asked).values_list("pk", flat=True))
    AttemptItem.objects.bulk_create(
        AttemptItem(
            attempt=attempt,
            question_id=question_id if question_id in existing else None,
            position=position,
            correct=correct,
            first=attempt.number == 1,
        )
        for position, (question_id, correct) in enumerate(zip(asked, right, strict=True))
    )


def open_quizzes(now: datetime.datetime | None = None) -> QuerySet[QuizPage]:
    """Live, public quizzes open at ``now``, in the page tree's order."""
    now = now or timezone.now()
    return (
        QuizPage.objects.live()
        .public()
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .order_by("path")
    )
