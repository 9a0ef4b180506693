import pytest

from tests.factories import build_site
from tests.school_factories import add_quiz, add_quiz_index, build_schools, make_question

pytestmark = pytest.mark.django_db


def test_personas_and_a_quiz_can_be_built():
    schools = build_schools(students_per_class=3)
    assert schools.school_a.roster_size == 3
    assert schools.city_admin.has_perm("education.view_city_rates")
    tree = build_site()
    quiz = add_quiz(add_quiz_index(tree.home), questions=[make_question()], period=schools.period)
    assert quiz.fixed_questions.count() == 1
    assert quiz.counts
