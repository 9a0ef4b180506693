"""With Redis unreachable, cache calls answer from process memory instead of raising: a get
misses or finds what this process stored, add and incr keep their meaning, so a lock or a
counter still works inside one process. The first failure costs at most the short connect
timeout; later calls do not wait for Redis at all."""

import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.production.redis_caches import CLOSED_PORT, degrading


@pytest.fixture
def cache():
    with override_settings(CACHES=degrading(CLOSED_PORT)):
        yield caches["default"]


def test_get_misses_and_set_is_kept_in_memory(cache):
    assert cache.get("page") is None
    assert cache.get("page", "fallback") == "fallback"
    cache.set("page", "rendered", 30)
    assert cache.get("page") == "rendered"
    assert cache.delete("page") is True
    assert cache.get("page") is None


def test_add_takes_a_lock_once(cache):
    assert cache.add("lock", 1, 10) is True
    assert cache.add("lock", 1, 10) is False
    cache.delete("lock")
    assert cache.add("lock", 1, 10) is True


def test_incr_counts_and_refuses_a_missing_key(cache):
    cache.add("hits", 0, 60)
    assert cache.incr("hits") == 1
    assert cache.incr("hits", 5) == 6
    with pytest.raises(ValueError):
        cache.incr("nothing")


def test_many_keys_at_once(cache):
    cache.set_many({"a": 1, "b": 2}, 30)
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    cache.delete_many(["a"])
    assert cache.has_key("a") is False
    assert cache.get_or_set("c", 3, 30) == 3


def test_memory_entries_do_not_outlive_a_minute(cache, monkeypatch):
    cache.set("forever", "x", None)
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert cache.get("forever") is None


def test_calls_after_the_first_failure_do_not_wait_for_redis(cache):
    cache.get("warm-up")
    started = time.perf_counter()
    for n in range(200):
        cache.get(f"key-{n}")
    assert time.perf_counter() - started < 1.0  # trying Redis each time: over 3 s


def test_ping_says_redis_is_down(cache):
    assert cache.ping() is False
