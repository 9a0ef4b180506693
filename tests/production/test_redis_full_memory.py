"""When Redis refuses writes because its memory is full (``maxmemory`` with ``noeviction``),
pages still render: the refused write goes to process memory, reads keep using Redis, and
the key written is deleted from Redis so its older value is not read. One warning is logged."""

import logging

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from tests.factories import build_site
from tests.production.private_redis import needs_redis_server
from tests.production.redis_caches import degrading

pytestmark = needs_redis_server


def fill_up(port: int) -> None:
    raw = redis.Redis(port=port)
    raw.config_set("maxmemory", "1mb")
    raw.config_set("maxmemory-policy", "noeviction")
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        for number in range(10_000):
            raw.set(f"filler:{number}", "x" * 10_000)
    # Well below what is used now, so that no write of the test happens to fit.
    raw.config_set("maxmemory", "512kb")


@pytest.fixture
def full_redis_cache(redis_server):
    with override_settings(CACHES=degrading(redis_server.url)):
        cache = caches["default"]
        cache.set("kept", "from before")
        cache.set("replaced", "old value")
        fill_up(redis_server.port)
        yield cache


def test_writes_do_not_fail_and_reads_use_redis(full_redis_cache, caplog):
    cache = full_redis_cache
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        cache.set("replaced", "new value")
        cache.set_many({"other": 1, "another": 2})
    assert cache.get("kept") == "from before"  # Redis still answers reads
    assert cache.get("replaced") is None  # not the value the write meant to replace
    refusals = [r for r in caplog.records if "refused a write" in r.getMessage()]
    assert len(refusals) == 1


def test_add_and_incr_keep_counting_in_this_process(full_redis_cache):
    cache = full_redis_cache
    assert cache.add("rate", 1, 60) is True
    assert cache.add("rate", 1, 60) is False
    assert cache.incr("rate") == 2


@pytest.mark.django_db
def test_an_anonymous_page_renders(redis_server, client):
    build_site()
    with override_settings(CACHES=degrading(redis_server.url)):
        fill_up(redis_server.port)
        # Wagtail stores the site's root paths in the cache while serving the page.
        assert client.get("/news/").status_code == 200
