from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Broadcast(models.Model):
    """A campaign alert sent to all followers or to those with some tags, in batches of
    OpenIDs through WeChat's mass send; followers who reached the monthly cap are left out."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SENDING = "sending", _("发送中")
        DONE = "done", _("已完成")
        CANCELLED = "cancelled", _("已取消")

    title = models.CharField(_("标题"), max_length=100)
    text = models.TextField(_("内容"), max_length=600)
    to_all = models.BooleanField(_("全部关注者"), default=False)
    tags = models.ManyToManyField(
        "wechat.FollowerTag", verbose_name=_("标签"), blank=True, related_name="broadcasts"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("相关页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    recipients = models.PositiveIntegerField(_("收件人数"), default=0)
    capped = models.PositiveIntegerField(_("因月度上限跳过"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始发送"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("群发提醒")
        verbose_name_plural = _("群发提醒")

    def __str__(self):
        return self.title


class BroadcastRecipient(models.Model):
    """A follower a broadcast was queued for, counted against WeChat's cap of four mass
    messages per follower and calendar month. Rows of batches that were cancelled or failed
    do not count: those followers did not receive the message."""

    broadcast = models.ForeignKey(
        Broadcast,
        verbose_name=_("群发提醒"),
        on_delete=models.CASCADE,
        related_name="recipient_rows",
    )
    follower = models.ForeignKey(
        "wechat.Follower",
        verbose_name=_("关注者"),
        on_delete=models.CASCADE,
        related_name="broadcast_receipts",
    )
    message = models.ForeignKey(
        "wechat.Message",
        verbose_name=_("批次消息"),
        on_delete=models.CASCADE,
        related_name="recipient_rows",
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    class Meta:
        verbose_name = _("群发收件人")
        verbose_name_plural = _("群发收件人")
        constraints = [
            models.UniqueConstraint(
                fields=["broadcast", "follower"], name="wechat_broadcast_recipient_unique"
            )
        ]
        indexes = [
            models.Index(fields=["follower", "created_at"], name="wechat_recipient_month"),
        ]

    def __str__(self):
        return f"{self.broadcast_id} → {self.follower_id}"
