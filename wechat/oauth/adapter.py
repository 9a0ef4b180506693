from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp

from wechat import conf
from wechat.oauth import pages
from wechat.oauth.provider import WeChatMpProvider


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """WeChat login's credentials are read from the WECHAT_* settings when needed, so it is
    on exactly when the Official Account is configured; WeChat login errors get their own
    pages saying what to do next."""

    def list_apps(self, request, provider=None, client_id=None):
        if provider == WeChatMpProvider.id:
            apps = []
        else:
            apps = [
                app
                for app in super().list_apps(request, provider=provider, client_id=client_id)
                if app.provider != WeChatMpProvider.id
            ]
        if provider in (None, WeChatMpProvider.id) and conf.is_configured():
            if client_id in (None, conf.app_id()):
                apps.append(wechat_app())
        return apps

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        if provider.id == WeChatMpProvider.id:
            raise ImmediateHttpResponse(pages.login_failed(request, exception))
        super().on_authentication_error(request, provider, error, exception, extra_context)


def wechat_app() -> SocialApp:
    return SocialApp(
        provider=WeChatMpProvider.id,
        name=str(WeChatMpProvider.name),
        client_id=conf.app_id(),
        secret=conf.app_secret(),
    )
