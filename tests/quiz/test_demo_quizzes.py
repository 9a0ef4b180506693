"""The demo's quizzes and simulated results: built once, answered through the real services,
so the kept counts agree with a rebuild from the attempts."""

import pytest

from education.management.demo_question_loader import load_demo_questions
from education.management.demo_quizzes import load_demo_quizzes, simulate_results
from education.models import Attempt, QuizPage, RateCount
from education.rate_rebuild import Rebuild
from tests.factories import build_site
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db


def test_quizzes_and_results_are_made_once_and_counted_exactly():
    schools = build_schools(students_per_class=30)
    tree = build_site()
    load_demo_questions()

    student_quiz, public_quiz = load_demo_quizzes(tree.home, schools.period)
    simulated = simulate_results(student_quiz)

    assert student_quiz.counts and not public_quiz.counts
    assert simulated.attempts == Attempt.objects.filter(quiz=student_quiz).count() > 0
    assert sum(c.participants for c in RateCount.objects.all()) == simulated.students
    assert Rebuild(period=None, fix=False, report=lambda line: None).run() == 0

    again = load_demo_quizzes(tree.home, schools.period)
    assert [q.pk for q in again] == [student_quiz.pk, public_quiz.pk]
    assert simulate_results(student_quiz).attempts == 0
    assert QuizPage.objects.count() == 2
