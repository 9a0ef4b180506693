"""Recognising WeChat's built-in browser, where WeChat login and JS-SDK features work."""

from django.http import HttpRequest

WECHAT_USER_AGENT_MARK = "MicroMessenger"


def in_wechat_browser(request: HttpRequest) -> bool:
    return WECHAT_USER_AGENT_MARK in request.headers.get("User-Agent", "")
