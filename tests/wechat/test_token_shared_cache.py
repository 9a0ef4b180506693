"""The access token is fetched once and shared by every client through the cache."""

import pytest
from django.core.cache import cache

from tests.wechat.conftest import CLIENT_TIMEOUT
from wechat.client import MpClient, get_client
from wechat.errors import Category, WeChatError

STABLE_TOKEN = "/cgi-bin/stable_token"


def new_client(fake):
    """A separate client object, as another process would have."""
    return MpClient(fake.app_id, fake.app_secret, api_root=fake.url, read_timeout=CLIENT_TIMEOUT)


def test_two_clients_share_one_token(fake_wechat):
    first, second = new_client(fake_wechat), new_client(fake_wechat)
    first.send_text("o-1", "一")
    second.send_text("o-2", "二")
    assert len(fake_wechat.calls_to(STABLE_TOKEN)) == 1
    tokens = {
        call.query["access_token"] for call in fake_wechat.calls_to("/cgi-bin/message/custom/send")
    }
    assert tokens == {fake_wechat.tokens_issued[0]}


def test_token_is_kept_in_the_cache_under_the_app_id(fake_wechat):
    get_client().send_text("o-1", "你好")
    assert cache.get(f"wechat:access_token:{fake_wechat.app_id}") == fake_wechat.tokens_issued[0]


def test_token_request_is_stable_token_with_credentials(fake_wechat):
    get_client().send_text("o-1", "你好")
    (call,) = fake_wechat.calls_to(STABLE_TOKEN)
    assert call.method == "POST"
    assert call.body == {
        "grant_type": "client_credential",
        "appid": fake_wechat.app_id,
        "secret": fake_wechat.app_secret,
        "force_refresh": False,
    }
    assert fake_wechat.calls_to("/cgi-bin/token") == []


def test_token_refetched_when_the_cache_lost_it(fake_wechat):
    client = new_client(fake_wechat)
    client.send_text("o-1", "一")
    cache.clear()
    client.send_text("o-1", "二")
    # A plain stable_token call: WeChat hands back the same, still valid token.
    assert [call.body["force_refresh"] for call in fake_wechat.calls_to(STABLE_TOKEN)] == [
        False,
        False,
    ]
    assert len(fake_wechat.tokens_issued) == 1


def test_wrong_secret_is_a_configuration_error(fake_wechat):
    client = MpClient(
        fake_wechat.app_id, "wrong", api_root=fake_wechat.url, read_timeout=CLIENT_TIMEOUT
    )
    with pytest.raises(WeChatError) as raised:
        client.send_text("o-1", "你好")
    assert raised.value.code == 40125
    assert raised.value.category == Category.CONFIG
    assert fake_wechat.calls_to("/cgi-bin/message/custom/send") == []
