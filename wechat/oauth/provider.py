import secrets

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider
from django.utils.translation import gettext_lazy as _

from wechat.oauth.views import WeChatMpOAuth2Adapter


class WeChatMpAccount(ProviderAccount):
    def get_avatar_url(self):
        return self.account.extra_data.get("headimgurl")

    def to_str(self):
        return self.account.extra_data.get("nickname") or super().to_str()


class WeChatMpProvider(OAuth2Provider):
    """The Official Account's web authorisation (snsapi_userinfo), which works only inside
    WeChat's browser; the account's credentials come from the WECHAT_* settings."""

    id = WeChatMpOAuth2Adapter.provider_id
    name = _("微信")
    account_class = WeChatMpAccount
    oauth2_adapter_class = WeChatMpOAuth2Adapter

    def extract_uid(self, data):
        return data["openid"]

    def get_default_scope(self):
        return ["snsapi_userinfo"]

    def get_scope_from_request(self, request):
        # WeChat takes exactly one scope; a scope from the query string is not honoured.
        return self.get_scope()

    def extract_common_fields(self, data):
        # The nickname is the display name; the username only has to be unique and tell
        # staff that the account came from WeChat.
        return {
            "username": f"wx_{secrets.token_hex(5)}",
            "first_name": (data.get("nickname") or "")[:150],
        }


provider_classes = [WeChatMpProvider]
