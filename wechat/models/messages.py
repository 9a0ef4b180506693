import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_MAX = 150


def stored_key(key: str) -> str:
    """An idempotency key as stored: a key longer than the column is stored as its hash."""
    if len(key) <= KEY_MAX:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


class Channel(models.TextChoices):
    TEMPLATE = "template", _("模板消息")
    SUBSCRIBE = "subscribe", _("订阅通知")
    CUSTOM = "custom", _("客服消息")
    MASS = "mass", _("群发")
    EMAIL = "email", _("邮件")


class Message(models.Model):
    """One outgoing message: written in the transaction of the event that causes it, sent
    later by the delivery task. The idempotency key makes a repeated event one message."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENT = "sent", _("已发送")
        HELD = "held", _("已暂停")
        FAILED = "failed", _("失败")
        EXPIRED = "expired", _("已过期")
        CANCELLED = "cancelled", _("已取消")

    kind = models.CharField(_("类型"), max_length=50)
    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    follower = models.ForeignKey(
        "wechat.Follower",
        verbose_name=_("关注者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wechat_messages",
    )
    email = models.EmailField(_("邮箱"), blank=True)
    broadcast = models.ForeignKey(
        "wechat.Broadcast",
        verbose_name=_("群发"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    payload = models.JSONField(_("内容"), default=dict)
    idempotency_key = models.CharField(_("幂等键"), max_length=KEY_MAX, unique=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次尝试"))
    lease_until = models.DateTimeField(_("占用至"), null=True, blank=True)
    not_after = models.DateTimeField(_("最晚发送"), null=True, blank=True)
    wechat_msgid = models.CharField(_("微信消息ID"), max_length=64, blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    # Operational rows, many per event: kept out of Wagtail's reference index, which would
    # otherwise queue an index update for every message written.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="wechat_message_due",
            ),
            models.Index(fields=["status", "created_at"], name="wechat_message_status"),
        ]

    def __str__(self):
        return self.idempotency_key


class ChannelPause(models.Model):
    """A channel (or one message kind on it) that must not be used until a time, or until
    staff resume it: daily quota reached, rate limited, or misconfigured."""

    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("消息类型"), max_length=50, blank=True)
    paused_until = models.DateTimeField(_("暂停至"), null=True, blank=True)
    error_code = models.IntegerField(_("错误码"), null=True, blank=True)
    reason = models.TextField(_("原因"), blank=True)
    created_at = models.DateTimeField(_("开始时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("渠道暂停")
        verbose_name_plural = _("渠道暂停")
        constraints = [
            models.UniqueConstraint(fields=["channel", "kind"], name="wechat_channel_pause_unique")
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.kind}".strip()
