from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WechatConfig(AppConfig):
    name = "wechat"
    verbose_name = _("微信")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wechat import checks  # noqa: F401  (registers the system checks)
