"""Demo visits of 江州市: the city's education base and 东城区's, their weekly slots and the
next year's holiday closures, the people who run them (door staff, a booking manager, a
lecturer) and bookings made through the booking services as schools and families would:
groups and families booked, a full slot with a school on its waiting list, a group waiting
for approval at the district base, a past visit checked in and a family that never came,
and two requests for a talk at a school, one of them scheduled.

Run after ``load_demo_schools`` (it needs the schools, their coordinators, 东城区's officer
and the city admin). Idempotent: people are found by username, venues by slug, closures by
their days; the visits and talks are made only in the run that creates the city base, so a
second run books nothing. Slots are generated for the booking window on every run, as the
periodic job does: the same day, that makes none.
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from booking import windows
from booking.checkin import check_in
from booking.lecturer_requests import assign_lecturer, request_talk
from booking.models import Booking, Closure, Lecturer, Pool, Slot, Venue, Weekday, WeeklyRule
from booking.no_shows import mark_no_shows
from booking.party_rules import PartyDetails
from booking.services import book_visit
from booking.slot_generation import generate_ahead, generate_slots
from booking.waitlist import join_waitlist
from education import roles
from education.management.demo_schools import (
    COORDINATORS,
    OFFICER,
    DemoSchools,
    DemoUser,
    demo_password,
    demo_user,
)
from education.models import Coordinator, District, QuizPage, School, SchoolClass
from wechat.replies import ensure_default_replies

STAFF = DemoUser("staff@demo.jindu", "基地工作人员小周", "基地工作人员（入口签到）", staff=True)
MANAGER = DemoUser("manager@demo.jindu", "预约管理员吴老师", "预约管理员", staff=True)
VISITOR = DemoUser("visitor@demo.jindu", "李女士", "个人/家庭预约")
NEIGHBOUR = DemoUser("sun.xiansheng@demo.jindu", "孙先生", "个人预约（上次爽约）")
LECTURER = DemoUser("wang.jingguan@demo.jindu", "王警官", "讲师（市公安局禁毒支队）")
TEACHER = DemoUser(
    "zhao.laoshi@demo.jindu", "赵老师", "市第一高级中学联络员", "市第一高级中学", "团委书记"
)
ZHANG, CHEN = COORDINATORS
PHONES = {
    ZHANG: "13805710001",
    CHEN: "13805710002",
    TEACHER: "13805710003",
    VISITOR: "13905710004",
    NEIGHBOUR: "13905710005",
}

STAFF_GROUP = ("基地工作人员", ("access_admin", "check_in_booking"))
MANAGED_MODELS = (
    "venue",
    "weeklyrule",
    "closure",
    "slot",
    "booking",
    "waitlistentry",
    "suspension",
    "lecturer",
    "lecturerrequest",
)
MANAGER_GROUP = (
    "预约管理员",
    ("access_admin", "check_in_booking")
    + tuple(
        f"{verb}_{model}"
        for verb in ("add", "change", "delete", "view")
        for model in MANAGED_MODELS
    ),
)

CITY_BASE = {
    "slug": "city-base",
    "name": "江州市禁毒教育基地",
    "summary": "全市青少年禁毒教育主阵地，设毒品识别、危害警示、法治教育和互动体验四个展区，"
    "学校团体和个人、家庭均可预约参观。",
    "description": (
        "江州市禁毒教育基地由市禁毒办建设，展厅面积约 2400 平方米。\n"
        "第一展区“认识毒品”陈列常见毒品和新型毒品仿真样品；第二展区“毒品危害”用真实案例讲述"
        "吸毒对个人、家庭和社会的伤害；第三展区“法治教育”介绍《中华人民共和国禁毒法》；"
        "第四展区“互动体验”设有 VR 体验和禁毒知识闯关。\n"
        "每场参观约 90 分钟，由讲解员带领。学校团体请由学校联络员在线预约，带队教师须随队；"
        "个人和家庭每单最多 5 人。请凭预约码或二维码在入口签到。"
    ),
    "address": "江州市东城区滨江路 626 号（市青少年活动中心东侧）",
    "opening_hours": "周二至周日 9:00–12:00、14:00–15:30，周一及法定节假日闭馆",
    "phone": "0571-86626626",
    "sort_order": 1,
}
DISTRICT_BASE = {
    "slug": "dongcheng-base",
    "name": "东城区禁毒教育基地",
    "summary": "东城区中小学生禁毒教育基地，以禁毒情景剧场和模拟法庭为特色。团体预约经审核后确认。",
    "description": (
        "东城区禁毒教育基地位于东城区青少年宫三楼，设禁毒情景剧场、模拟法庭和禁毒图书角。\n"
        "每场参观约 90 分钟。学校团体预约提交后由区禁毒办审核，审核期间名额为学校保留；"
        "审核结果会通过微信或邮件通知。"
    ),
    "address": "江州市东城区文化路 18 号东城区青少年宫三楼",
    "opening_hours": "周二、周四、周六 9:30–11:00、14:30–16:00",
    "phone": "0571-86012345",
    "sort_order": 2,
    "requires_approval": True,
    "group_capacity": 90,
    "public_capacity": 20,
    "max_groups": 2,
}
CITY_TIMES = ((time(9, 0), time(10, 30)), (time(10, 30), time(12, 0)), (time(14, 0), time(15, 30)))
CITY_DAYS = (
    Weekday.TUESDAY,
    Weekday.WEDNESDAY,
    Weekday.THURSDAY,
    Weekday.FRIDAY,
    Weekday.SATURDAY,
    Weekday.SUNDAY,
)
DISTRICT_TIMES = ((time(9, 30), time(11, 0)), (time(14, 30), time(16, 0)))
DISTRICT_DAYS = (Weekday.TUESDAY, Weekday.THURSDAY, Weekday.SATURDAY)

# How far back the demo looks for a day the city base was open (a closed week, 春节,
# and a Monday fit in).
PAST_DAYS = 21
# 正月初一 of the coming years; the base closes from 除夕 for a week.
SPRING_FESTIVAL = {
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
    2036: date(2036, 1, 28),
}


class DemoVisits(DemoSchools):
    """What a run created and the demo logins, reported like the school demo's."""

    def report(self) -> list[str]:
        if self.created:
            summary = "，".join(f"{label} {count}" for label, count in self.created.items())
            header = _("参观预约演示数据已新建：%(summary)s。") % {"summary": summary}
        else:
            header = _("参观预约演示数据已存在，未做任何修改。")
        return [header, *super().report()[1:]]  # the school demo's lines after its summary


@transaction.atomic
def load_demo_visits(now: datetime | None = None) -> DemoVisits:
    now = now or timezone.now()
    result = DemoVisits()
    people = _people(result)
    city, new = _venue(result, CITY_BASE, CITY_DAYS, CITY_TIMES)
    district, _new = _venue(
        result,
        {**DISTRICT_BASE, "district": District.objects.get(name="东城区")},
        DISTRICT_DAYS,
        DISTRICT_TIMES,
    )
    _closures(result, timezone.localdate(now).year + 1)
    result.count(_("场次"), generate_ahead(now))
    if new:
        bookings = Booking.objects.count()
        _past_visits(city, people, now)
        _coming_visits(result, city, district, people, now)
        result.count(_("预约"), Booking.objects.count() - bookings)
        _talks(result, people, now)
    _wechat_keyword()
    return result


def _wechat_keyword() -> None:
    """The WeChat keyword 预约 (made once, before the WeChat demo) opens the venues page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("booking:venues")
        ensure_default_replies(site.root_page, links={"预约": url})


# --- people -------------------------------------------------------------------------------


def _people(result: DemoVisits) -> dict[DemoUser, object]:
    """The booking personas, plus the school demo's coordinators and 东城区's officer."""
    result.logins = [STAFF, MANAGER, VISITOR, NEIGHBOUR, LECTURER, TEACHER]
    password = make_password(demo_password())  # one hash for every account: it takes a while
    people = {person: demo_user(result, person, password) for person in result.logins}
    users = get_user_model().objects
    people |= {person: users.get(email=person.email) for person in (*COORDINATORS, OFFICER)}
    for person, (name, codenames) in ((STAFF, STAFF_GROUP), (MANAGER, MANAGER_GROUP)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(
                codename__in=codenames, content_type__app_label__in=("booking", "wagtailadmin")
            )
        )
        people[person].groups.add(group)
    _lecturer, created = Lecturer.objects.get_or_create(
        user=people[LECTURER],
        defaults={
            "name": LECTURER.name,
            "organisation": "市公安局禁毒支队",
            "phone": "13905716626",
            "topics": "新型毒品识别、青少年禁毒法治教育、毒品危害案例",
        },
    )
    result.count(_("讲师"), int(created))
    _approved_coordinator(result, people[TEACHER], people[OFFICER])
    return people


def _approved_coordinator(result: DemoVisits, user, officer) -> None:
    """赵老师 coordinates 市第一高级中学 (东城区), approved by 东城区's officer, through
    the same steps as on the site."""
    school = School.objects.get(name=TEACHER.school)
    if Coordinator.objects.filter(user=user, school=school).exists():
        return
    roles.decide(roles.request_role(user, school, TEACHER.title), officer, "approve")
    result.count(_("学校联络员"))


# --- venues, rules, closures --------------------------------------------------------------


def _venue(result: DemoVisits, fields: dict, days, times) -> tuple[Venue, bool]:
    """The venue with its weekly rules, made when missing (an existing one is left as is)."""
    fields = dict(fields)
    venue, created = Venue.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
    if created:
        rules = [(day, start, end) for day in days for start, end in times]
        WeeklyRule.objects.bulk_create(
            WeeklyRule(venue=venue, weekday=day, start=start, end=end, sort_order=order)
            for order, (day, start, end) in enumerate(rules)
        )
        result.count(_("场馆"))
        result.count(_("每周场次"), len(rules))
    return venue, created


def _closures(result: DemoVisits, year: int) -> None:
    """元旦 and 春节 of ``year``, for every venue (Mondays need none: they have no rule)."""
    closures = [(date(year, 1, 1), date(year, 1, 1), _("元旦闭馆"))]
    if year in SPRING_FESTIVAL:
        new_year = SPRING_FESTIVAL[year]
        closures.append((new_year - timedelta(days=1), new_year + timedelta(days=5), _("春节闭馆")))
    for first_day, last_day, reason in closures:
        _closure, created = Closure.objects.get_or_create(
            venue=None, first_day=first_day, last_day=last_day, defaults={"reason": reason}
        )
        result.count(_("闭馆日"), int(created))


# --- visits -------------------------------------------------------------------------------


def _book(slot: Slot, by, party: PartyDetails, now: datetime, pool: str = Pool.GROUP) -> Booking:
    return book_visit(slot, pool=pool, party=party, by=by, key=uuid.uuid4().hex, now=now)


def _group(school_name: str, contact: str, phone: str, **fields) -> PartyDetails:
    """A school's group: ``fields`` give grade, students, teachers and the optional rest."""
    return PartyDetails(
        contact_name=contact, phone=phone, school=School.objects.get(name=school_name), **fields
    )


def _family(contact: str, phone: str, visitors: int, notes: str = "") -> PartyDetails:
    return PartyDetails(contact_name=contact, phone=phone, visitors=visitors, notes=notes)


def _past_visits(city: Venue, people: dict, now: datetime) -> None:
    """The last open day's first slot: 西湖中学 came and was checked in at the door; 孙先生's
    family never came and is a no-show."""
    slot = _last_open_slot(city, now)
    booked_at = slot.starts_at - timedelta(days=6)
    chen = people[CHEN]
    visit = _book(
        slot,
        chen,
        _group(CHEN.school, "陈老师", PHONES[CHEN], grade=7, students=44, teachers=3),
        booked_at,
    )
    _book(slot, people[NEIGHBOUR], _family("孙先生", PHONES[NEIGHBOUR], 4), booked_at, Pool.PUBLIC)
    check_in(visit, arrived=45, by=people[STAFF], now=slot.starts_at - timedelta(minutes=10))
    mark_no_shows(now)


def _last_open_slot(venue: Venue, now: datetime) -> Slot:
    today = timezone.localdate(now)
    for back in range(1, PAST_DAYS + 1):
        day = today - timedelta(days=back)
        generate_slots(venue, day, day)
        slots = Slot.objects.filter(venue=venue, day=day, closed=False).select_related("venue")
        slot = slots.order_by("starts_at").first()
        if slot is not None:
            return slot
    raise LookupError(f"{venue} held no slot in the past {PAST_DAYS} days.")


def _coming_visits(result: DemoVisits, city: Venue, district: Venue, people: dict, now) -> None:
    """Groups and families booked at the city base, its fullest slot with a school waiting,
    and a group waiting for approval at the district base."""
    first, second, full = (_open_slot(city, now, days) for days in (3, 4, 6))
    zhang, chen, zhao = people[ZHANG], people[CHEN], people[TEACHER]
    school_class = SchoolClass.objects.get(school__name=ZHANG.school, grade=5, name="1班")
    quiz = QuizPage.objects.live().filter(audience=QuizPage.Audience.STUDENTS).first()
    _book(
        first,
        zhang,
        _group(
            ZHANG.school,
            "张老师",
            PHONES[ZHANG],
            grade=5,
            students=40,
            teachers=2,
            school_class=school_class,
            pre_quiz=quiz,
            post_quiz=quiz,
            notes="五年级1班，参观后同一份答题再做一次，对比参观前后的成绩。",
        ),
        now,
    )
    _book(
        first,
        people[VISITOR],
        _family("李女士", PHONES[VISITOR], 3, "带两个孩子"),
        now,
        Pool.PUBLIC,
    )
    _book(
        second,
        chen,
        _group(CHEN.school, "陈老师", PHONES[CHEN], grade=7, students=45, teachers=3),
        now,
    )
    _book(second, people[NEIGHBOUR], _family("孙先生", PHONES[NEIGHBOUR], 2), now, Pool.PUBLIC)
    _book(
        full,
        zhang,
        _group(ZHANG.school, "刘老师", "13805710011", grade=6, students=57, teachers=3),
        now,
    )
    _book(
        full,
        chen,
        _group(CHEN.school, "黄老师", "13805710012", grade=8, students=57, teachers=3),
        now,
    )
    join_waitlist(
        full,
        pool=Pool.GROUP,
        party=_group(TEACHER.school, "赵老师", PHONES[TEACHER], grade=10, students=40, teachers=2),
        by=zhao,
        now=now,
    )
    result.count(_("候补"))
    _book(
        _open_slot(district, now, 8),
        zhao,
        _group(
            TEACHER.school,
            "赵老师",
            PHONES[TEACHER],
            grade=11,
            students=38,
            teachers=2,
            notes="希望观看禁毒情景剧。",
        ),
        now,
    )


def _open_slot(venue: Venue, now: datetime, days: int) -> Slot:
    """The venue's first slot open for booking at least ``days`` days from now (a group
    waiting for approval keeps its places for the whole review period)."""
    coming = Slot.objects.filter(
        venue=venue, closed=False, starts_at__gte=now + timedelta(days=days)
    ).select_related("venue")
    return next(slot for slot in coming if windows.booking_state(slot, now) == windows.OPEN)


# --- talks at schools ---------------------------------------------------------------------


def _talks(result: DemoVisits, people: dict, now: datetime) -> None:
    """东城区实验小学's talk, scheduled with 王警官; 西湖中学's, waiting for a lecturer."""
    today = timezone.localdate(now)
    soon, later = _weekday_after(today, 12), _weekday_after(today, 20)
    talks = (
        (ZHANG, "珍爱生命 远离毒品", "五、六年级学生", 330, (soon, _weekday_after(soon, 7)), ""),
        (
            CHEN,
            "识别伪装成零食的新型毒品",
            "七、八年级全体学生",
            520,
            (later, _weekday_after(later, 1), _weekday_after(later, 7)),
            "学校礼堂可容纳 600 人，有投影和音响。",
        ),
    )
    scheduled, _waiting = (
        request_talk(
            school=School.objects.get(name=person.school),
            by=people[person],
            topic=topic,
            audience=audience,
            audience_size=size,
            **dict(zip(("first_choice", "second_choice", "third_choice"), days, strict=False)),
            contact_phone=PHONES[person],
            notes=notes,
            now=now,
        )
        for person, topic, audience, size, days, notes in talks
    )
    assign_lecturer(
        scheduled,
        lecturer=Lecturer.objects.get(user=people[LECTURER]),
        starts_at=timezone.make_aware(datetime.combine(scheduled.first_choice, time(14, 30))),
        duration_minutes=45,
        place="学校报告厅",
        by=people[MANAGER],
        now=now,
    )
    result.count(_("送教进校园申请"), len(talks))


def _weekday_after(start: date, days: int) -> date:
    """The first Tuesday to Thursday at least ``days`` days after ``start``."""
    day = start + timedelta(days=days)
    while day.weekday() not in (Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY):
        day += timedelta(days=1)
    return day
