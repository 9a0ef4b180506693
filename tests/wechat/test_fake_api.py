"""The fake WeChat API behaves like WeChat where the tests rely on it."""

import time

import pytest
import requests
from django.conf import settings

from wechat.fake_api import CUSTOM_SEND, MASS_SEND, TEMPLATE_SEND


def stable_token(fake, **extra):
    body = {
        "grant_type": "client_credential",
        "appid": fake.app_id,
        "secret": fake.app_secret,
        **extra,
    }
    return requests.post(f"{fake.url}/cgi-bin/stable_token", json=body, timeout=5).json()


def send_text(fake, token, openid="o-reader"):
    body = {"touser": openid, "msgtype": "text", "text": {"content": "你好"}}
    response = requests.post(
        f"{fake.url}{CUSTOM_SEND}", params={"access_token": token}, json=body, timeout=5
    )
    return response


def test_fixture_points_the_settings_at_the_fake(fake_wechat):
    assert settings.WECHAT_API_ROOT == fake_wechat.url
    assert settings.WECHAT_APP_ID == fake_wechat.app_id == "wx0123456789abcdef"
    assert settings.WECHAT_ALLOW_API_ROOT is True


def test_stable_token_is_the_same_until_forced(fake_wechat):
    first = stable_token(fake_wechat)
    assert first["expires_in"] > 7000
    assert stable_token(fake_wechat)["access_token"] == first["access_token"]
    forced = stable_token(fake_wechat, force_refresh=True)["access_token"]
    assert forced != first["access_token"]
    assert send_text(fake_wechat, first["access_token"]).json()["errcode"] == 40001
    assert send_text(fake_wechat, forced).json()["errcode"] == 0
    assert len(fake_wechat.tokens_issued) == 2


def test_wrong_credentials_are_refused(fake_wechat):
    assert stable_token(fake_wechat, appid="wx-other")["errcode"] == 40013
    assert stable_token(fake_wechat, secret="wrong")["errcode"] == 40125
    assert fake_wechat.tokens_issued == []


def test_expired_and_unknown_tokens(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.expire_tokens()
    assert send_text(fake_wechat, token).json()["errcode"] == 42001
    assert send_text(fake_wechat, "made-up").json()["errcode"] == 40001
    assert stable_token(fake_wechat)["access_token"] != token


def test_unfollowed_openid_gets_43004(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.unfollowed.add("o-gone")
    assert send_text(fake_wechat, token, "o-gone").json()["errcode"] == 43004
    assert fake_wechat.delivered == []


def test_scripted_outcomes_come_in_order(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.fail_next(CUSTOM_SEND, 45009, 503)
    assert send_text(fake_wechat, token).json() == {
        "errcode": 45009,
        "errmsg": "reach max api daily quota limit",
    }
    assert send_text(fake_wechat, token).status_code == 503
    assert send_text(fake_wechat, token).json()["errcode"] == 0
    calls = fake_wechat.calls_to(CUSTOM_SEND)
    assert [call.status for call in calls] == [200, 503, 200]
    assert calls[0].body["text"]["content"] == "你好"
    assert calls[0].query["access_token"] == token
    assert len(fake_wechat.delivered_to(CUSTOM_SEND)) == 1


def test_scripted_timeout_answers_late(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.fail_next(CUSTOM_SEND, "timeout")
    with pytest.raises(requests.Timeout):
        requests.post(
            f"{fake_wechat.url}{CUSTOM_SEND}",
            params={"access_token": token},
            json={"touser": "o-1", "msgtype": "text", "text": {"content": "x"}},
            timeout=fake_wechat.timeout_delay / 2,
        )


def test_down_closes_connections_and_comes_back(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.down = True
    with pytest.raises(requests.ConnectionError):
        send_text(fake_wechat, token)
    fake_wechat.down = False
    assert send_text(fake_wechat, token).json()["errcode"] == 0


def test_latency_is_added(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    fake_wechat.latency = 0.2
    started = time.monotonic()
    send_text(fake_wechat, token)
    assert time.monotonic() - started >= 0.2


def test_template_and_mass_sends_dedup_by_key(fake_wechat):
    token = stable_token(fake_wechat)["access_token"]
    template = {"touser": "o-1", "template_id": "T", "data": {"thing1": {"value": "参观"}}}
    keyed = {**template, "client_msg_id": "k1"}
    url = fake_wechat.url
    first = requests.post(f"{url}{TEMPLATE_SEND}", params={"access_token": token}, json=keyed)
    again = requests.post(f"{url}{TEMPLATE_SEND}", params={"access_token": token}, json=keyed)
    assert first.json()["msgid"] == again.json()["msgid"]
    mass = {"touser": ["o-1", "o-2"], "msgtype": "text", "text": {"content": "x"}}
    mass["clientmsgid"] = "m1"
    first = requests.post(f"{url}{MASS_SEND}", params={"access_token": token}, json=mass).json()
    again = requests.post(f"{url}{MASS_SEND}", params={"access_token": token}, json=mass).json()
    assert again["errcode"] == 45065 and again["msg_id"] == first["msg_id"]
    assert len(fake_wechat.delivered) == 2
    one = {**mass, "touser": ["o-1"], "clientmsgid": "m2"}
    assert (
        requests.post(f"{url}{MASS_SEND}", params={"access_token": token}, json=one).json()[
            "errcode"
        ]
        == 40130
    )


def test_in_wechat_oauth_returns_raw_utf8(fake_wechat):
    fake_wechat.sns_users["code-1"] = {
        "openid": "o-sns",
        "nickname": "禁毒小卫士",
        "headimgurl": "",
    }
    query = {
        "appid": fake_wechat.app_id,
        "secret": fake_wechat.app_secret,
        "code": "code-1",
        "grant_type": "authorization_code",
    }
    token = requests.get(f"{fake_wechat.url}/sns/oauth2/access_token", params=query).json()
    assert token["openid"] == "o-sns" and token["scope"] == "snsapi_userinfo"
    again = requests.get(f"{fake_wechat.url}/sns/oauth2/access_token", params=query).json()
    assert again["errcode"] == 40163
    info = requests.get(
        f"{fake_wechat.url}/sns/userinfo",
        params={"access_token": token["access_token"], "openid": "o-sns", "lang": "zh_CN"},
    )
    assert info.headers["Content-Type"] == "text/plain"
    assert "禁毒小卫士".encode() in info.content
