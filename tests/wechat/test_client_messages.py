"""What the client posts to WeChat for each kind of message, and what it returns."""

import pytest
import requests
from django.core.cache import cache

from tests.wechat.conftest import CLIENT_TIMEOUT
from wechat.client import get_client
from wechat.errors import NotConfigured


def test_template_send_follows_the_2023_rules(fake_wechat):
    msgid = get_client().send_template(
        "o-1",
        "TPL-1",
        {"thing1": "参观禁毒教育基地", "time2": "2026年6月26日 09:00"},
        url="https://example.cn/booking/1/",
        client_msg_id="booking-1-confirmed",
    )
    (call,) = fake_wechat.calls_to("/cgi-bin/message/template/send")
    assert msgid == str(call.response["msgid"])
    assert call.body == {
        "touser": "o-1",
        "template_id": "TPL-1",
        "url": "https://example.cn/booking/1/",
        "client_msg_id": "booking-1-confirmed",
        "data": {
            "thing1": {"value": "参观禁毒教育基地"},
            "time2": {"value": "2026年6月26日 09:00"},
        },
    }


def test_template_send_repeated_with_the_same_key_is_delivered_once(fake_wechat):
    client = get_client()
    first = client.send_template("o-1", "TPL-1", {"thing1": "参观"}, client_msg_id="k-1")
    again = client.send_template("o-1", "TPL-1", {"thing1": "参观"}, client_msg_id="k-1")
    assert first == again
    assert len(fake_wechat.delivered) == 1


def test_template_send_without_url_or_key_leaves_them_out(fake_wechat):
    get_client().send_template("o-1", "TPL-1", {"thing1": "参观"})
    (call,) = fake_wechat.calls_to("/cgi-bin/message/template/send")
    assert set(call.body) == {"touser", "template_id", "data"}


def test_subscribe_send(fake_wechat):
    get_client().send_subscribe("o-1", "SUB-1", {"thing1": "答题提醒"}, page="https://e.cn/q/")
    (call,) = fake_wechat.calls_to("/cgi-bin/message/subscribe/bizsend")
    assert call.body == {
        "touser": "o-1",
        "template_id": "SUB-1",
        "page": "https://e.cn/q/",
        "data": {"thing1": {"value": "答题提醒"}},
    }


def test_custom_text(fake_wechat):
    get_client().send_text("o-1", "你好，欢迎关注")
    (call,) = fake_wechat.calls_to("/cgi-bin/message/custom/send")
    assert call.body == {"touser": "o-1", "msgtype": "text", "text": {"content": "你好，欢迎关注"}}


def test_mass_send_posts_openids_and_clientmsgid(fake_wechat):
    client = get_client()
    msg_id = client.mass_send_text(["o-1", "o-2"], "6·26 国际禁毒日活动通知", "broadcast-7-1")
    (call,) = fake_wechat.calls_to("/cgi-bin/message/mass/send")
    assert call.body["touser"] == ["o-1", "o-2"]
    assert call.body["clientmsgid"] == "broadcast-7-1"
    assert call.body["msgtype"] == "text"
    assert call.body["text"] == {"content": "6·26 国际禁毒日活动通知"}
    assert "group_id" not in call.body and "filter" not in call.body
    assert msg_id == str(call.response["msg_id"])
    # Sent again after a lost answer: WeChat reports the first job, nothing goes out twice.
    assert (
        client.mass_send_text(["o-1", "o-2"], "6·26 国际禁毒日活动通知", "broadcast-7-1") == msg_id
    )
    assert len(fake_wechat.delivered) == 1


def test_create_menu(fake_wechat):
    menu = {"button": [{"type": "click", "name": "答题", "key": "QUIZ"}]}
    get_client().create_menu(menu)
    (call,) = fake_wechat.calls_to("/cgi-bin/menu/create")
    assert call.body == menu


def test_scene_qrcode_returns_an_image_url(fake_wechat):
    url = get_client().create_scene_qrcode("bind:abc123", 600)
    (call,) = fake_wechat.calls_to("/cgi-bin/qrcode/create")
    assert call.body == {
        "expire_seconds": 600,
        "action_name": "QR_STR_SCENE",
        "action_info": {"scene": {"scene_str": "bind:abc123"}},
    }
    assert url.startswith(f"{fake_wechat.url}/cgi-bin/showqrcode?ticket=")
    image = requests.get(url, timeout=5)
    assert image.headers["Content-Type"] == "image/png"


def test_user_info(fake_wechat):
    fake_wechat.users["o-1"] = {"nickname": "禁毒志愿者"}
    info = get_client().user_info("o-1")
    assert info["subscribe"] == 1 and info["nickname"] == "禁毒志愿者"
    (call,) = fake_wechat.calls_to("/cgi-bin/user/info")
    assert call.query["openid"] == "o-1" and call.query["lang"] == "zh_CN"


def test_jsapi_ticket_is_shared_through_the_cache(fake_wechat):
    ticket = get_client().jsapi_ticket()
    assert cache.get(f"wechat:jsapi_ticket:{fake_wechat.app_id}") == ticket
    assert get_client().jsapi_ticket() == ticket
    (call,) = fake_wechat.calls_to("/cgi-bin/ticket/getticket")
    assert call.query["type"] == "jsapi"


def test_get_client_follows_the_settings(fake_wechat, settings):
    client = get_client()
    assert client is get_client()
    assert client.API_BASE_URL == f"{fake_wechat.url}/cgi-bin/"
    assert client.timeout == (CLIENT_TIMEOUT, CLIENT_TIMEOUT)
    settings.WECHAT_APP_ID = "wx-another-account"
    assert get_client() is not client


def test_get_client_without_configuration(settings):
    settings.WECHAT_APP_ID = ""
    settings.WECHAT_APP_SECRET = ""
    with pytest.raises(NotConfigured) as raised:
        get_client()
    assert raised.value.message == "微信未配置"


def test_official_api_with_default_timeouts(settings):
    settings.WECHAT_APP_ID = "wx0123456789abcdef"
    settings.WECHAT_APP_SECRET = "secret"
    settings.WECHAT_API_ROOT = ""
    settings.WECHAT_HTTP_TIMEOUT = 5
    client = get_client()
    assert client.timeout == (3.0, 5.0)
    assert client.API_BASE_URL == "https://api.weixin.qq.com/cgi-bin/"
