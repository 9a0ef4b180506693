"""Cache settings for the tests of Redis outages: a closed port, the real Redis, a private one."""

import uuid

CLOSED_PORT = "redis://127.0.0.1:1/0"
SHARED_REDIS = "redis://127.0.0.1:6379/0"


def degrading(location: str) -> dict:
    """CACHES with the site's Redis backend at ``location`` and a prefix of its own."""
    return {
        "default": {
            "BACKEND": "config.cache.DegradingRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"jindu-test-{uuid.uuid4().hex[:12]}",
        }
    }
