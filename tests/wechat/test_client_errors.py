"""Every failure of WeChat's API arrives as a WeChatError with the category the sender acts on."""

import socket
import time

import pytest

from wechat.client import get_client
from wechat.errors import Category, WeChatError, classify

CUSTOM_SEND = "/cgi-bin/message/custom/send"

EXPECTED = {
    -1: Category.TRANSIENT,
    40001: Category.TOKEN,
    40014: Category.TOKEN,
    42001: Category.TOKEN,
    45009: Category.DAILY_QUOTA,
    45011: Category.RATE_LIMITED,
    43004: Category.UNFOLLOWED,
    43101: Category.DROP,
    48002: Category.DROP,
    40003: Category.DROP,
    47003: Category.CONFIG,
    40037: Category.CONFIG,
    48001: Category.CONFIG,
    40164: Category.CONFIG,
    45047: Category.OTHER,
    99999: Category.OTHER,
}


@pytest.mark.parametrize(("code", "category"), EXPECTED.items())
def test_classify(code, category):
    assert classify(code) == category


def test_no_answer_is_transient():
    assert classify(None) == Category.TRANSIENT


@pytest.mark.parametrize(
    ("code", "category"), [(c, k) for c, k in EXPECTED.items() if k != Category.TOKEN]
)
def test_errcode_from_wechat_raises_its_category(fake_wechat, code, category):
    fake_wechat.fail_next(CUSTOM_SEND, code)
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert (raised.value.code, raised.value.category) == (code, category)
    assert raised.value.message
    assert len(fake_wechat.calls_to(CUSTOM_SEND)) == 1  # no retry of our own


def test_unfollowed_reader(fake_wechat):
    fake_wechat.unfollowed.add("o-gone")
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-gone", "你好")
    assert raised.value.category == Category.UNFOLLOWED


def test_timeout_is_transient_within_the_configured_timeout(fake_wechat, settings):
    client = get_client()
    client.send_text("o-1", "预热")
    fake_wechat.fail_next(CUSTOM_SEND, "timeout")
    started = time.monotonic()
    with pytest.raises(WeChatError) as raised:
        client.send_text("o-1", "你好")
    elapsed = time.monotonic() - started
    assert raised.value.category == Category.TRANSIENT
    assert raised.value.code is None
    # Given up after the read timeout, before the fake's late answer.
    assert settings.WECHAT_HTTP_TIMEOUT <= elapsed < fake_wechat.timeout_delay


@pytest.mark.parametrize("status", [500, 502, 503])
def test_http_5xx_is_transient(fake_wechat, status):
    fake_wechat.fail_next(CUSTOM_SEND, status)
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT
    assert str(status) in raised.value.message


def test_api_down_is_transient_and_recovers(fake_wechat):
    client = get_client()
    client.send_text("o-1", "预热")
    fake_wechat.down = True
    with pytest.raises(WeChatError) as raised:
        client.send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT
    fake_wechat.down = False
    client.send_text("o-1", "你好")
    assert len(fake_wechat.delivered) == 2


def test_api_down_before_any_token_is_transient(fake_wechat):
    fake_wechat.down = True
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT


def test_refused_connection_is_transient(fake_wechat, settings):
    fake_wechat.stop()
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT


def test_unreadable_answer_is_transient(fake_wechat):
    fake_wechat.fail_next(CUSTOM_SEND, "html")
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT


def test_unreadable_token_answer_is_transient(fake_wechat):
    fake_wechat.fail_next("/cgi-bin/stable_token", "html")
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT


def test_errors_never_carry_the_token_or_the_secret(fake_wechat, settings, caplog):
    token = get_client().access_token
    # A refused connection: requests' own message names the URL, token included.
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.WECHAT_API_ROOT = f"http://127.0.0.1:{port}"
    with pytest.raises(WeChatError) as raised:
        get_client().send_text("o-1", "你好")
    for secret in (token, settings.WECHAT_APP_SECRET):
        assert secret not in str(raised.value)
        assert secret not in caplog.text
