"""Binding a follower to a site account, one to one: by scanning a one-time QR code shown on
the account page, or by logging in with WeChat."""

import enum
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wechat import conf
from wechat.client import get_client
from wechat.errors import WeChatError
from wechat.models import BindingCode, Follower

SCENE_PREFIX = "bind:"
CODE_LIFETIME = timedelta(minutes=10)
CODES_PER_WINDOW = 5
RATE_WINDOW = timedelta(minutes=10)


class BindingUnavailable(Exception):
    """No QR code could be made; ``message`` tells the user why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BindingRateLimited(BindingUnavailable):
    """The user asked for codes too often; the page answers 429."""


class AlertStatus(enum.Enum):
    ON = "on"
    NOT_CONFIGURED = "not_configured"
    NOT_BOUND = "not_bound"
    NOT_FOLLOWING = "not_following"


def new_binding_code(user: AbstractBaseUser) -> BindingCode:
    """A fresh one-time code with WeChat's temporary QR code for it (scene ``bind:<code>``).

    Raises BindingUnavailable when WeChat is not configured, the user asked too often, or
    WeChat refused; then nothing is stored.
    """
    if not conf.is_configured():
        raise BindingUnavailable(_("本站尚未配置微信公众号，暂时无法绑定微信。"))
    _count_request(user)
    code = secrets.token_urlsafe(24)
    try:
        qr_url = get_client().create_scene_qrcode(
            SCENE_PREFIX + code, expire_seconds=int(CODE_LIFETIME.total_seconds())
        )
    except WeChatError as error:
        raise BindingUnavailable(_("微信暂时无法生成二维码，请稍后再试。")) from error
    now = timezone.now()
    BindingCode.objects.filter(user=user, expires_at__lt=now).delete()
    return BindingCode.objects.create(
        user=user, code=code, expires_at=now + CODE_LIFETIME, qr_url=qr_url
    )


def _count_request(user: AbstractBaseUser) -> None:
    """At most CODES_PER_WINDOW codes per user in a fixed window, counted in the shared cache
    before WeChat is asked, so that refused or failed requests count too."""
    key = f"wechat:binding-codes:{user.pk}"
    cache.add(key, 0, timeout=int(RATE_WINDOW.total_seconds()))
    try:
        count = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.set(key, 1, timeout=int(RATE_WINDOW.total_seconds()))
        count = 1
    if count > CODES_PER_WINDOW:
        raise BindingRateLimited(_("二维码生成过于频繁，请 10 分钟后再试。"))


def active_code(user: AbstractBaseUser) -> BindingCode | None:
    """The user's newest code that can still be scanned."""
    return (
        BindingCode.objects.filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def bind_by_scene(openid: str, scene: str) -> str | None:
    """Bind the follower who scanned a ``bind:<code>`` QR code to the code's user.

    Returns the reply for the follower, or None when the scene is not a binding scene.
    """
    if not scene.startswith(SCENE_PREFIX):
        return None
    code = scene.removeprefix(SCENE_PREFIX)
    with transaction.atomic():
        binding = (
            BindingCode.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(code=code)
            .first()
        )
        if binding is None:
            return _("二维码无效。请在网站的“微信提醒”页面重新生成二维码后再扫码。")
        if binding.used_at is not None:
            return _("这个二维码已经用过了。如需重新绑定，请在网站的“微信提醒”页面重新生成二维码。")
        if binding.expires_at <= timezone.now():
            return _(
                "二维码已过期（有效期 10 分钟）。请在网站的“微信提醒”页面重新生成二维码后再扫码。"
            )
        bind_openid(openid, binding.user)
        binding.used_at = timezone.now()
        binding.save(update_fields=["used_at"])
    return _("已绑定账号 %(account)s，今后的预约和答题提醒将通过本公众号发送。") % {
        "account": account_label(binding.user)
    }


def account_label(user: AbstractBaseUser) -> str:
    """How a reply names the account: whoever photographs a QR code must not learn the
    email address behind it, so that is shown masked."""
    email = user.email or ""
    if user.first_name:
        return user.first_name
    if "@" in email:
        local, domain = email.split("@", 1)
        return f"{local[:1]}***@{domain}"
    return user.get_username()


def bind_openid(openid: str, user: AbstractBaseUser) -> Follower:
    """Bind the follower (created if unknown) to the user. The latest binding wins: the
    follower's previous account and the user's previous follower are released."""
    with transaction.atomic():
        # One binding per user at a time, so the one-to-one link never collides.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        Follower.objects.filter(user=user).exclude(openid=openid).update(user=None, bound_at=None)
        follower, _created = Follower.objects.select_for_update().get_or_create(openid=openid)
        follower.user = user
        follower.bound_at = timezone.now()
        follower.save(update_fields=["user", "bound_at"])
    return follower


def unbind(user: AbstractBaseUser) -> bool:
    """Release the user's follower; False when there was none."""
    return bool(Follower.objects.filter(user=user).update(user=None, bound_at=None))


def alert_status(user: AbstractBaseUser) -> tuple[AlertStatus, Follower | None]:
    """Whether WeChat alerts reach the user, and if not why; with the bound follower."""
    follower = Follower.objects.filter(user=user).first()
    if not conf.is_configured():
        return AlertStatus.NOT_CONFIGURED, follower
    if follower is None:
        return AlertStatus.NOT_BOUND, None
    if not follower.subscribed:
        return AlertStatus.NOT_FOLLOWING, follower
    return AlertStatus.ON, follower
