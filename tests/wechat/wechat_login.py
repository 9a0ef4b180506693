"""WeChat login as a phone's WeChat browser goes through it: our login URL, WeChat's
authorisation page (which sends the browser back with a code), our callback."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

IN_WECHAT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322f) NetType/WIFI "
    "Language/zh_CN"
)
DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
AUTHORIZE_URL = "https://open.weixin.qq.com/connect/oauth2/authorize"
NICKNAME = "禁毒小卫士"


def wechat_user(openid: str, **fields) -> dict:
    """The user info WeChat's /sns/userinfo answers for a user who authorised the site."""
    return {
        "openid": openid,
        "nickname": NICKNAME,
        "sex": 0,
        "province": "",
        "city": "",
        "country": "",
        "headimgurl": "https://thirdwx.qlogo.cn/mmopen/jindu/132",
        "privilege": [],
        **fields,
    }


def start_login(client, **params) -> str:
    """Open our login URL inside WeChat; the state WeChat will hand back."""
    response = client.get(reverse("wechat_mp_login"), params, headers={"user-agent": IN_WECHAT})
    assert response.status_code == 302, response.content.decode()
    return parse_qs(urlsplit(response["Location"]).query)["state"][0]


def come_back(client, code: str, state: str):
    """WeChat sends the browser back to our callback with the code."""
    return client.get(
        reverse("wechat_mp_callback"),
        {"code": code, "state": state},
        headers={"user-agent": IN_WECHAT},
    )


def log_in(client, fake_wechat, code: str, user: dict, **params):
    fake_wechat.sns_users[code] = user
    return come_back(client, code, start_login(client, **params))
