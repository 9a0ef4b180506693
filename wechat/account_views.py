"""The account page where users see whether WeChat alerts reach them and bind their WeChat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wechat.binding import (
    AlertStatus,
    BindingUnavailable,
    active_code,
    alert_status,
    new_binding_code,
    unbind,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        _act(request, request.POST.get("action", ""))
        return redirect("wechat:account")
    status, follower = alert_status(request.user)
    configured = status is not AlertStatus.NOT_CONFIGURED
    return render(
        request,
        "wechat/account.html",
        {
            "status": status.value,
            "follower": follower,
            "code": active_code(request.user) if configured else None,
        },
    )


def _act(request: HttpRequest, action: str) -> None:
    if action == "code":
        try:
            new_binding_code(request.user)
        except BindingUnavailable as refusal:
            messages.error(request, refusal.message)
    elif action == "unbind":
        if unbind(request.user):
            messages.success(request, _("已解除微信绑定，提醒将改为通过邮件发送。"))
        else:
            messages.info(request, _("您的账户没有绑定微信。"))
    else:
        messages.error(request, _("无法识别的操作，请重试。"))
