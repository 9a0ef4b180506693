"""After a roster change, ``recount_school`` makes the roster sizes and the school's count
rows agree with its active students: leavers drop out, moved students count in their new
class, a class left with nobody loses its row, other schools stay as they were."""

import pytest

from education.models import RateCount
from education.rate_counts import recount_school
from tests.rates.submissions import class_counts, submit
from tests.school_factories import build_schools, make_class, make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=4)
    scores = [90, 85, 60, 40]
    for school_class in (schools.class_a, schools.class_b):
        for student, score in zip(school_class.students.order_by("number"), scores, strict=True):
            submit(student, score, period=schools.period)
    return schools


def test_a_student_who_left_drops_out_of_roster_and_counts(schools):
    leaver = schools.class_a.students.order_by("number").first()  # passed with 90
    leaver.active = False
    leaver.save()

    recount_school(schools.school_a)

    schools.school_a.refresh_from_db()
    schools.class_a.refresh_from_db()
    assert (schools.school_a.roster_size, schools.class_a.roster_size) == (3, 3)
    assert class_counts(schools.class_a, schools.period) == (3, 1, 185)
    assert class_counts(schools.class_b, schools.period) == (4, 2, 275)


def test_moved_students_count_in_their_new_class(schools):
    new_class = make_class(schools.school_a, 7, "2班")
    movers = list(schools.class_a.students.order_by("number")[:2])  # 90 and 85
    for student in movers:
        student.school_class = new_class
        student.save()

    recount_school(schools.school_a)

    new_class.refresh_from_db()
    assert new_class.roster_size == 2
    assert class_counts(new_class, schools.period) == (2, 2, 175)
    assert class_counts(schools.class_a, schools.period) == (2, 0, 100)


def test_a_class_with_nobody_left_loses_its_row(schools):
    schools.class_a.students.update(active=False)

    recount_school(schools.school_a)

    schools.school_a.refresh_from_db()
    assert schools.school_a.roster_size == 0
    assert class_counts(schools.class_a, schools.period) is None
    assert RateCount.objects.filter(school=schools.school_b).count() == 1


def test_every_period_is_recounted_and_missing_rows_are_made(schools):
    later = make_period("2027–2028学年")
    student = schools.class_a.students.order_by("number").last()
    submit(student, 100, period=later)
    RateCount.objects.all().delete()

    recount_school(schools.school_a)

    assert class_counts(schools.class_a, schools.period) == (4, 2, 275)
    assert class_counts(schools.class_a, later) == (1, 1, 100)
    assert class_counts(schools.class_b, schools.period) is None


def test_recounting_a_school_takes_a_fixed_number_of_queries(schools, django_assert_num_queries):
    for grade in range(1, 7):
        make_class(schools.school_a, grade, "9班")
    schools.class_a.students.filter(number__endswith="1").update(active=False)

    with django_assert_num_queries(8):
        recount_school(schools.school_a)
