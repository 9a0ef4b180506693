from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import (
    OAuth2Adapter,
    OAuth2CallbackView,
    OAuth2LoginView,
)

from wechat import conf
from wechat.browser import in_wechat_browser
from wechat.oauth import pages
from wechat.oauth.client import WeChatMpClient, get_json


class WeChatMpOAuth2Adapter(OAuth2Adapter):
    provider_id = "wechat_mp"
    authorize_url = "https://open.weixin.qq.com/connect/oauth2/authorize"
    access_token_method = "GET"  # noqa: S105  (an HTTP method, not a secret)
    client_class = WeChatMpClient

    @property
    def access_token_url(self) -> str:
        return f"{conf.api_root()}/sns/oauth2/access_token"

    def complete_login(self, request, app, token, response=None, **kwargs):
        response = response or {}
        # A visitor of a 快照页 (page snapshot) gets a virtual OpenID without authorising.
        if response.get("is_snapshotuser") in (1, "1"):
            raise ImmediateHttpResponse(pages.snapshot_user(request))
        openid = response["openid"]
        info = get_json(
            f"{conf.api_root()}/sns/userinfo",
            {"access_token": token.token, "openid": openid, "lang": "zh_CN"},
        )
        if info.get("openid") != openid:
            raise OAuth2Error("WeChat's user info is for another OpenID")
        return self.get_provider().sociallogin_from_response(request, info)


class WeChatLoginView(OAuth2LoginView):
    def dispatch(self, request, *args, **kwargs):
        if not conf.is_configured():
            return pages.not_configured(request)
        if not in_wechat_browser(request):
            return pages.open_in_wechat(request)
        # Straight to WeChat without allauth's confirmation form: WeChat authorises the
        # phone's own WeChat user, so a forged link cannot log anyone into another account.
        return self.get_provider().redirect_from_request(request)


class WeChatCallbackView(OAuth2CallbackView):
    def dispatch(self, request, *args, **kwargs):
        if not conf.is_configured():
            return pages.not_configured(request)
        return super().dispatch(request, *args, **kwargs)


oauth2_login = WeChatLoginView.adapter_view(WeChatMpOAuth2Adapter)
oauth2_callback = WeChatCallbackView.adapter_view(WeChatMpOAuth2Adapter)
