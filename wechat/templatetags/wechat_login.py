from django import template
from django.http import HttpRequest

from wechat.browser import in_wechat_browser as _in_wechat_browser

register = template.Library()


@register.filter
def in_wechat_browser(request: HttpRequest | None) -> bool:
    return request is not None and _in_wechat_browser(request)
