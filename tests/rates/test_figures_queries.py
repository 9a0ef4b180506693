"""Reading figures takes a fixed number of queries, however many schools and classes there
are: every figure is an aggregate over the kept counts, grouped in the database."""

import pytest

from education.models import District, RateCount, School, SchoolClass
from education.rate_figures import (
    city_district_figures,
    city_figures,
    class_figures,
    district_school_figures,
    grade_figures,
    school_figures,
    students_not_passed,
    timeline,
)
from tests.rates.submissions import submit
from tests.school_factories import build_schools

pytestmark = pytest.mark.django_db

SCHOOLS_PER_DISTRICT = 12
CLASSES_PER_SCHOOL = 6


@pytest.fixture
def schools():
    """Besides the usual three schools (a few attempts each), three districts of twelve
    schools with six counted classes each."""
    schools = build_schools(students_per_class=3)
    for school_class in (schools.class_a, schools.class_b, schools.class_c):
        for student, score in zip(
            school_class.students.order_by("number")[:2], (70, 90), strict=True
        ):
            submit(student, score, period=schools.period)
    for d in range(3):
        district = District.objects.create(name=f"新区{d}", sort_order=10 + d)
        created = School.objects.bulk_create(
            School(
                name=f"新区{d}第{n}中学",
                district=district,
                level=School.Level.JUNIOR,
                roster_size=(n % 3) * 40,
                declared_enrolment=200,
                join_token=f"token-{d}-{n}",
            )
            for n in range(SCHOOLS_PER_DISTRICT)
        )
        classes = SchoolClass.objects.bulk_create(
            SchoolClass(school=school, grade=7 + c % 3, name=f"{c}班", code=f"C{school.pk}X{c}")
            for school in created
            for c in range(CLASSES_PER_SCHOOL)
        )
        RateCount.objects.bulk_create(
            RateCount(
                school=school_class.school,
                school_class=school_class,
                period=schools.period,
                participants=5,
                passed=3,
                best_score_sum=400,
            )
            for school_class in classes
        )
    return schools


def test_the_city_and_its_districts(schools, django_assert_num_queries):
    with django_assert_num_queries(3):
        districts = city_district_figures(schools.period)
    with django_assert_num_queries(2):
        city = city_figures(schools.period)
    assert len(districts) == 5
    assert city.participants == 3 * SCHOOLS_PER_DISTRICT * CLASSES_PER_SCHOOL * 5 + 6


def test_a_district_and_a_school(schools, django_assert_num_queries):
    district = District.objects.get(name="新区1")
    with django_assert_num_queries(2):
        ranked = district_school_figures(district, schools.period)
    assert len(ranked) == SCHOOLS_PER_DISTRICT
    school = ranked[0][0]
    with django_assert_num_queries(1):
        school_figures(school, schools.period)
    with django_assert_num_queries(2):
        assert len(class_figures(school, schools.period)) == CLASSES_PER_SCHOOL
    with django_assert_num_queries(2):
        assert len(grade_figures(school, schools.period)) == 3


def test_the_timeline_and_the_list_of_students_not_passed(schools, django_assert_num_queries):
    with django_assert_num_queries(1):
        timeline(schools.period)
    with django_assert_num_queries(1):
        groups = students_not_passed(schools.school_a, schools.period)
    assert groups[0][0] == schools.class_a
