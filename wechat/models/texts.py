from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageText(models.Model):
    """The editable wording of one message kind: WeChat template fields and the email
    fallback. Kinds and their default texts are declared in code (wechat/kinds.py)."""

    kind = models.CharField(_("消息类型"), max_length=50, unique=True)
    template_id = models.CharField(
        _("模板消息ID"),
        max_length=64,
        blank=True,
        help_text=_("公众号后台“模板消息”中该模板的ID。"),
    )
    subscribe_template_id = models.CharField(
        _("订阅通知模板ID"),
        max_length=64,
        blank=True,
        help_text=_("公众号后台“订阅通知”中该模板的ID；用户同意接收后优先以订阅通知发送。"),
    )
    fields = models.JSONField(_("模板字段"), default=dict, blank=True)
    email_subject = models.CharField(_("邮件标题"), max_length=200, blank=True)
    email_body = models.TextField(_("邮件正文"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("消息文案")
        verbose_name_plural = _("消息文案")

    def __str__(self):
        return self.kind
