"""The account page where users see whether WeChat alerts reach them and bind their WeChat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wechat.binding import (
    AlertStatus,
    BindingRateLimited,
    BindingUnavailable,
    active_code,
    alert_status,
    new_binding_code,
    unbind,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    refused = None
    if request.method == "POST":
        refused = _act(request, request.POST.get("action", ""))
        if refused is None:
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
        status=refused or 200,
    )


def _act(request: HttpRequest, action: str) -> int | None:
    """Carry ``action`` out; a refusal's status when the page is to be shown with it at once
    rather than after a redirect."""
    if action == "code":
        try:
            new_binding_code(request.user)
        except BindingRateLimited as refusal:
            messages.error(request, refusal.message)
            return 429
        except BindingUnavailable as refusal:
            messages.error(request, refusal.message)
    elif action == "unbind":
        if unbind(request.user):
            messages.success(request, _("已解除微信绑定，提醒将改为通过邮件发送。"))
        else:
            messages.info(request, _("您的账户没有绑定微信。"))
    else:
        messages.error(request, _("无法识别的操作，请重试。"))
    return None
