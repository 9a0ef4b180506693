"""An outage is logged as one warning per minute per process, not one per cache call, and the
warning names the server without its password."""

import logging

from django.core.cache import caches
from django.test import override_settings

from config import cache as degrading_cache
from tests.production.redis_caches import degrading

WITH_PASSWORD = "redis://:s3cret-pass@127.0.0.1:1/0"


def test_one_warning_for_many_failures(caplog, monkeypatch):
    monkeypatch.setattr(degrading_cache, "RETRY_SECONDS", 0)  # every call tries Redis
    with override_settings(CACHES=degrading(WITH_PASSWORD)), caplog.at_level(logging.WARNING):
        cache = caches["default"]
        for n in range(5):
            cache.set(f"k{n}", n, 10)
            cache.get(f"k{n}")
    warnings = [r for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()
    assert warnings[0].cache_location == "redis://127.0.0.1:1/0"
    assert "s3cret" not in caplog.text
