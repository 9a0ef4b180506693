"""When Redis comes back the cache uses it again by itself, and the keys this process set or
deleted only in memory during the outage are deleted from Redis, so Redis's older values for
them (a stale page) are not served. Keys taken with ``add`` (locks, counters) are left to
expire: another process may hold them in Redis. Uses a private redis-server on a port of its
own, which the test stops and starts."""

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisSerializer
from django.test import override_settings

from config import cache as degrading_cache
from tests.production.private_redis import needs_redis_server
from tests.production.redis_caches import degrading

pytestmark = needs_redis_server


def test_back_by_itself_without_stale_values(redis_server, monkeypatch):
    monkeypatch.setattr(degrading_cache, "RETRY_SECONDS", 0)
    with override_settings(CACHES=degrading(f"redis://127.0.0.1:{redis_server.port}/0")):
        cache = caches["default"]
        redis_server.stop()

        cache.delete("session")  # logged out while Redis is down: only in memory
        assert cache.get("session") is None
        assert cache.ping() is False

        redis_server.start()
        # The restarted server holds the values from before the outage.
        raw = redis.Redis(port=redis_server.port)
        for key, value in {"session": "logged in", "untouched": "kept"}.items():
            raw.set(cache.make_and_validate_key(key), RedisSerializer().dumps(value))
        assert cache.get("other") is None  # the first call that reaches Redis again
        assert cache.get("session") is None
        assert cache.get("untouched") == "kept"
        assert cache.ping() is True


def test_keys_taken_with_add_are_left_to_other_processes(redis_server, monkeypatch):
    monkeypatch.setattr(degrading_cache, "RETRY_SECONDS", 0)
    with override_settings(CACHES=degrading(redis_server.url)):
        cache = caches["default"]
        redis_server.stop()

        assert cache.add("lock", "this process") is True  # only in memory
        cache.delete("lock")  # released again during the outage

        redis_server.start()
        # Another process took the lock in Redis once it was back.
        raw = redis.Redis(port=redis_server.port)
        raw.set(cache.make_and_validate_key("lock"), RedisSerializer().dumps("other process"))
        assert cache.get("other") is None  # the first call that reaches Redis again
        assert cache.get("lock") == "other process"
