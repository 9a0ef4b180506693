"""Whoever logs in with WeChat (or connects WeChat to their account) gets WeChat alerts:
their follower is bound to the account."""

from allauth.account.signals import user_logged_in
from allauth.socialaccount.signals import social_account_added
from django.dispatch import receiver

from wechat.binding import bind_openid
from wechat.oauth.provider import WeChatMpProvider


def _bind(sociallogin, user) -> None:
    if sociallogin is not None and sociallogin.account.provider == WeChatMpProvider.id:
        bind_openid(sociallogin.account.uid, user)


@receiver(user_logged_in, dispatch_uid="wechat_bind_on_login")
def bind_on_login(sender, request, user, sociallogin=None, **kwargs):
    _bind(sociallogin, user)


@receiver(social_account_added, dispatch_uid="wechat_bind_on_connect")
def bind_on_connect(sender, request, sociallogin, **kwargs):
    _bind(sociallogin, sociallogin.user)
