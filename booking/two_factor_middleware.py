"""With ``MFA_REQUIRED`` on, an account that must log in with two factors but has no
authenticator app yet is sent to set one up before it sees anything else (README "两步验证").

Pages it may still open: the two-factor pages themselves, logging out, confirming the
password again (allauth asks for it before an authenticator is added), setting a password
(accounts made by WeChat login have none), its email addresses (an unverified one blocks
enrolment), switching language, and static and uploaded files. A form post or a request
for JSON gets a 403 with the same explanation instead of a redirect it could not follow.

An account found to need nothing (no duty, or an authenticator app already set up) is
remembered in its session for ``RECHECK_SECONDS``, so ordinary requests cost no query; a
permission granted or an authenticator removed elsewhere takes effect within that time, and
at once when the authenticator is removed in the same session.
"""

import time

from allauth.mfa.signals import authenticator_removed, authenticator_reset
from django.conf import settings
from django.contrib import messages
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from booking.two_factor import has_authenticator_app, must_use_two_factors

RECHECK_SECONDS = 5 * 60
SESSION_KEY = "two_factor_cleared"  # [user pk, time of the check]

OPEN_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_set_password",
        "account_email",
        "account_confirm_email",
        "account_email_verification_sent",
        "set_language",
    }
)


class TwoFactorEnrolmentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_REQUIRED or not request.user.is_authenticated:
            return None
        if _always_open(request) or _recently_cleared(request):
            return None
        if not must_use_two_factors(request.user) or has_authenticator_app(request.user):
            request.session[SESSION_KEY] = [request.user.pk, time.time()]
            return None
        return _enrolment_response(request)


def _recently_cleared(request) -> bool:
    match request.session.get(SESSION_KEY):
        case [user_pk, checked_at]:
            return user_pk == request.user.pk and 0 <= time.time() - checked_at < RECHECK_SECONDS
    return False


@receiver([authenticator_removed, authenticator_reset], dispatch_uid="two_factor_forget")
def forget_clearance(sender, request, **kwargs):
    request.session.pop(SESSION_KEY, None)


def _always_open(request) -> bool:
    if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    name = request.resolver_match.url_name or ""
    return name.startswith("mfa_") or name in OPEN_URL_NAMES


def explanation() -> str:
    return _(
        "您的账号可以查看学生和学校的信息或管理网站内容，按规定必须开启两步验证："
        "登录时除密码外，还要输入手机身份验证器上的验证码。请先完成设置，再继续使用。"
    )


def _enrolment_response(request):
    if not request.user.has_usable_password():
        # allauth confirms the password before an authenticator is added; a WeChat account
        # sets one first.
        target = reverse("account_set_password")
        first_step = _("请先为账号设置登录密码，然后开启两步验证。")
    else:
        target = reverse("mfa_activate_totp")
        first_step = ""
    if request.method not in ("GET", "HEAD") or _wants_json(request):
        return _refusal(request, target)
    messages.warning(request, f"{explanation()}{first_step}")
    return redirect(target)


def _wants_json(request) -> bool:
    return (
        request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
        or request.content_type == "application/json"
    )


def _refusal(request, target: str):
    if _wants_json(request):
        return JsonResponse(
            {"error": "two_factor_required", "message": explanation(), "url": target},
            status=403,
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"explanation": explanation(), "enrol_url": target}
    return TemplateResponse(request, "mfa/required.html", context, status=403)
