import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches: rate limits, site root paths and renditions."""
    for cache in caches.all():
        cache.clear()
    yield
