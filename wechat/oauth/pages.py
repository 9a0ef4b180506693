"""The pages WeChat login shows instead of logging in, each saying what to do next."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from requests import RequestException


def _page(request: HttpRequest, title: str, message: str, status: int) -> HttpResponse:
    return render(
        request,
        "wechat/account/login_problem.html",
        {"title": title, "message": message},
        status=status,
    )


def not_configured(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        _("未配置微信登录"),
        _("本站尚未配置微信公众号，暂时不能用微信登录。请使用邮箱登录。"),
        404,
    )


def open_in_wechat(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        _("请在微信中打开"),
        _(
            "微信登录只能在微信里使用：请在微信中打开本站后再点“微信登录”。"
            "在电脑上，请先用邮箱登录，再到账户的“微信提醒”页面用微信扫码绑定。"
        ),
        200,
    )


def snapshot_user(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        _("尚未授权登录"),
        _(
            "您正在浏览微信的快照页，还没有授权本站登录，因此没有为您创建账号。"
            "请点击页面底部的“使用完整服务”，或在微信中重新打开本站后再点“微信登录”。"
        ),
        403,
    )


def login_failed(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    if isinstance(exception, RequestException):
        return _page(
            request,
            _("微信登录没有完成"),
            _("暂时无法连接微信，请稍后再试。"),
            502,
        )
    return _page(
        request,
        _("微信登录没有完成"),
        _("授权已失效或无效。请回到登录页面，重新点“微信登录”。"),
        400,
    )
