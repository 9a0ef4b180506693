"""A class's quiz results before and after its visit, for the booking page: each student's
best submitted attempt at the quiz named to take before the visit (handed in before the
slot starts) and at the one named for after it (handed in from the slot's start on), as the
class's average score and pass rate. One query for both."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Case, IntegerField, Max, Q, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from booking.models import Booking
from education.models import Attempt, QuizPage, SchoolClass

BEFORE = "before"
AFTER = "after"


@dataclass(frozen=True)
class QuizResult:
    quiz: QuizPage
    students: int = 0
    score_total: int = 0
    passed: int = 0

    @property
    def average(self) -> float | None:
        return round(self.score_total / self.students, 1) if self.students else None

    @property
    def pass_rate(self) -> float | None:
        return round(100 * self.passed / self.students, 1) if self.students else None


@dataclass(frozen=True)
class ClassScores:
    school_class: SchoolClass
    before: QuizResult | None
    after: QuizResult | None

    @property
    def rows(self) -> list[tuple[str, QuizResult | None]]:
        return [(_("参观前"), self.before), (_("参观后"), self.after)]


def class_scores(booking: Booking) -> ClassScores | None:
    """The class's results, or None when the booking names no class or no quiz."""
    pre, post = booking.pre_quiz, booking.post_quiz
    if booking.school_class is None or (pre is None and post is None):
        return None
    start = booking.slot.starts_at
    quizzes = {phase: quiz for phase, quiz in ((BEFORE, pre), (AFTER, post)) if quiz}
    windows = {
        BEFORE: Q(quiz=pre, submitted_at__lt=start),
        AFTER: Q(quiz=post, submitted_at__gte=start),
    }
    whens = [When(windows[phase], then=Value(phase)) for phase in quizzes]
    best = (
        Attempt.objects.filter(
            reduce(or_, (windows[phase] for phase in quizzes)),
            status=Attempt.Status.SUBMITTED,
            student__school_class=booking.school_class,
        )
        .annotate(phase=Case(*whens))
        .order_by()
        .values("phase", "student")
        .annotate(best=Max("score"), passed_any=Max(Cast("passed", IntegerField())))
    )
    totals = {phase: [0, 0, 0] for phase in quizzes}
    for row in best:
        total = totals[row["phase"]]
        total[0] += 1
        total[1] += row["best"] or 0
        total[2] += row["passed_any"] or 0
    results = {phase: QuizResult(quiz, *totals[phase]) for phase, quiz in quizzes.items()}
    return ClassScores(booking.school_class, results.get(BEFORE), results.get(AFTER))
