"""The shared WeChat token with Redis unreachable: the lock taken with ``add`` holds inside
the process and the token is kept in memory, so a process fetches it once, not once per
message, and no caller waits for a lock nobody holds."""

import time

from django.test import override_settings

from tests.production.redis_caches import CLOSED_PORT, degrading
from wechat.client import SharedValue


def test_fetched_once_and_reused():
    fetches = []

    def fetch():
        fetches.append(1)
        return f"token-{len(fetches)}", 7200

    with override_settings(CACHES=degrading(CLOSED_PORT)):
        shared = SharedValue("wechat:access_token:test")
        started = time.perf_counter()
        assert [shared.get(fetch) for _ in range(20)] == ["token-1"] * 20
        assert time.perf_counter() - started < 2  # the lock wait would be 10 s
        # A caller that found the token invalid gets one new fetch.
        assert shared.get(fetch, stale="token-1") == "token-2"
    assert len(fetches) == 2
