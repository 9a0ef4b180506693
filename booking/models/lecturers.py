"""Lecturers sent to schools (送教进校园) and the schools' requests for a talk."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from education.models import School


class Lecturer(models.Model):
    """A lecturer (a police officer, a lawyer, a doctor, a volunteer); notified through the
    linked account."""

    name = models.CharField(_("姓名"), max_length=40)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("平台账号"),
        on_delete=models.PROTECT,
        related_name="lecturer",
        help_text=_("讲师通过此账号接收安排通知并提交活动报告。"),
    )
    organisation = models.CharField(_("单位"), max_length=60, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20)
    topics = models.CharField(_("擅长主题"), max_length=200, blank=True)
    active = models.BooleanField(_("可安排"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("讲师")
        verbose_name_plural = _("讲师")

    def __str__(self) -> str:
        return self.name


class LecturerRequest(ClusterableModel):
    """A school's request for a talk at the school, its assignment and its report."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("待安排")
        SCHEDULED = "scheduled", _("已安排")
        DONE = "done", _("已完成")
        DECLINED = "declined", _("无法安排")
        CANCELLED = "cancelled", _("已取消")

    school = models.ForeignKey(
        School, verbose_name=_("学校"), on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("讲座主题"), max_length=60)
    audience = models.CharField(_("听众"), max_length=60, help_text=_("如“七年级全体学生”。"))
    audience_size = models.PositiveIntegerField(_("听众人数"))
    first_choice = models.DateField(_("首选日期"))
    second_choice = models.DateField(_("备选日期一"), null=True, blank=True)
    third_choice = models.DateField(_("备选日期二"), null=True, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20)
    notes = models.TextField(_("备注"), blank=True, max_length=500)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    lecturer = models.ForeignKey(
        Lecturer,
        verbose_name=_("讲师"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="talks",
    )
    starts_at = models.DateTimeField(_("讲座时间"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("时长（分钟）"), default=45)
    place = models.CharField(_("地点"), max_length=60, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("安排人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("安排时间"), null=True, blank=True)
    decline_reason = models.CharField(_("无法安排原因"), max_length=120, blank=True)

    attendance = models.PositiveIntegerField(_("实际听众人数"), null=True, blank=True)
    report = models.TextField(_("活动报告"), blank=True, max_length=2000)
    reported_at = models.DateTimeField(_("报告时间"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报告人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("送教进校园申请")
        verbose_name_plural = _("送教进校园申请")
        indexes = [models.Index(fields=["lecturer", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.school} {self.topic}"


class LecturerReportPhoto(Orderable):
    request = ParentalKey(LecturerRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("说明"), max_length=80, blank=True)
