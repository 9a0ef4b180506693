"""With the cache (Redis) down, messages still go out: the token is kept in the process."""

import time

from tests.wechat.conftest import CLIENT_TIMEOUT
from wechat.client import MpClient

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


def test_sends_work_without_the_cache(fake_wechat, settings, caplog):
    settings.CACHES = UNREACHABLE_REDIS
    client = MpClient(
        fake_wechat.app_id,
        fake_wechat.app_secret,
        api_root=fake_wechat.url,
        read_timeout=CLIENT_TIMEOUT,
    )
    started = time.monotonic()
    client.send_text("o-1", "一")
    client.send_text("o-2", "二")
    assert time.monotonic() - started < 5
    assert len(fake_wechat.delivered) == 2
    assert len(fake_wechat.calls_to("/cgi-bin/stable_token")) == 1
    assert "Cache unavailable" in caplog.text


def test_refresh_without_the_cache_still_happens_once(fake_wechat, settings):
    settings.CACHES = UNREACHABLE_REDIS
    client = MpClient(
        fake_wechat.app_id,
        fake_wechat.app_secret,
        api_root=fake_wechat.url,
        read_timeout=CLIENT_TIMEOUT,
    )
    client.send_text("o-1", "一")
    fake_wechat.expire_tokens()
    client.send_text("o-1", "二")
    client.send_text("o-1", "三")
    forced = [c for c in fake_wechat.calls_to("/cgi-bin/stable_token") if c.body["force_refresh"]]
    assert len(forced) == 1
    assert len(fake_wechat.delivered) == 3
