"""A coordinator's list of who still has to pass: the school's active students without a
passing result in the period, by class, with their best score if they took part."""

import pytest

from education.rate_figures import students_not_passed
from tests.rates.submissions import submit
from tests.school_factories import build_schools, make_class, make_period, make_students

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=3)
    schools.first_grade = make_class(schools.school_a, 1, "2班")
    make_students(schools.first_grade, 2, start=50)
    return schools


def test_students_not_passed_are_grouped_by_class_in_grade_order(schools):
    a1, a2, a3 = schools.class_a.students.order_by("number")
    f1, f2 = schools.first_grade.students.order_by("number")
    submit(a1, 90, period=schools.period)
    submit(a2, 60, period=schools.period)
    submit(f1, 100, period=schools.period)
    submit(f2, 100, period=make_period("另一周期"))  # passed in another period only
    a3.active = False
    a3.save()

    groups = students_not_passed(schools.school_a, schools.period)

    assert [(c, [(s, s.best_score) for s in students]) for c, students in groups] == [
        (schools.first_grade, [(f2, None)]),
        (schools.class_a, [(a2, 60)]),
    ]


def test_a_school_where_everyone_passed_lists_nobody(schools):
    for student in schools.school_b.students.all():
        submit(student, 80, period=schools.period)

    assert students_not_passed(schools.school_b, schools.period) == []
