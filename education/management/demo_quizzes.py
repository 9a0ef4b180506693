"""Demo quizzes and results: the 答题 section with the school-year quiz that counts toward the
knowledge rate and an open quiz for the public, then simulated answers from the demo
schools' students spread over the weeks since the period began, so the dashboards and the
rate-over-time charts have something true to show.

The answers go through the same services as a student's (``start_attempt`` and
``submit_attempt``), so every count is kept exactly as in production. Idempotent: quizzes are
found by slug, and results are simulated only for a quiz nobody has answered yet.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from education.models import Attempt, HomePage, Period, QuizIndexPage, QuizPage, School, Student
from education.quiz_attempts import start_attempt, submit_attempt

INDEX = {"slug": "quiz", "title": "禁毒知识答题"}
STUDENT_QUIZ = {
    "slug": "2026-2027-student-quiz",
    "title": "2026–2027学年学生禁毒知识测试",
    "intro": "<p>全市中小学生和在校大学生禁毒知识测试。每类题目各抽 2 题，共 10 题，限时 15 分钟，"
    "得分达到 80 分即为合格，计入学校的学生毒品知晓率。每人可答 3 次，以最好成绩为准。</p>",
    "audience": QuizPage.Audience.STUDENTS,
    "per_category": 2,
    "time_limit_minutes": 15,
    "attempts_allowed": 3,
}
PUBLIC_QUIZ = {
    "slug": "public-quiz",
    "title": "全民禁毒知识有奖问答",
    "intro": "<p>面向社会公众的禁毒知识问答，无需登录，答完即可查看解析。</p>",
    "audience": QuizPage.Audience.PUBLIC,
    "per_category": 2,
    "attempts_allowed": 10,
    "counts_toward_rate": False,
}
# How far each school has got (the share of its roster that has taken the quiz by now, early
# in the school year) and how well its students know the subject: drawn per school, so the
# district rankings differ.
PARTICIPATION = (0.08, 0.32)
ABILITY = (0.62, 0.97)


def load_demo_quizzes(home: HomePage, period: Period) -> list[QuizPage]:
    index = QuizIndexPage.objects.child_of(home).first()
    if index is None:
        index = QuizIndexPage(
            title=INDEX["title"],
            slug=INDEX["slug"],
            intro="<p>测一测你的禁毒知识：在校学生请用学校发放的班级码进入本校答题，"
            "社会公众可直接参加全民问答。</p>",
        )
        _publish(home, index)
    opens = timezone.make_aware(datetime.datetime.combine(period.starts_on, datetime.time(8)))
    quizzes = []
    for spec in (STUDENT_QUIZ, PUBLIC_QUIZ):
        quiz = QuizPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if quiz is None:
            quiz = QuizPage(**spec, period=period, opens_at=opens)
            _publish(index, quiz)
        quizzes.append(quiz)
    return quizzes


def _publish(parent, page) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()


@dataclass
class Simulated:
    students: int = 0
    attempts: int = 0


@transaction.atomic  # one commit: thousands of submits, each a savepoint inside it
def simulate_results(quiz: QuizPage, *, seed: int = 626) -> Simulated:
    """Students of every school with a roster answer ``quiz`` between the period's start
    and today; some fail and try again a few days later."""
    done = Simulated()
    if quiz.period is None or quiz.attempts_allowed < 1:
        return done
    if Attempt.objects.filter(quiz=quiz).exists():
        return done
    rng = random.Random(seed)  # noqa: S311  (demo data, the same on every machine)
    start = quiz.period.starts_on + datetime.timedelta(days=7)
    days = max((timezone.localdate() - start).days, 1)
    for school in School.objects.filter(roster_size__gt=0).order_by("pk"):
        share, skill = rng.uniform(*PARTICIPATION), rng.uniform(*ABILITY)
        students = list(
            Student.objects.filter(school=school, active=True).select_related("school_class")
        )
        for student in rng.sample(students, round(len(students) * share)):
            day = start + datetime.timedelta(days=int(days * rng.random() ** 0.7))
            done.attempts += _answer(quiz, student, day, skill, rng)
            done.students += 1
    return done


def _answer(quiz, student, day, skill, rng) -> int:
    tries = 0
    ability = min(rng.gauss(skill, 0.08), 1.0)
    while tries < quiz.attempts_allowed and day <= timezone.localdate():
        moment = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(rng.randint(8, 20), rng.randint(0, 59)))
        )
        attempt = start_attempt(quiz, student=student, now=moment)
        answers = {
            str(n): item["key"] if rng.random() < ability else _wrong(item, rng)
            for n, item in enumerate(attempt.questions)
        }
        attempt = submit_attempt(attempt, answers, now=moment + datetime.timedelta(minutes=6))
        tries += 1
        if attempt.passed or rng.random() < 0.4:
            break
        day += datetime.timedelta(days=rng.randint(1, 6))
        ability = min(ability + 0.1, 1.0)
    return tries


def _wrong(item: dict, rng: random.Random) -> list[str]:
    others = [c["key"] for c in item["choices"] if c["key"] not in item["key"]]
    return [rng.choice(others)] if others else []


def describe(simulated: Simulated) -> str:
    return _("模拟答题：%(students)s 名学生，%(attempts)s 次。") % {
        "students": simulated.students,
        "attempts": simulated.attempts,
    }
