from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WeChatOAuthConfig(AppConfig):
    name = "wechat.oauth"
    label = "wechat_oauth"
    verbose_name = _("微信登录")

    def ready(self):
        from wechat.oauth import receivers  # noqa: F401  (binds followers on WeChat login)
