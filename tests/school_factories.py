"""Builders for districts, schools, rosters, questions and quizzes, and the personas who
look after them: a coordinator of school A, one of school B, a district officer, a city
admin. Tests build what they need once in ``setUpTestData`` (or a module fixture)."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from education.models import (
    Choice,
    Coordinator,
    District,
    DistrictOfficer,
    Period,
    Question,
    QuizIndexPage,
    QuizPage,
    QuizQuestion,
    School,
    SchoolClass,
    Student,
)
from education.rate_counts import recount_school
from tests.factories import make_user, publish


def make_district(name: str = "东城区", sort_order: int = 0) -> District:
    return District.objects.create(name=name, sort_order=sort_order)


def make_school(
    name: str = "实验中学",
    district: District | None = None,
    level: str = School.Level.JUNIOR,
    **fields,
) -> School:
    district = district or District.objects.first() or make_district()
    return School.objects.create(name=name, district=district, level=level, **fields)


def make_class(school: School, grade: int = 7, name: str = "1班") -> SchoolClass:
    return SchoolClass.objects.create(school=school, grade=grade, name=name)


def make_students(school_class: SchoolClass, count: int, *, start: int = 1) -> list[Student]:
    """``count`` active students numbered from ``start`` within the class's school, with the
    roster sizes kept as the roster services keep them."""
    school = school_class.school
    prefix = f"{school_class.grade:02d}{school_class.pk:03d}"
    students = Student.objects.bulk_create(
        Student(
            school=school,
            school_class=school_class,
            number=f"{prefix}{n:03d}",
            name=f"学生{school_class.pk}-{n}",
        )
        for n in range(start, start + count)
    )
    with transaction.atomic():
        recount_school(school)
    school.refresh_from_db()
    return students


def make_period(
    name: str = "2026–2027学年",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Period:
    today = timezone.localdate()
    return Period.objects.create(
        name=name,
        starts_on=starts_on or today - datetime.timedelta(days=90),
        ends_on=ends_on or today + datetime.timedelta(days=270),
    )


def make_question(
    text: str = "下列哪一种属于毒品？",
    *,
    kind: str = Question.Kind.SINGLE,
    category: str = Question.Category.DRUG_TYPES,
    choices: tuple[tuple[str, bool], ...] = (("冰毒", True), ("咖啡", False), ("茶叶", False)),
    bands: tuple[str, ...] = ("primary", "junior", "senior", "university"),
    **fields,
) -> Question:
    question = Question(text=text, kind=kind, category=category, **fields)
    for band in bands:
        setattr(question, f"for_{band}", True)
    question.choices = [Choice(text=label, correct=correct) for label, correct in choices]
    question.save()
    return question


def add_quiz_index(home) -> QuizIndexPage:
    index = QuizIndexPage(title="禁毒知识答题", slug="quiz")
    home.add_child(instance=index)
    return publish(index)


def add_quiz(
    index: QuizIndexPage,
    title: str = "2026 学年禁毒知识测试",
    *,
    questions: list[Question] = (),
    **fields,
) -> QuizPage:
    """A published quiz; with ``questions`` it draws that fixed list."""
    fields.setdefault("slug", f"quiz-{QuizPage.objects.count() + 1}")
    if questions:
        fields.setdefault("draw", QuizPage.Draw.FIXED)
    quiz = QuizPage(title=title, **fields)
    quiz.fixed_questions = [QuizQuestion(question=q) for q in questions]
    index.add_child(instance=quiz)
    return publish(quiz)


def make_coordinator(
    school: School, email: str = "coordinator@example.cn", *, approved: bool = True
):
    user = make_user(email)
    Coordinator.objects.create(
        user=user,
        school=school,
        status=Coordinator.Status.APPROVED if approved else Coordinator.Status.PENDING,
    )
    return user


def make_officer(district: District, email: str = "officer@example.cn"):
    user = make_user(email)
    DistrictOfficer.objects.create(user=user, district=district)
    return user


def make_city_admin(email: str = "city@example.cn"):
    """A staff user of the city office, with the city-wide permission through a group."""
    user = make_user(email, is_staff=True)
    group, _ = Group.objects.get_or_create(name="市禁毒办")
    group.permissions.add(
        Permission.objects.get(codename="view_city_rates"),
        Permission.objects.get(codename="access_admin"),
    )
    user.groups.add(group)
    return user


@dataclass
class Schools:
    """Two schools of one district and one of another, with a roster each, and the personas
    of the scoping tests."""

    district: District
    other_district: District
    school_a: School
    school_b: School
    school_c: School
    class_a: SchoolClass
    class_b: SchoolClass
    class_c: SchoolClass
    coordinator_a: object
    coordinator_b: object
    officer: object
    other_officer: object
    city_admin: object
    period: Period


def build_schools(students_per_class: int = 5) -> Schools:
    district = make_district("东城区", 1)
    other = make_district("西湖区", 2)
    school_a = make_school("东城实验中学", district)
    school_b = make_school("东城第二中学", district)
    school_c = make_school("西湖小学", other, level=School.Level.PRIMARY)
    class_a = make_class(school_a, 7, "1班")
    class_b = make_class(school_b, 8, "2班")
    class_c = make_class(school_c, 5, "3班")
    for school_class in (class_a, class_b, class_c):
        make_students(school_class, students_per_class)
    return Schools(
        district=district,
        other_district=other,
        school_a=school_a,
        school_b=school_b,
        school_c=school_c,
        class_a=class_a,
        class_b=class_b,
        class_c=class_c,
        coordinator_a=make_coordinator(school_a, "teacher.a@example.cn"),
        coordinator_b=make_coordinator(school_b, "teacher.b@example.cn"),
        officer=make_officer(district, "officer.dc@example.cn"),
        other_officer=make_officer(other, "officer.xh@example.cn"),
        city_admin=make_city_admin(),
        period=make_period(),
    )
