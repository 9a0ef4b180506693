"""Demo schools of 江州市: six districts, thirty schools of every level with classes and
rosters of plausible names, the 2026–2027学年 period, and the people who look after them (a
city admin, an officer of 东城区, two coordinators and a teacher whose request waits).

Idempotent: districts, schools, the period and the demo users are found by name; a school
that exists keeps its classes and roster as they are. Names are drawn from a fixed seed, so
every machine builds the same city.
"""

import datetime
import os
import random
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from education import roles
from education.models import (
    Coordinator,
    District,
    DistrictOfficer,
    Period,
    School,
    SchoolClass,
    Student,
)

Level = School.Level

DEFAULT_PASSWORD = "jindu-schools-2026"
CITY_GROUP = "市禁毒办"
PERIOD = ("2026–2027学年", datetime.date(2026, 9, 1), datetime.date(2027, 8, 31))
# Roster numbers: entry year, grade, class, seat — 2026070101 is seat 1 of 七年级1班.
ROSTER_YEAR = 2026

DISTRICTS = ["东城区", "西湖区", "江北区", "高新区", "南山区", "北岸县"]

GRADES = {
    Level.PRIMARY: range(1, 7),
    Level.JUNIOR: range(7, 10),
    Level.SENIOR: range(10, 13),
    Level.VOCATIONAL: range(10, 13),
    Level.UNIVERSITY: range(13, 17),
}


@dataclass(frozen=True)
class SchoolSpec:
    name: str
    district: str
    level: str
    classes_per_grade: int  # 0: no roster yet, measured against its declared enrolment
    class_size: int
    declared: int = 0


SCHOOLS = [
    SchoolSpec("东城区实验小学", "东城区", Level.PRIMARY, 2, 42),
    SchoolSpec("东城区第二小学", "东城区", Level.PRIMARY, 2, 38),
    SchoolSpec("东城中学", "东城区", Level.JUNIOR, 2, 45),
    SchoolSpec("市第一高级中学", "东城区", Level.SENIOR, 2, 48),
    SchoolSpec("城市职业技术学院", "东城区", Level.UNIVERSITY, 1, 50),
    SchoolSpec("西湖小学", "西湖区", Level.PRIMARY, 2, 40),
    SchoolSpec("西湖区育才小学", "西湖区", Level.PRIMARY, 1, 36),
    SchoolSpec("西湖中学", "西湖区", Level.JUNIOR, 2, 46),
    SchoolSpec("西湖区外国语学校", "西湖区", Level.JUNIOR, 2, 40),
    SchoolSpec("市第二高级中学", "西湖区", Level.SENIOR, 2, 47),
    SchoolSpec("江北区中心小学", "江北区", Level.PRIMARY, 2, 41),
    SchoolSpec("江北区光明小学", "江北区", Level.PRIMARY, 1, 35),
    SchoolSpec("江北区实验初级中学", "江北区", Level.JUNIOR, 2, 44),
    SchoolSpec("江北中学", "江北区", Level.SENIOR, 2, 46),
    SchoolSpec("江北职业技术学校", "江北区", Level.VOCATIONAL, 2, 40),
    SchoolSpec("高新区第一小学", "高新区", Level.PRIMARY, 2, 43),
    SchoolSpec("高新区实验学校", "高新区", Level.JUNIOR, 2, 42),
    SchoolSpec("高新区第一中学", "高新区", Level.SENIOR, 1, 45),
    SchoolSpec("江州理工学院", "高新区", Level.UNIVERSITY, 0, 0, declared=8600),
    SchoolSpec("南山小学", "南山区", Level.PRIMARY, 2, 39),
    SchoolSpec("南山区向阳小学", "南山区", Level.PRIMARY, 1, 37),
    SchoolSpec("南山中学", "南山区", Level.JUNIOR, 2, 45),
    SchoolSpec("市第三高级中学", "南山区", Level.SENIOR, 2, 48),
    SchoolSpec("南山区职业高级中学", "南山区", Level.VOCATIONAL, 0, 0, declared=1450),
    SchoolSpec("北岸县城关小学", "北岸县", Level.PRIMARY, 0, 0, declared=620),
    SchoolSpec("北岸县实验小学", "北岸县", Level.PRIMARY, 1, 40),
    SchoolSpec("北岸县第一初级中学", "北岸县", Level.JUNIOR, 1, 48),
    SchoolSpec("北岸县第一中学", "北岸县", Level.SENIOR, 1, 50),
    SchoolSpec("北岸县职业教育中心", "北岸县", Level.VOCATIONAL, 1, 38),
    SchoolSpec("北岸县乡镇中心小学", "北岸县", Level.PRIMARY, 1, 30),
]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
GIVEN_NAMES = (
    "子涵 欣怡 梓涵 浩然 宇轩 一诺 雨泽 思远 子墨 梓萱 俊杰 诗涵 嘉怡 浩宇 语桐 明轩 若曦 "
    "佳琪 泽宇 晨曦 文博 雨萱 天佑 思彤 博文 可馨 子轩 欣然 梓豪 心怡 宇航 佳怡 皓轩 雅琪 "
    "俊熙 沐辰 梦瑶 昊然 诗琪 奕辰 安琪 晟睿 语嫣 家豪 静怡 一鸣 紫涵 子豪 芷若 铭 轩 "
    "婷 杰 阳 琳 磊 悦 浩 丹 凯 欣 涛 颖 鹏 瑶 强 倩 斌 敏 伟 娜 超 洁 勇"
).split()


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str
    school: str = ""  # a teacher's school, with their title there
    title: str = ""
    staff: bool = False  # signs in to the Wagtail admin


CITY_ADMIN = DemoUser("city@demo.jindu", "市禁毒办王科长", "市禁毒办管理员", staff=True)
OFFICER = DemoUser("officer.dongcheng@demo.jindu", "东城区禁毒办李主任", "东城区禁毒办")
COORDINATORS = [
    DemoUser(
        "zhang.laoshi@demo.jindu", "张老师", "东城区实验小学联络员", "东城区实验小学", "德育处主任"
    ),
    DemoUser("chen.laoshi@demo.jindu", "陈老师", "西湖中学联络员", "西湖中学", "政教处主任"),
]
PENDING_TEACHER = DemoUser(
    "liu.laoshi@demo.jindu", "刘老师", "东城中学（申请待审核）", "东城中学", "七年级年级组长"
)


def demo_password() -> str:
    return os.environ.get("DEMO_SCHOOLS_PASSWORD") or DEFAULT_PASSWORD


@dataclass
class DemoSchools:
    """What a run created (zero everywhere on a second run) and the demo logins."""

    created: dict[str, int] = field(default_factory=dict)
    logins: list[DemoUser] = field(default_factory=list)

    def count(self, label: str, number: int = 1) -> None:
        if number:
            self.created[label] = self.created.get(label, 0) + number

    def report(self) -> list[str]:
        """Lines for the operator: what was created, and how to sign in."""
        if self.created:
            summary = "，".join(f"{label} {count}" for label, count in self.created.items())
            lines = [_("学校演示数据已新建：%(summary)s。") % {"summary": summary}]
        else:
            lines = [_("学校演示数据已存在，未做任何修改。")]
        lines += [
            _("%(role)s：%(email)s") % {"role": person.role, "email": person.email}
            for person in self.logins
        ]
        lines.append(_("以上演示账号的密码：%(password)s") % {"password": demo_password()})
        return lines


@transaction.atomic
def load_demo_schools() -> DemoSchools:
    result = DemoSchools()
    names = random.Random(2026)  # noqa: S311  (demo data, the same on every machine)
    districts = {
        name: _get_or_create(result, _("区县"), District, name=name, defaults={"sort_order": order})
        for order, name in enumerate(DISTRICTS, start=1)
    }
    schools = {
        spec.name: _school(result, spec, districts[spec.district], names) for spec in SCHOOLS
    }
    name, starts, ends = PERIOD
    _get_or_create(
        result, _("统计周期"), Period, name=name, defaults={"starts_on": starts, "ends_on": ends}
    )
    _people(result, districts, schools)
    return result


def _get_or_create(result: DemoSchools, label: str, model, defaults=None, **lookup):
    instance, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
    result.count(label, int(created))
    return instance


def _school(result: DemoSchools, spec: SchoolSpec, district: District, names: random.Random):
    school = School.objects.filter(district=district, name=spec.name).first()
    if school is not None:
        return school
    school = School.objects.create(
        name=spec.name, district=district, level=spec.level, declared_enrolment=spec.declared
    )
    result.count(_("学校"))
    if spec.classes_per_grade:
        _roster(result, school, spec, names)
    return school


def _roster(result: DemoSchools, school: School, spec: SchoolSpec, names: random.Random) -> None:
    classes = SchoolClass.objects.bulk_create(
        SchoolClass(school=school, grade=grade, name=f"{number}班", roster_size=spec.class_size)
        for grade in GRADES[spec.level]
        for number in range(1, spec.classes_per_grade + 1)
    )
    students = []
    for school_class in classes:
        number = int(school_class.name.removesuffix("班"))
        prefix = f"{ROSTER_YEAR}{school_class.grade:02d}{number:02d}"
        students += [
            Student(
                school=school,
                school_class=school_class,
                number=f"{prefix}{seat:02d}",
                name=names.choice(SURNAMES) + names.choice(GIVEN_NAMES),
            )
            for seat in range(1, spec.class_size + 1)
        ]
    Student.objects.bulk_create(students, batch_size=2000)
    school.roster_size = len(students)
    # Statistics reported before the roster came in: close to it, rarely equal.
    school.declared_enrolment = len(students) + names.randint(-8, 12)
    school.save(update_fields=["roster_size", "declared_enrolment"])
    result.count(_("班级"), len(classes))
    result.count(_("学生"), len(students))


def _people(result: DemoSchools, districts: dict, schools: dict) -> None:
    result.logins = [CITY_ADMIN, OFFICER, *COORDINATORS, PENDING_TEACHER]
    # One hash for every demo account: computing one takes most of a second.
    password = make_password(demo_password())
    users = {person: demo_user(result, person, password) for person in result.logins}

    city = users[CITY_ADMIN]
    group, _created = Group.objects.get_or_create(name=CITY_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="education", codename="view_city_rates"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    city.groups.add(group)

    officer = users[OFFICER]
    _get_or_create(
        result, _("区县人员"), DistrictOfficer, user=officer, district=districts["东城区"]
    )

    # Through the same steps as on the site, so the demo has the messages they send too.
    for person in COORDINATORS:
        role = _request(result, users[person], person, schools[person.school])
        if role is not None:
            decider = officer if role.school.district == districts["东城区"] else city
            roles.decide(role, decider, "approve")
    _request(result, users[PENDING_TEACHER], PENDING_TEACHER, schools[PENDING_TEACHER.school])


def demo_user(result: DemoSchools, person: DemoUser, password: str):
    user_model = get_user_model()
    username = person.email.split("@")[0]
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        return user
    user = user_model.objects.create(
        username=username,
        email=person.email,
        first_name=person.name,
        is_staff=person.staff,
        password=password,
    )
    EmailAddress.objects.create(user=user, email=person.email, verified=True, primary=True)
    result.count(_("演示账号"))
    return user


def _request(result: DemoSchools, user, person: DemoUser, school: School) -> Coordinator | None:
    """The teacher's request for their school, unless they made one before."""
    if Coordinator.objects.filter(user=user, school=school).exists():
        return None
    result.count(_("学校联络员"))
    return roles.request_role(user, school, person.title)
