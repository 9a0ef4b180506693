from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowerTag(models.Model):
    """A group of followers a broadcast can address: a district, a role, or any other."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("区县")
        ROLE = "role", _("角色")
        OTHER = "other", _("其他")

    name = models.CharField(_("名称"), max_length=30, unique=True)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("关注者标签")
        verbose_name_plural = _("关注者标签")

    def __str__(self):
        return self.name


class Follower(models.Model):
    """A WeChat user who followed the Official Account, bound to a site account when known."""

    openid = models.CharField(_("OpenID"), max_length=64, unique=True)
    unionid = models.CharField(_("UnionID"), max_length=64, blank=True)
    subscribed = models.BooleanField(_("关注中"), default=False)
    subscribed_at = models.DateTimeField(_("关注时间"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("取消关注时间"), null=True, blank=True)
    last_interaction_at = models.DateTimeField(_("最近互动"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("绑定账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wechat_follower",
    )
    bound_at = models.DateTimeField(_("绑定时间"), null=True, blank=True)
    tags = models.ManyToManyField(
        FollowerTag, verbose_name=_("标签"), blank=True, related_name="followers"
    )
    # 订阅通知 consent by template ID: "accept" or "reject", as the callback last heard it.
    subscriptions = models.JSONField(_("订阅通知授权"), default=dict, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("关注者")
        verbose_name_plural = _("关注者")

    def __str__(self):
        return self.openid


class BindingCode(models.Model):
    """A one-time code behind the QR code a logged-in user scans to bind their WeChat."""

    code = models.CharField(max_length=40, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wechat_binding_codes"
    )
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    qr_url = models.URLField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("微信绑定码")
        verbose_name_plural = _("微信绑定码")

    def __str__(self):
        return self.code
