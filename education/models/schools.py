"""Districts, schools, classes and the student roster, and who may look after them.

Minors' data is kept minimal (PIPL): a student is a number within the school, a name and a
class. No ID-card number, no phone number, no birthday.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Class codes are typed by children from a blackboard: no 0/O, 1/I/L.
CLASS_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CLASS_CODE_LENGTH = 6


def new_join_token() -> str:
    return secrets.token_urlsafe(12)


def readable_code(length: int) -> str:
    """A random code people read out or copy by hand, of the unambiguous characters."""
    return "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(length))


def new_class_code() -> str:
    return readable_code(CLASS_CODE_LENGTH)


class GradeBand(models.TextChoices):
    """The age groups questions are written for."""

    PRIMARY = "primary", _("小学")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中/中职")
    UNIVERSITY = "university", _("大学")


class Grade(models.IntegerChoices):
    G1 = 1, _("一年级")
    G2 = 2, _("二年级")
    G3 = 3, _("三年级")
    G4 = 4, _("四年级")
    G5 = 5, _("五年级")
    G6 = 6, _("六年级")
    G7 = 7, _("七年级")
    G8 = 8, _("八年级")
    G9 = 9, _("九年级")
    G10 = 10, _("高一")
    G11 = 11, _("高二")
    G12 = 12, _("高三")
    U1 = 13, _("大一")
    U2 = 14, _("大二")
    U3 = 15, _("大三")
    U4 = 16, _("大四")

    @classmethod
    def band(cls, grade: int) -> str:
        if grade <= 6:
            return GradeBand.PRIMARY
        if grade <= 9:
            return GradeBand.JUNIOR
        if grade <= 12:
            return GradeBand.SENIOR
        return GradeBand.UNIVERSITY


class District(models.Model):
    """A district (区/县) of the city, with its own 禁毒办."""

    name = models.CharField(_("名称"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("区县")
        verbose_name_plural = _("区县")

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    """A school of the city. ``roster_size`` counts its active students and ``off_roster``
    its inactive ones, both kept by the roster services; a school without a roster is
    measured against its declared enrolment."""

    class Level(models.TextChoices):
        PRIMARY = "primary", _("小学")
        JUNIOR = "junior", _("初中")
        SENIOR = "senior", _("高中")
        VOCATIONAL = "vocational", _("中职")
        UNIVERSITY = "university", _("高校")

    name = models.CharField(_("校名"), max_length=80)
    district = models.ForeignKey(
        District, verbose_name=_("所属区县"), on_delete=models.PROTECT, related_name="schools"
    )
    level = models.CharField(_("学段"), max_length=16, choices=Level.choices)
    declared_enrolment = models.PositiveIntegerField(
        _("申报在校生数"),
        default=0,
        help_text=_("尚未导入花名册时，知晓率以此人数为分母。"),
    )
    roster_size = models.PositiveIntegerField(_("花名册人数"), default=0, editable=False)
    # Taking students off the roster shrinks the rate's denominator: shown next to the rate.
    off_roster = models.PositiveIntegerField(_("已离册人数"), default=0, editable=False)
    join_token = models.CharField(
        _("加入链接令牌"), max_length=32, unique=True, default=new_join_token, editable=False
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["district__sort_order", "name"]
        verbose_name = _("学校")
        verbose_name_plural = _("学校")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="school_name_per_district")
        ]
        permissions = [("view_city_rates", _("查看全市知晓率与学校数据"))]

    def __str__(self) -> str:
        return self.name

    @property
    def uses_declared_enrolment(self) -> bool:
        return self.roster_size == 0

    @property
    def enrolment(self) -> int:
        """The denominator of the school's rates."""
        return self.roster_size or self.declared_enrolment


class SchoolClass(models.Model):
    """A class (班级): grade + name, with the code students type to join."""

    school = models.ForeignKey(
        School, verbose_name=_("学校"), on_delete=models.CASCADE, related_name="classes"
    )
    grade = models.PositiveSmallIntegerField(_("年级"), choices=Grade.choices)
    name = models.CharField(_("班级"), max_length=20, help_text=_("如“1班”。"))
    code = models.CharField(
        _("班级码"), max_length=12, unique=True, default=new_class_code, editable=False
    )
    roster_size = models.PositiveIntegerField(_("花名册人数"), default=0, editable=False)

    class Meta:
        ordering = ["grade", "name"]
        verbose_name = _("班级")
        verbose_name_plural = _("班级")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "grade", "name"], name="class_name_per_school_grade"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_grade_display()}{self.name}"

    @property
    def grade_band(self) -> str:
        return Grade.band(self.grade)


class Student(models.Model):
    """One line of a school's roster."""

    school = models.ForeignKey(
        School, verbose_name=_("学校"), on_delete=models.CASCADE, related_name="students"
    )
    school_class = models.ForeignKey(
        SchoolClass, verbose_name=_("班级"), on_delete=models.PROTECT, related_name="students"
    )
    number = models.CharField(_("学号"), max_length=32)
    name = models.CharField(_("姓名"), max_length=40)
    active = models.BooleanField(_("在册"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["school_class__grade", "school_class__name", "number"]
        verbose_name = _("学生")
        verbose_name_plural = _("学生")
        constraints = [
            models.UniqueConstraint(fields=["school", "number"], name="student_number_per_school")
        ]
        indexes = [models.Index(fields=["school_class", "active"], name="student_class_active")]

    def __str__(self) -> str:
        return f"{self.name}（{self.number}）"


class Coordinator(models.Model):
    """A teacher who looks after a school's roster, rate and bookings, once approved by an
    officer of the school's district or a city admin."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        APPROVED = "approved", _("已批准")
        REJECTED = "rejected", _("未通过")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="coordinator_roles",
    )
    school = models.ForeignKey(
        School, verbose_name=_("学校"), on_delete=models.CASCADE, related_name="coordinators"
    )
    title = models.CharField(_("职务"), max_length=40, blank=True, help_text=_("如“德育处主任”。"))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("学校联络员")
        verbose_name_plural = _("学校联络员")
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_role_per_user_school")
        ]

    def __str__(self) -> str:
        return f"{self.school} · {self.user}"


class DistrictOfficer(models.Model):
    """A user of a district's 禁毒办 who watches the district's schools."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="district_roles",
    )
    district = models.ForeignKey(
        District, verbose_name=_("区县"), on_delete=models.CASCADE, related_name="officers"
    )

    class Meta:
        verbose_name = _("区禁毒办人员")
        verbose_name_plural = _("区禁毒办人员")
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="one_role_per_user_district")
        ]

    def __str__(self) -> str:
        return f"{self.district} · {self.user}"
