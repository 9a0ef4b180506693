"""/healthz answers 200 with JSON while the database answers: each dependency's state, the
database's latency, and how long the oldest due task and the oldest due WeChat message
have been waiting. Never cached; no addresses, names or error texts in it."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from wechat.models import Message

pytestmark = pytest.mark.django_db


def task(**fields) -> DBTaskResult:
    fields.setdefault("run_after", get_date_max())
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="wechat.tasks.deliver_messages",
        backend_name="default",
        **fields,
    )


def message(key: str, due: datetime.datetime, status=Message.Status.PENDING) -> Message:
    return Message.objects.create(
        kind="booking_confirmed",
        channel="email",
        idempotency_key=key,
        status=status,
        next_attempt_at=due,
    )


def test_all_well_and_idle(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    checks = body["checks"]
    assert checks["database"]["ok"] is True
    assert checks["database"]["latency_ms"] >= 0
    assert checks["cache"] == {"ok": True}
    assert checks["task_queue_lag_seconds"] == 0
    assert checks["wechat_outbox_lag_seconds"] == 0
    assert "no-store" in response["Cache-Control"]


def test_lags_count_from_when_the_oldest_became_due(client):
    now = timezone.now()
    queued = task()
    DBTaskResult.objects.filter(pk=queued.pk).update(
        enqueued_at=now - datetime.timedelta(minutes=5)
    )
    task(run_after=now - datetime.timedelta(minutes=2))
    task(run_after=now + datetime.timedelta(hours=1))  # not due yet
    task(status="SUCCESSFUL", run_after=now - datetime.timedelta(days=1))  # done
    message("late", now - datetime.timedelta(minutes=10))
    message("sent", now - datetime.timedelta(hours=3), status=Message.Status.SENT)
    message("later", now + datetime.timedelta(minutes=30))

    checks = client.get("/healthz").json()["checks"]
    assert 300 <= checks["task_queue_lag_seconds"] < 360
    assert 600 <= checks["wechat_outbox_lag_seconds"] < 660


def test_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
