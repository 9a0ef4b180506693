from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField


@register_setting(icon="cog")
class PlatformSettings(BaseSiteSetting):
    """Contact details, footer and the city's knowledge-rate target, edited by city admins."""

    knowledge_rate_target = models.DecimalField(
        _("知晓率目标（%）"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("全市学生毒品知晓率的目标，默认 100%。"),
    )
    organisation = models.CharField(_("主办单位"), max_length=60, default="市禁毒委员会办公室")
    hotline = models.CharField(
        _("咨询热线"), max_length=40, blank=True, help_text=_("只填号码，如 0571-87654321。")
    )
    report_phone = models.CharField(_("举报电话"), max_length=40, default="110")
    address = models.CharField(_("地址"), max_length=120, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    wechat_account = models.CharField(_("微信公众号名称"), max_length=40, blank=True)
    wechat_qr = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("公众号二维码"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = RichTextField(_("页脚说明"), blank=True, features=["bold", "link"])
    icp_record = models.CharField(_("ICP 备案号"), max_length=40, blank=True)

    panels = [
        FieldPanel("knowledge_rate_target"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("hotline"),
                FieldPanel("report_phone"),
                FieldPanel("address"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [FieldPanel("wechat_account"), FieldPanel("wechat_qr")], heading=_("微信公众号")
        ),
        MultiFieldPanel([FieldPanel("footer_text"), FieldPanel("icp_record")], heading=_("页脚")),
    ]

    class Meta:
        verbose_name = _("平台设置")
