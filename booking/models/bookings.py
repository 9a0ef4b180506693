"""Bookings, the waiting list and suspensions. Only the booking services write them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.models.slots import Pool, Slot
from education.models import Grade, QuizPage, School, SchoolClass
from education.models.schools import readable_code

CODE_LENGTH = 8


def new_booking_code() -> str:
    """Read out at the door or typed from a message: the class codes' characters."""
    return readable_code(CODE_LENGTH)


def new_offer_token() -> str:
    return secrets.token_urlsafe(24)


class Party(models.Model):
    """Who comes and how many: shared by a booking and a waiting-list entry. A school group
    counts students and teachers; a public party counts visitors."""

    pool = models.CharField(_("类别"), max_length=8, choices=Pool.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("预约账号"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    school = models.ForeignKey(
        School,
        verbose_name=_("学校"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    grade = models.PositiveSmallIntegerField(
        _("年级"), choices=Grade.choices, null=True, blank=True
    )
    contact_name = models.CharField(_("联系人"), max_length=40)
    phone = models.CharField(_("联系电话"), max_length=20)
    students = models.PositiveSmallIntegerField(_("学生人数"), default=0)
    teachers = models.PositiveSmallIntegerField(_("教师人数"), default=0)
    visitors = models.PositiveSmallIntegerField(_("参观人数"), default=0)
    headcount = models.PositiveIntegerField(_("总人数"), default=0)
    notes = models.TextField(_("备注"), blank=True, max_length=500)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.headcount = self.students + self.teachers + self.visitors
        super().save(*args, **kwargs)


class Booking(Party):
    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        CONFIRMED = "confirmed", _("已确认")
        REFUSED = "refused", _("未通过")
        LAPSED = "lapsed", _("审核超时")
        CANCELLED = "cancelled", _("已取消")
        ATTENDED = "attended", _("已签到")
        NO_SHOW = "no_show", _("爽约")

    code = models.CharField(
        _("预约码"), max_length=CODE_LENGTH, unique=True, default=new_booking_code, editable=False
    )
    slot = models.ForeignKey(
        Slot, verbose_name=_("场次"), on_delete=models.PROTECT, related_name="bookings"
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices)
    idempotency_key = models.CharField(max_length=80, unique=True, editable=False)
    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("班级"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("填写后，可对比该班参观前后的答题成绩。"),
    )
    pre_quiz = models.ForeignKey(
        QuizPage,
        verbose_name=_("参观前答题"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post_quiz = models.ForeignKey(
        QuizPage,
        verbose_name=_("参观后答题"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hold_until = models.DateTimeField(_("名额保留至"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    refusal_reason = models.CharField(_("未通过原因"), max_length=120, blank=True)
    guide = models.CharField(_("讲解员"), max_length=40, blank=True)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("取消人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancel_reason = models.CharField(_("取消原因"), max_length=120, blank=True)
    arrived = models.PositiveSmallIntegerField(_("实到人数"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签到人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partial_show = models.BooleanField(_("部分爽约"), default=False)
    reminded_at = models.DateTimeField(_("提醒时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("预约")
        verbose_name_plural = _("预约")
        permissions = [("check_in_booking", _("在入口为预约签到"))]
        indexes = [
            models.Index(fields=["slot", "status"]),
            models.Index(fields=["school", "status"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.who}"

    @property
    def who(self) -> str:
        return self.school.name if self.school_id else self.contact_name

    @property
    def is_group(self) -> bool:
        return self.pool == Pool.GROUP

    @property
    def counts_as_no_show(self) -> bool:
        return self.status == self.Status.NO_SHOW or self.partial_show


def holding(now) -> Q:
    """Bookings that hold places at ``now``: confirmed or checked in, or pending inside their
    review deadline."""
    status = Booking.Status
    return Q(status__in=(status.CONFIRMED, status.ATTENDED)) | Q(
        status=status.PENDING, hold_until__gt=now
    )


class WaitlistEntry(Party):
    """A party waiting for places in a full slot, served in the order it joined."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("候补中")
        OFFERED = "offered", _("已通知")
        ACCEPTED = "accepted", _("已接受")
        DECLINED = "declined", _("已放弃")
        EXPIRED = "expired", _("已过期")
        WITHDRAWN = "withdrawn", _("已撤销")

    slot = models.ForeignKey(
        Slot, verbose_name=_("场次"), on_delete=models.CASCADE, related_name="waitlist"
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    token = models.CharField(max_length=40, unique=True, default=new_offer_token, editable=False)
    offered_at = models.DateTimeField(_("通知时间"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("确认期限"), null=True, blank=True)
    booking = models.OneToOneField(
        Booking,
        verbose_name=_("预约"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="waitlist_entry",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("候补")
        verbose_name_plural = _("候补")
        indexes = [models.Index(fields=["slot", "status"])]

    def __str__(self) -> str:
        return f"{self.slot} {self.school or self.contact_name} ({self.headcount})"


def offer_holding(now) -> Q:
    """Waiting-list offers that hold places at ``now``."""
    return Q(status=WaitlistEntry.Status.OFFERED, offer_expires_at__gt=now)


class Suspension(models.Model):
    """A booker (a school, or a person for public bookings) may not book until ``ends_at``,
    after repeated no-shows or by staff decision; staff can lift it early."""

    school = models.ForeignKey(
        School,
        verbose_name=_("学校"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("个人账号"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    reason = models.CharField(_("原因"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("空表示系统按爽约规则自动暂停。"),
    )
    lifted_at = models.DateTimeField(_("解除时间"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("解除人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("暂停预约")
        verbose_name_plural = _("暂停预约")
        constraints = [
            models.CheckConstraint(
                condition=Q(school__isnull=False, user__isnull=True)
                | Q(school__isnull=True, user__isnull=False),
                name="suspension_one_booker",
            )
        ]

    def __str__(self) -> str:
        return f"{self.school or self.user} {self.starts_at:%Y-%m-%d}–{self.ends_at:%Y-%m-%d}"


def suspension_active(now) -> Q:
    return Q(lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now)
