"""The people of the security tests and the small world they act in.

Two schools in two districts (A in 东城区, B in 西湖区) with a class and a roster each, a
quiz with a passed attempt of a school A student, a booking and a lecturer request of school
A, a waiting-list entry of school A behind school B's group, a WeChat follower, and a row of
every admin listing the project adds. ``build_world`` makes it; ``sign_in`` makes a test
client act as one of the personas.

Signing in happens only in ``sign_in``: when staff need a second factor, the enrolment and
the one-time code go there and every test follows.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from booking import lecturer_requests
from booking.models import Closure, Lecturer, Pool, Suspension
from booking.services import PartyDetails, book_visit
from booking.waitlist import join_waitlist
from education.models import (
    ArticleCategory,
    Attempt,
    Coordinator,
    DistrictOfficer,
    School,
    Student,
)
from education.quiz_attempts import start_attempt, submit_attempt
from education.rate_counts import recount_school
from education.roster_import import upload_roster
from tests.booking_factories import make_base_staff, make_slot, make_venue
from tests.factories import build_site, make_superuser, make_user
from tests.quiz.taking import answers_for, build_bank
from tests.school_factories import (
    add_quiz,
    add_quiz_index,
    make_class,
    make_coordinator,
    make_district,
    make_officer,
    make_period,
    make_school,
)
from wechat.models import (
    Broadcast,
    ChannelPause,
    Follower,
    FollowerTag,
    KeywordReply,
    Message,
    MessageText,
)

PERSONAS = (
    "anonymous",
    "student",
    "coordinator_a",
    "coordinator_b",
    "officer",
    "staff",
    "editor",
    "admin",
)

# School A's roster: names and numbers that must never reach the wrong persona.
ROSTER_A = (("2026070001", "林晓雨"), ("2026070002", "周子航"), ("2026070003", "欧阳静怡"))
ROSTER_B = (("2026080001", "韩梦琪"), ("2026080002", "宋嘉怡"))


@dataclass
class World:
    school_a: School
    school_b: School
    students_a: list[Student]
    student: Student  # the one who identifies, passed the quiz
    users: dict[str, object]
    objects: dict[str, object] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)

    def pk_of(self, key: str) -> int:
        return self.objects[key].pk

    def value(self, token: str):
        """What a word of the permission table stands for: a code or token kept in
        ``values``, the primary key of an object in ``objects``, else the word itself."""
        if token in self.values:
            return self.values[token]
        if token in self.objects:
            return self.objects[token].pk
        return token


def _roster(school_class, rows) -> list[Student]:
    return [
        Student.objects.create(
            school=school_class.school, school_class=school_class, number=number, name=name
        )
        for number, name in rows
    ]


def make_editor(email: str = "editor.pages@example.cn"):
    """An editor of the site's pages, images and documents and of the question bank: the
    admin, and no school, booking or WeChat data."""
    user = make_user(email, is_staff=True)
    group, _ = Group.objects.get_or_create(name="编辑")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "add_question",
                "change_question",
            ]
        )
    )
    root = Page.objects.get(depth=1)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    for codename in ("add_image", "choose_image", "add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    user.groups.add(group)
    return user


def _party(school, **fields) -> PartyDetails:
    defaults = {"contact_name": "张老师", "phone": "13800000001", "grade": 7}
    return PartyDetails(school=school, students=45, teachers=3, **{**defaults, **fields})


def _book(slot, coordinator, school, now, **fields):
    return book_visit(
        slot,
        pool=Pool.GROUP,
        party=_party(school, **fields),
        by=coordinator,
        key=uuid.uuid4().hex,
        now=now,
    )


def _slot_at(venue, days: int, **fields):
    day = timezone.localdate() + timedelta(days=days)
    return make_slot(venue, timezone.make_aware(datetime.combine(day, time(10, 0))), **fields)


def _roster_import(school, by):
    content = "学号,姓名,年级,班级\n2026070001,林晓雨,7,1班\n".encode()
    upload = SimpleUploadedFile("名册.csv", content, content_type="text/csv")
    return upload_roster(school, upload, by=by, deactivate_missing=False)


def _passed_attempt(quiz, student) -> Attempt:
    attempt = start_attempt(quiz, student=student)
    return submit_attempt(attempt, answers_for(attempt, right=len(attempt.questions)))


def build_world() -> World:
    tree = build_site()
    district_a, district_b = make_district("东城区", 1), make_district("西湖区", 2)
    school_a = make_school("东城实验中学", district_a)
    school_b = make_school("西湖第二中学", district_b)
    class_a, class_b = make_class(school_a, 7, "1班"), make_class(school_b, 8, "2班")
    students_a, students_b = _roster(class_a, ROSTER_A), _roster(class_b, ROSTER_B)
    period = make_period()
    users = {
        "coordinator_a": make_coordinator(school_a, "teacher.a@example.cn"),
        "coordinator_b": make_coordinator(school_b, "teacher.b@example.cn"),
        "officer": make_officer(district_b, "officer.xh@example.cn"),
        "staff": make_base_staff("door@example.cn"),
        "editor": make_editor(),
        "admin": make_superuser("root@example.cn"),
    }
    quiz = add_quiz(add_quiz_index(tree.home), questions=list(build_bank().values()), period=period)
    with transaction.atomic():
        recount_school(school_a)
        recount_school(school_b)
    attempt = _passed_attempt(quiz, students_a[0])
    world = World(school_a, school_b, students_a, students_a[0], users)
    world.objects.update(
        home=tree.home,
        school_a=school_a,
        school_b=school_b,
        district_a=district_a,
        district_b=district_b,
        class_a=class_a,
        class_b=class_b,
        student_a=students_a[0],
        student_b=students_b[0],
        period=period,
        quiz=quiz,
        attempt=attempt,
        question=quiz.fixed_questions.first().question,
        category=ArticleCategory.objects.first(),
        coordinator_role=Coordinator.objects.get(user=users["coordinator_a"]),
        officer_role=DistrictOfficer.objects.get(user=users["officer"]),
    )
    world.objects["import"] = _roster_import(school_a, users["coordinator_a"])
    other = _passed_attempt(quiz, students_b[0])
    world.values.update(
        join_token_a=school_a.join_token,
        certificate=attempt.certificate_code,
        attempt_token=str(attempt.token),
        attempt_b_token=str(other.token),
    )
    _add_bookings(world)
    _add_wechat(world)
    return world


def _add_bookings(world: World) -> None:
    now, users = timezone.now(), world.users
    holiday = timezone.localdate() + timedelta(days=60)
    venue = make_venue()
    slot = _slot_at(venue, 3)
    full = _slot_at(venue, 4, group_capacity=48, max_groups=1)
    booking = _book(slot, users["coordinator_a"], world.school_a, now, notes="请安排讲解员")
    _book(full, users["coordinator_b"], world.school_b, now)
    entry = join_waitlist(
        full, pool=Pool.GROUP, party=_party(world.school_a), by=users["coordinator_a"], now=now
    )
    lecturer = Lecturer.objects.create(
        name="王警官", user=make_user("lecturer@example.cn"), phone="13700000003"
    )
    talk = lecturer_requests.request_talk(
        school=world.school_a,
        by=users["coordinator_a"],
        topic="远离新型毒品",
        audience="七年级全体学生",
        audience_size=300,
        first_choice=timezone.localdate() + timedelta(days=5),
        contact_phone="13800000001",
        notes="礼堂可容纳 300 人",
    )
    world.values.update(
        booking_code=booking.code,
        waitlist_token=entry.token,
        venue_slug=venue.slug,
        slot_day=slot.day.isoformat(),
    )
    world.objects.update(
        venue=venue,
        slot=slot,
        booking=booking,
        entry=entry,
        lecturer=lecturer,
        talk=talk,
        closure=Closure.objects.create(
            venue=venue, first_day=holiday, last_day=holiday, reason="元旦闭馆"
        ),
        suspension=Suspension.objects.create(
            school=world.school_b,
            starts_at=now,
            ends_at=now + timedelta(days=30),
            reason="多次爽约",
        ),
    )


def _add_wechat(world: World) -> None:
    tag = FollowerTag.objects.create(name="东城区", kind=FollowerTag.Kind.DISTRICT)
    follower = Follower.objects.create(
        openid="oSecurityFollower0001", subscribed=True, user=world.users["coordinator_a"]
    )
    follower.tags.add(tag)
    broadcast = Broadcast.objects.create(title="禁毒日答题提醒", text="一起来答题。", to_all=True)
    world.objects.update(
        tag=tag,
        follower=follower,
        broadcast=broadcast,
        message=Message.objects.filter(broadcast=None).first(),
        reply=KeywordReply.objects.create(keywords="答题", title="禁毒知识答题", text="点击答题"),
        text=MessageText.objects.create(kind="booking_confirmed", email_subject="预约成功"),
        pause=ChannelPause.objects.create(channel="template", reason="测试暂停"),
    )


def module_world(django_db_blocker):
    """``build_world`` once for a test module, rolled back after its last test. The tables
    are written for sign-in without a second factor (``MFA_REQUIRED`` off)."""
    with override_settings(MFA_REQUIRED=False), django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@dataclass(frozen=True)
class Row:
    """A row of a permission table: a URL name, its arguments (words of ``World.value``)
    and the status expected for each persona."""

    name: str
    kwargs: dict[str, str]
    expected: dict[str, int | None]

    def __str__(self) -> str:
        arguments = ",".join(f"{key}={word}" for key, word in self.kwargs.items())
        return f"{self.name}({arguments})"


def parse_table(text: str) -> list[Row]:
    """Rows of ``[namespace]`` sections (``[-]``: no namespace) of
    ``name  key=word,key=word  status × 8`` lines (``ok``: allowed, not requested);
    ``#`` starts a comment line."""
    rows, namespace = [], ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            namespace = line.strip("[]")
            namespace = "" if namespace == "-" else f"{namespace}:"
            continue
        name, arguments, *statuses = line.split()
        assert len(statuses) == len(PERSONAS), f"{name}: one status for each persona"
        kwargs = (
            dict(pair.split("=", 1) for pair in arguments.split(",")) if arguments != "-" else {}
        )
        expected = [int(status) if status.isdigit() else None for status in statuses]
        rows.append(Row(namespace + name, kwargs, dict(zip(PERSONAS, expected, strict=True))))
    return rows


def mismatches(world: World, persona: str, rows: list[Row], method: str) -> list[str]:
    """Each row the persona's ``method`` request (an empty form for a POST) does not answer
    as the table expects."""
    client = sign_in(Client(), world, persona)
    found = []
    for row in rows:
        expected = row.expected[persona]
        if expected is None:
            continue
        url = reverse(row.name, kwargs={k: world.value(v) for k, v in row.kwargs.items()})
        status = getattr(client, method)(url).status_code
        if status != expected:
            found.append(f"{row}: expected {expected}, got {status} ({url})")
    return found


def sign_in(client: Client, world: World, persona: str) -> Client:
    """Make ``client`` act as ``persona``: staff and teachers sign in, the student identifies
    through the class code, number and name, as a child does."""
    if persona == "student":
        _identify(client, world.student)
    elif persona != "anonymous":
        client.force_login(world.users[persona])
    return client


def _identify(client: Client, student: Student) -> None:
    code = client.post(reverse("join_by_code"), {"code": student.school_class.code})
    assert code.status_code == 302, "the class code was not accepted"
    joined = client.post(code["Location"], {"number": student.number, "name": student.name})
    assert joined.status_code == 302, "the student was not identified"
