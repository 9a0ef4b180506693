"""A Redis that has become a read-only replica (after a failover) counts as down: writes do
not fail, and this process reads back what it wrote from its own memory."""

import redis
from django.core.cache import caches
from django.test import override_settings

from tests.production.private_redis import free_port, needs_redis_server
from tests.production.redis_caches import degrading

pytestmark = needs_redis_server


def test_writes_to_a_read_only_replica_do_not_fail(redis_server):
    with override_settings(CACHES=degrading(redis_server.url)):
        cache = caches["default"]
        cache.set("before", "written")
        # A replica of a primary that is not there stays read-only and serves its data.
        redis.Redis(port=redis_server.port).replicaof("127.0.0.1", free_port())

        cache.set("after", "in memory")
        assert cache.add("lock", "mine") is True
        assert cache.get("after") == "in memory"
        assert cache.get("lock") == "mine"
