"""Against a running Redis the site's cache backend is an ordinary Redis cache: values are
shared through Redis (another process sees them), and ping says Redis answers."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.production.redis_caches import SHARED_REDIS, degrading


@pytest.fixture
def cache():
    with override_settings(CACHES=degrading(SHARED_REDIS)):
        cache = caches["default"]
        if not cache.ping():
            pytest.skip("no Redis at 127.0.0.1:6379")
        yield cache
        keys = cache._cache.get_client().keys(f"{cache.key_prefix}:*")
        if keys:
            cache._cache.get_client().delete(*keys)


def test_values_live_in_redis(cache):
    cache.set("greeting", "你好", 30)
    assert cache.get("greeting") == "你好"
    assert cache._memory.get("greeting") is None  # not from process memory
    client = cache._cache.get_client()
    assert client.exists(cache.make_and_validate_key("greeting")) == 1


def test_add_and_incr_are_atomic_in_redis(cache):
    assert cache.add("lock", 1, 10) is True
    assert cache.add("lock", 1, 10) is False
    cache.set("hits", 0, 60)
    assert cache.incr("hits", 3) == 3
