import time

import pytest
from django.core.cache import caches
from django_ratelimit import core as ratelimit_core

# django-ratelimit counts in fixed windows that end on the clock: a test whose requests
# straddle the end of a window would see its count start again. Every test counts in one
# window that ends long after the run.
_ONE_WINDOW = int(time.time()) + 7 * 24 * 3600


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches: rate limits, site root paths and renditions."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _one_rate_limit_window(monkeypatch):
    monkeypatch.setattr(ratelimit_core, "_get_window", lambda value, period: _ONE_WINDOW)
