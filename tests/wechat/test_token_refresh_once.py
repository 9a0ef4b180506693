"""An expired or refused token is refreshed once for everybody, and the call retried once."""

import threading

import pytest

from tests.wechat.conftest import CLIENT_TIMEOUT
from wechat.client import MpClient
from wechat.errors import Category, WeChatError

STABLE_TOKEN = "/cgi-bin/stable_token"
CUSTOM_SEND = "/cgi-bin/message/custom/send"


def new_client(fake):
    return MpClient(fake.app_id, fake.app_secret, api_root=fake.url, read_timeout=CLIENT_TIMEOUT)


def forced_refreshes(fake):
    return [call for call in fake.calls_to(STABLE_TOKEN) if call.body["force_refresh"]]


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_refused_token_is_refreshed_and_the_call_retried(fake_wechat, code):
    client = new_client(fake_wechat)
    client.send_text("o-1", "一")
    fake_wechat.fail_next(CUSTOM_SEND, code)
    client.send_text("o-1", "二")
    assert len(forced_refreshes(fake_wechat)) == 1
    sends = fake_wechat.calls_to(CUSTOM_SEND)
    assert [call.body["text"]["content"] for call in sends] == ["一", "二", "二"]
    assert sends[2].query["access_token"] == fake_wechat.tokens_issued[-1]
    assert len(fake_wechat.delivered) == 2


def test_expired_token_mid_batch_one_refresh_for_twenty_workers(fake_wechat):
    new_client(fake_wechat).send_text("o-0", "预热")
    fake_wechat.expire_tokens()
    fake_wechat.latency = 0.05  # so the workers' failures overlap
    start = threading.Barrier(20)
    errors = []

    def worker(number):
        client = new_client(fake_wechat)  # one client per "process"
        start.wait()
        try:
            client.send_text(f"o-{number}", "提醒")
        except WeChatError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(1, 21)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(forced_refreshes(fake_wechat)) == 1
    assert len(fake_wechat.delivered) == 21


def test_persistent_token_error_raises_after_one_refresh(fake_wechat):
    client = new_client(fake_wechat)
    fake_wechat.fail_next(CUSTOM_SEND, 40001, 40001, 40001)
    with pytest.raises(WeChatError) as raised:
        client.send_text("o-1", "你好")
    assert raised.value.code == 40001
    assert raised.value.category == Category.TOKEN
    assert len(fake_wechat.calls_to(CUSTOM_SEND)) == 2
    assert len(forced_refreshes(fake_wechat)) == 1


def test_token_call_itself_failing_is_transient(fake_wechat):
    fake_wechat.fail_next(STABLE_TOKEN, -1)
    with pytest.raises(WeChatError) as raised:
        new_client(fake_wechat).send_text("o-1", "你好")
    assert raised.value.category == Category.TRANSIENT
    assert fake_wechat.calls_to(CUSTOM_SEND) == []
