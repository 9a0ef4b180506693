import pytest

from config import cache as degrading_cache
from tests.production.private_redis import redis_server  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def _fresh_outage_state():
    """Each test starts as if Redis had never been found down in this process."""
    degrading_cache._outages.clear()
    yield
    degrading_cache._outages.clear()
