from django.conf import settings
from django.core.checks import Error, register

from wechat import conf


@register()
def api_root_check(app_configs, **kwargs):
    """A custom API root sends the account's secret elsewhere: only for a local fake server."""
    if conf.api_root_is_custom() and not (settings.DEBUG or settings.WECHAT_ALLOW_API_ROOT):
        return [
            Error(
                "WECHAT_API_ROOT is set while DJANGO_DEBUG is false.",
                hint="It is meant for a local fake WeChat server; set WECHAT_ALLOW_API_ROOT=true "
                "only if you really mean to send the account's secret to that address.",
                id="wechat.E001",
            )
        ]
    return []
