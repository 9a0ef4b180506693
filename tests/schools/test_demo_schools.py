"""The demo schools load quickly, a second time change nothing, and build rosters that agree
with the kept roster sizes; three schools have no roster and a declared enrolment."""

import re
import time

import pytest
from django.contrib.auth import authenticate
from django.db.models import Count

from education.access import is_city_admin, visible_districts, visible_schools
from education.management.demo_schools import (
    CITY_ADMIN,
    OFFICER,
    PENDING_TEACHER,
    demo_password,
    load_demo_schools,
)
from education.models import (
    Coordinator,
    District,
    DistrictOfficer,
    Period,
    School,
    SchoolClass,
    Student,
)
from education.role_kinds import COORDINATOR_DECISION, COORDINATOR_REQUEST
from wechat.models import Message

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, int]:
    models = (District, School, SchoolClass, Student, Period, Coordinator, DistrictOfficer)
    return {model.__name__: model.objects.count() for model in models} | {
        "messages": Message.objects.count()
    }


@pytest.fixture
def loaded():
    started = time.monotonic()
    result = load_demo_schools()
    return result, time.monotonic() - started


def test_a_realistic_city(loaded):
    result, seconds = loaded
    assert seconds < 10
    assert list(District.objects.values_list("name", flat=True)) == [
        "东城区",
        "西湖区",
        "江北区",
        "高新区",
        "南山区",
        "北岸县",
    ]
    assert School.objects.count() == 30
    levels = set(School.objects.values_list("level", flat=True))
    assert levels == set(School.Level.values)
    assert all(district.schools.count() >= 4 for district in District.objects.all())
    assert Student.objects.count() > 5000
    period = Period.objects.get(name="2026–2027学年")
    assert (period.starts_on.isoformat(), period.ends_on.isoformat()) == (
        "2026-09-01",
        "2027-08-31",
    )
    assert result.created["学校"] == 30


def test_rosters_agree_with_the_kept_sizes(loaded):
    for school in School.objects.annotate(counted=Count("students")):
        assert school.roster_size == school.counted, school
        assert school.enrolment > 0, school
    for school_class in SchoolClass.objects.annotate(counted=Count("students")):
        assert school_class.roster_size == school_class.counted > 0, school_class


def test_three_schools_are_measured_by_their_declared_enrolment(loaded):
    declared = School.objects.filter(roster_size=0)
    assert declared.count() == 3
    assert all(school.declared_enrolment > 0 for school in declared)
    assert not SchoolClass.objects.filter(school__in=declared).exists()


def test_classes_fit_the_school_level_and_numbers_read_year_grade_class_seat(loaded):
    primary = School.objects.get(name="东城区实验小学")
    assert sorted({c.grade for c in primary.classes.all()}) == [1, 2, 3, 4, 5, 6]
    junior = School.objects.get(name="西湖中学")
    assert sorted({c.grade for c in junior.classes.all()}) == [7, 8, 9]
    first = Student.objects.get(school=junior, number="2026070101")
    assert (first.school_class.grade, first.school_class.name) == (7, "1班")
    assert all(
        re.fullmatch(r"2026\d{6}", n) for n in Student.objects.values_list("number", flat=True)
    )
    assert all(
        re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n)
        for n in Student.objects.values_list("name", flat=True)
    )


def test_the_demo_people_and_their_roles(loaded):
    result, _seconds = loaded
    assert [person.email for person in result.logins][:2] == [CITY_ADMIN.email, OFFICER.email]
    city = authenticate(username="city", password=demo_password())
    assert city is not None and is_city_admin(city)
    officer = DistrictOfficer.objects.get(user__email=OFFICER.email)
    assert officer.district.name == "东城区"
    assert set(visible_districts(officer.user).values_list("name", flat=True)) == {"东城区"}
    approved = Coordinator.objects.filter(status="approved").select_related("school", "decided_by")
    assert {role.school.name for role in approved} == {"东城区实验小学", "西湖中学"}
    assert all(role.decided_by and role.decided_at for role in approved)
    teacher = Coordinator.objects.get(status="pending")
    assert (teacher.user.email, teacher.school.name) == (PENDING_TEACHER.email, "东城中学")
    assert not visible_schools(teacher.user).exists()
    # The same steps as on the site: requests and decisions left their messages.
    assert Message.objects.filter(kind=COORDINATOR_REQUEST).exists()
    assert Message.objects.filter(kind=COORDINATOR_DECISION).count() == 2


def test_a_second_load_changes_nothing(loaded):
    before = snapshot()
    names = list(Student.objects.order_by("pk").values_list("number", "name"))
    again = load_demo_schools()
    assert again.created == {}
    assert snapshot() == before
    assert list(Student.objects.order_by("pk").values_list("number", "name")) == names
    assert "学校演示数据已存在，未做任何修改。" in again.report()


def test_the_report_names_the_logins_and_the_password(loaded):
    result, _seconds = loaded
    report = "\n".join(result.report())
    assert "学校 30" in report
    assert CITY_ADMIN.email in report and demo_password() in report
