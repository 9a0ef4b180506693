"""An uploaded roster kept between its preview and its commit, and afterwards as the record
of who changed the roster, when and how."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RosterImport(models.Model):
    """One upload of a school's roster. ``rows`` holds the file's student rows as read;
    ``report`` the review made at upload, replaced by the one the commit applied."""

    school = models.ForeignKey(
        "education.School",
        verbose_name=_("学校"),
        on_delete=models.CASCADE,
        related_name="roster_imports",
    )
    file_name = models.CharField(_("文件名"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    deactivate_missing = models.BooleanField(_("停用名册外的学生"), default=False)
    rows = models.JSONField(_("名册行"), default=list)
    report = models.JSONField(_("检查结果"), default=dict)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    committed_at = models.DateTimeField(_("导入时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("名册导入")
        verbose_name_plural = _("名册导入")

    def __str__(self) -> str:
        return f"{self.school_id} · {self.file_name}"

    @property
    def is_committed(self) -> bool:
        return self.committed_at is not None
