"""Schools with results, for the dashboard, export and widget tests.

东城区: school A, 5 students: three passed (90, 85, 80), one failed (60), one has not answered;
school B, 5 students: one passed (95); school D without a roster, declaring 20 students.
西湖区: school C, 5 students, nobody has answered. Expected figures are spelled out next to
the tests that check them.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission

from education.models import School, Student
from tests.factories import make_user
from tests.rates.submissions import submit
from tests.school_factories import Schools, build_schools, make_class, make_school, make_students


@dataclass
class RatedSchools:
    schools: Schools
    school_d: School
    passed_a: list[Student]
    failed_a: Student
    absent_a: Student


def build_rated_schools() -> RatedSchools:
    schools = build_schools(students_per_class=5)
    period = schools.period
    students_a = list(schools.class_a.students.order_by("number"))
    for student, score in zip(students_a, [90, 85, 80, 60], strict=False):
        submit(student, score, period=period)
    submit(schools.class_b.students.order_by("number").first(), 95, period=period)
    school_d = make_school("东城第三小学", schools.district, declared_enrolment=20)
    return RatedSchools(
        schools=schools,
        school_d=school_d,
        passed_a=students_a[:3],
        failed_a=students_a[3],
        absent_a=students_a[4],
    )


def grow_school(school: School, period, *, classes: int, students: int) -> None:
    """Adds classes of students to a school, half of each class answering (every other one
    passing), as the query-count tests' bigger size."""
    for number in range(classes):
        school_class = make_class(school, 8, f"{number + 10}班")
        roster = make_students(school_class, students, start=100 * (number + 1))
        for index, student in enumerate(roster[: students // 2]):
            submit(student, 90 if index % 2 == 0 else 50, period=period)


def admin_editor(email: str = "editor@example.cn"):
    """Staff who may use the Wagtail admin, without the city permission."""
    user = make_user(email, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
