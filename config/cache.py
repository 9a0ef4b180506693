"""A Redis cache that keeps the site serving while Redis is unreachable or refuses writes.

When a call to Redis fails to connect or times out, or Redis answers that it is a read-only
replica (after a failover), this process stops asking Redis for ``RETRY_SECONDS`` and
answers from a small cache in its own memory (entries live at most ``MEMORY_TTL`` seconds).
Everything keeps its meaning inside one process: a lock taken with ``add`` holds, a counter
counts. Across processes it is weaker: rate limits count per process, and one process does
not see another's writes. After the pause a single thread tries Redis again; when it
answers, the keys this process set or deleted in memory meanwhile are deleted from Redis
(Redis may hold older values for them) and the memory cache is emptied. Keys created with
``add`` (locks, rate-limit counters) are left alone: another process may hold them in Redis
by now, and they expire by themselves.

When Redis refuses a write for another reason (``OutOfMemoryError`` under ``noeviction``,
any other error answer), only that write goes to process memory: reads keep using Redis,
which still answers them, and the key written is deleted from Redis (deleting is allowed
when memory is full) so that no reader gets the value the write meant to replace.

A warning is logged when Redis is found down or refusing writes, at most once per
``WARN_EVERY`` seconds per process for each, and an info line when it is back. ``ping`` asks
Redis itself, for health checks.
"""

import logging
import threading
import time
from collections.abc import Iterable

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis import exceptions as redis_errors
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
WARN_EVERY = 60.0
MEMORY_TTL = 60
MEMORY_MAX_ENTRIES = 500  # per cache and process; a cached page may be 100 KB
DIRTY_MAX = 10_000  # keys remembered for deletion on recovery
# A read-only replica counts as down: nothing written lands, and what it reads may be older
# than what this process writes meanwhile.
REDIS_DOWN = (
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
    redis_errors.InvalidResponse,
    redis_errors.ReadOnlyError,
)
# Short waits: a page should not stall when Redis does not answer. One immediate retry
# replaces a pooled connection that Redis closed (after a restart) without a visible error.
DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.25,
    "retry": Retry(NoBackoff(), 1),
}
WRITES = {"set", "add", "touch", "delete", "incr"}
# Writes whose refused key is deleted from Redis, so that its older value is not read.
REPLACING = {"set", "incr", "set_many"}
ALL_WRITES = WRITES | {"set_many", "delete_many", "clear"}


class _Every:
    """Yes at most once per ``seconds``, across the threads of this process."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._lock = threading.Lock()
        self._last = float("-inf")

    def due(self) -> bool:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self._seconds:
                return False
            self._last = now
            return True


class _Outage:
    """Whether Redis is down for one cache, shared by every thread of this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down = False
        self._retry_at = 0.0
        self._outage_warning = _Every(WARN_EVERY)
        self._refusal_warning = _Every(WARN_EVERY)
        self._dirty: set[str] = set()
        self._added: set[str] = set()

    def skip_redis(self) -> bool:
        """Whether to answer from memory; after the pause, False for one thread only."""
        if not self.down or time.monotonic() < self._retry_at:
            return self.down
        with self._lock:
            now = time.monotonic()
            if not self.down or now < self._retry_at:
                return self.down
            # This thread probes; the others keep to memory until it has an answer.
            self._retry_at = now + RETRY_SECONDS
            return False

    def failed(self, location: str, exc: Exception) -> None:
        with self._lock:
            self.down = True
            self._retry_at = time.monotonic() + RETRY_SECONDS
        if self._outage_warning.due():
            logger.warning(
                "Redis cache unreachable (%s); serving from process memory",
                type(exc).__name__,
                extra={"cache_location": _without_password(location)},
            )

    def refused(self, location: str, exc: Exception) -> None:
        if self._refusal_warning.due():
            logger.warning(
                "Redis cache refused a write (%s: %s); writing to process memory",
                type(exc).__name__,
                exc,
                extra={"cache_location": _without_password(location)},
            )

    def recovered(self) -> set[str] | None:
        """The keys written in memory during the outage when it has just ended, else None."""
        if not self.down:
            return None
        with self._lock:
            if not self.down:
                return None
            self.down = False
            dirty = self._dirty - self._added
            self._dirty, self._added = set(), set()
        logger.info("Redis cache reachable again")
        return dirty

    def remember(self, keys: Iterable[str], added: bool = False) -> None:
        remembered = self._added if added else self._dirty
        with self._lock:
            for key in keys:
                if len(remembered) >= DIRTY_MAX:
                    return
                remembered.add(key)


def _keys_of(name: str, args: tuple, kwargs: dict) -> list:
    """The keys a cache call writes (its first argument, or the keys of ``set_many``)."""
    if name == "set_many":
        return list(kwargs.get("data", args[0] if args else {}))
    if name == "delete_many":
        return list(kwargs.get("keys", args[0] if args else ()))
    return [kwargs.get("key", args[0] if args else None)]


_outages: dict[str, _Outage] = {}  # by location and key prefix
_outages_lock = threading.Lock()


def _outage_for(name: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(name, _Outage())


def _without_password(location: str) -> str:
    scheme, sep, rest = location.partition("://")
    return f"{scheme}{sep}{rest.rpartition('@')[2]}"


class _ShortMemory(LocMemCache):
    """Process memory for an outage: no entry outlives ``MEMORY_TTL`` seconds."""

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return super().get_backend_timeout(
            MEMORY_TTL if timeout is None else min(timeout, MEMORY_TTL)
        )


def _routed(name: str):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if self._outage.skip_redis():
            return self._in_memory(name, args, kwargs)
        try:
            result = redis_method(self, *args, **kwargs)
        except REDIS_DOWN as exc:
            self._outage.failed(self._location, exc)
            return self._in_memory(name, args, kwargs)
        except redis_errors.RedisError as exc:
            if name not in ALL_WRITES:
                raise
            self._outage.refused(self._location, exc)
            return self._refused_write(name, args, kwargs)
        except ValueError:
            if name != "incr":
                raise
            # Not in Redis: perhaps added in memory when Redis refused the write.
            return self._memory.incr(*args, **kwargs)
        self._after_success()
        return result

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


class DegradingRedisCache(RedisCache):
    """Django's Redis cache, answering from process memory while Redis is unreachable."""

    def __init__(self, server, params):
        # The socket timeouts and retry are set here only, for every cache of this backend.
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = server
        # Per location and prefix: the keys remembered during an outage are deleted on
        # recovery with this cache's prefix, and each cache (the page cache is another) keeps
        # its own memory, so large pages do not push out counters and sessions.
        name = f"{server}|{self.key_prefix}"
        self._outage = _outage_for(name)
        memory_params = {
            key: params[key] for key in ("TIMEOUT", "KEY_PREFIX", "VERSION") if key in params
        }
        memory_params["OPTIONS"] = {"MAX_ENTRIES": MEMORY_MAX_ENTRIES}
        self._memory = _ShortMemory(f"redis-outage:{name}", memory_params)

    get = _routed("get")
    set = _routed("set")
    add = _routed("add")
    touch = _routed("touch")
    delete = _routed("delete")
    get_many = _routed("get_many")
    has_key = _routed("has_key")
    incr = _routed("incr")
    set_many = _routed("set_many")
    delete_many = _routed("delete_many")
    clear = _routed("clear")

    def ping(self) -> bool:
        """Whether Redis answers now (asked directly, even during a pause)."""
        try:
            self._cache.get_client(write=True).ping()
        except REDIS_DOWN as exc:
            self._outage.failed(self._location, exc)
            return False
        self._after_success()
        return True

    def _in_memory(self, name: str, args: tuple, kwargs: dict):
        if name in WRITES:
            self._outage.remember([_keys_of(name, args, kwargs)[0]], added=name == "add")
        elif name in ("set_many", "delete_many"):
            self._outage.remember(_keys_of(name, args, kwargs))
        return getattr(self._memory, name)(*args, **kwargs)

    def _refused_write(self, name: str, args: tuple, kwargs: dict):
        if name in REPLACING:
            try:
                RedisCache.delete_many(self, _keys_of(name, args, kwargs))
            except redis_errors.RedisError:
                pass  # refused as well: the write is lost either way
        return getattr(self._memory, name)(*args, **kwargs)

    def _after_success(self) -> None:
        dirty = self._outage.recovered()
        if dirty is None:
            return
        self._memory.clear()
        if dirty:
            try:
                RedisCache.delete_many(self, dirty)
            except REDIS_DOWN as exc:
                self._outage.failed(self._location, exc)
                self._outage.remember(dirty)
