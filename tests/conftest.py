import os
import time

import pytest
from django.core.cache import caches
from django_ratelimit import core as ratelimit_core
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests (tests/property/, tests/booking/test_property_*.py): the "ci" profile draws
# the same examples on every run, so a red CI run can be replayed anywhere and a green one
# does not turn red by chance; no example database is written into the checkout. Each
# example rolls its writes back itself, hence the function-scoped fixtures are fine.
# HYPOTHESIS_PROFILE=explore searches with fresh random examples.
_PROPERTY_SETTINGS = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
hypothesis_settings.register_profile("ci", derandomize=True, **_PROPERTY_SETTINGS)
hypothesis_settings.register_profile("explore", **_PROPERTY_SETTINGS)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
