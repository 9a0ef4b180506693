import json

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from django.conf import settings
from django.utils.http import urlencode


def get_json(url: str, params: dict[str, str]) -> dict:
    """GET one of WeChat's /sns endpoints. They answer text/plain without a charset and
    UTF-8 inside, so the body is decoded as UTF-8 here (Chinese nicknames stay whole)."""
    with get_adapter().get_requests_session() as session:
        response = session.get(url, params=params, timeout=settings.WECHAT_HTTP_TIMEOUT)
        response.raise_for_status()
    try:
        data = json.loads(response.content.decode("utf-8"))
    except ValueError as error:  # UnicodeDecodeError is a ValueError too
        raise OAuth2Error("WeChat answered something that is not JSON") from error
    if not isinstance(data, dict):
        raise OAuth2Error("WeChat answered something that is not a JSON object")
    if data.get("errcode"):
        raise OAuth2Error(f"WeChat error {data['errcode']}: {data.get('errmsg', '')}")
    return data


class WeChatMpClient(OAuth2Client):
    def get_redirect_url(self, authorization_url, scope, extra_params):
        # WeChat takes exactly these parameters, in this order, and needs the fragment.
        params = [
            ("appid", self.consumer_key),
            ("redirect_uri", self.callback_url),
            ("response_type", "code"),
            ("scope", ",".join(scope)),
            ("state", self.state),
        ]
        return f"{authorization_url}?{urlencode(params)}#wechat_redirect"

    def get_access_token(self, code, pkce_code_verifier=None, extra_data=None):
        data = get_json(
            self.access_token_url,
            {
                "appid": self.consumer_key,
                "secret": self.consumer_secret,
                "code": code,
                "grant_type": "authorization_code",
            },
        )
        if not data.get("access_token") or not data.get("openid"):
            raise OAuth2Error("WeChat gave no access token or OpenID")
        return data
