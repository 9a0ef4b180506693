"""Health endpoints for load balancers, process supervisors and monitoring.

``/healthz`` (liveness): JSON with each dependency's state and the queues' lag; 200 while the
database answers, 503 otherwise. ``/readyz`` (readiness): 200 only when the database answers,
every migration is applied and the cache answers, so a new machine gets traffic only then.
Neither is ever cached, and neither shows error texts, addresses or personal data.
"""

import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from config.cache import DegradingRedisCache
from wechat.lag import outbox_lag

logger = logging.getLogger(__name__)

_migrations_applied = False  # once true, true until this process ends (new code = new process)


@require_safe
@never_cache
def healthz(request):
    database = _database()
    checks: dict[str, Any] = {"database": database, "cache": _check(_cache_answers)}
    if database["ok"]:
        now = timezone.now()
        checks["task_queue_lag_seconds"] = _measure(_task_lag, now)
        checks["wechat_outbox_lag_seconds"] = _measure(outbox_lag, now)
    return _answer(database["ok"], checks)


@require_safe
@never_cache
def readyz(request):
    database = _database()
    checks = {
        "database": database,
        # Without the database, asking about migrations would only wait for it a second time.
        "migrations": _check(_migrations_done) if database["ok"] else {"ok": False},
        "cache": _check(_cache_answers),
    }
    return _answer(all(check["ok"] for check in checks.values()), checks)


def _answer(ok: bool, checks: dict[str, Any]) -> JsonResponse:
    response = JsonResponse(
        {"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503
    )
    # Probes come every few seconds: each failure is logged once below, not again by Django.
    response._has_been_logged = True
    return response


def _database() -> dict[str, Any]:
    started = time.perf_counter()
    result = _check(_database_answers)
    if result["ok"]:
        result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _check(probe: Callable[[], bool]) -> dict[str, Any]:
    """``{"ok": ...}``; an exception is logged here and shown only by its class name."""
    try:
        return {"ok": bool(probe())}
    except Exception as exc:  # a health check reports every failure, whatever raised it
        logger.warning("Health check %s failed: %r", probe.__name__, exc)
        return {"ok": False, "error": type(exc).__name__}


def _measure(measure: Callable, now) -> float | None:
    try:
        return round(measure(now), 1)
    except Exception as exc:  # a lag that cannot be measured is shown as unknown, not a failure
        logger.warning("Health measure %s failed: %r", measure.__name__, exc)
        return None


def _database_answers() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_answers() -> bool:
    cache = caches["default"]
    if isinstance(cache, DegradingRedisCache):
        return cache.ping()  # its get and set answer from memory while Redis is down
    probe, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(probe, token, 10)
    answered = cache.get(probe) == token
    cache.delete(probe)
    return answered


def _migrations_done() -> bool:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


def _task_lag(now) -> float:
    """Seconds since the longest-waiting task that may run now became due; 0 when none."""
    oldest = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        # A task without run_after (stored as the maximum date) is due since it was queued.
        queued=Min("enqueued_at", filter=Q(run_after=get_date_max())),
        scheduled=Min("run_after", filter=Q(run_after__lte=now)),
    )
    due_since = [moment for moment in oldest.values() if moment]
    return max((now - min(due_since)).total_seconds(), 0.0) if due_since else 0.0
