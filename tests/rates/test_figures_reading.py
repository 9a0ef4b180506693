"""Figures of a class, school, district and the city are sums of the kept counts: a school
without a roster is measured against its declared enrolment and marked as such, districts
and the city add their schools up, and a district's schools are ranked by rate."""

from decimal import Decimal

import pytest

from education.rate_figures import (
    Figures,
    city_district_figures,
    city_figures,
    class_figures,
    district_school_figures,
    grade_figures,
    school_figures,
)
from tests.rates.submissions import submit
from tests.school_factories import (
    build_schools,
    make_class,
    make_period,
    make_school,
    make_students,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    """School A: 4 students in 七年级1班 (2 pass) and 2 in 八年级1班 (1 pass); school B: 4
    students, 1 passes; school C (another district): 4 students, all pass; 东城新校: no
    roster, 50 declared."""
    schools = build_schools(students_per_class=4)
    schools.eighth = make_class(schools.school_a, 8, "1班")
    make_students(schools.eighth, 2, start=10)
    schools.school_a.refresh_from_db()
    schools.new_school = make_school("东城新校", schools.district, declared_enrolment=50)
    for school_class, scores in (
        (schools.class_a, [100, 80, 50]),
        (schools.eighth, [90]),
        (schools.class_b, [90, 60, 60, 70]),
        (schools.class_c, [80, 80, 90, 100]),
    ):
        for student, score in zip(school_class.students.order_by("number"), scores, strict=False):
            submit(student, score, period=schools.period)
    return schools


def test_a_school_sums_its_classes(schools):
    figures = school_figures(schools.school_a, schools.period)

    assert figures == Figures(enrolled=6, participants=4, passed=3, score_sum=320)
    assert figures.knowledge_rate == Decimal("50.0")
    assert figures.average_score == Decimal("80.0")


def test_a_school_without_a_roster_uses_its_declared_enrolment(schools):
    figures = school_figures(schools.new_school, schools.period)

    assert figures == Figures(enrolled=50, declared=True)
    assert figures.knowledge_rate == Decimal("0.0")


def test_classes_and_grades_of_a_school(schools):
    empty = make_class(schools.school_a, 9, "3班")

    rows = class_figures(schools.school_a, schools.period)

    assert rows == [
        (schools.class_a, Figures(enrolled=4, participants=3, passed=2, score_sum=230)),
        (schools.eighth, Figures(enrolled=2, participants=1, passed=1, score_sum=90)),
        (empty, Figures()),
    ]
    assert grade_figures(schools.school_a, schools.period) == [
        (7, rows[0][1]),
        (8, rows[1][1]),
        (9, Figures()),
    ]


def test_a_district_ranks_its_schools_by_rate_then_name(schools):
    tie = make_school("东城附属中学", schools.district, declared_enrolment=8)
    make_students(make_class(tie, 7, "1班"), 8)
    tie.refresh_from_db()
    for student in tie.students.order_by("number")[:4]:
        submit(student, 100, period=schools.period)

    ranked = district_school_figures(schools.district, schools.period)

    assert [(school.name, figures.knowledge_rate) for school, figures in ranked] == [
        ("东城实验中学", Decimal("50.0")),
        ("东城附属中学", Decimal("50.0")),
        ("东城第二中学", Decimal("25.0")),
        ("东城新校", Decimal("0.0")),
    ]


def test_districts_and_the_city_are_sums_of_their_schools(schools):
    other_period = make_period("2027–2028学年")
    submit(schools.class_a.students.order_by("number").last(), 100, period=other_period)

    districts = city_district_figures(schools.period)

    dongcheng = sum(
        (f for _, f in district_school_figures(schools.district, schools.period)), Figures()
    )
    assert districts == [
        (schools.district, dongcheng),
        (schools.other_district, school_figures(schools.school_c, schools.period)),
    ]
    assert dongcheng == Figures(enrolled=60, participants=8, passed=4, score_sum=600, declared=True)
    assert city_figures(schools.period) == dongcheng + districts[1][1]
    assert city_figures(other_period) == Figures(
        enrolled=64, participants=1, passed=1, score_sum=100, declared=True
    )
