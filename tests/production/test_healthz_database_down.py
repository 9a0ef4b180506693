"""/healthz answers 503 when the database cannot be reached: the database check fails with
the error's class name only (no host, user or message), the queue lags are left out, and the
cache is still reported."""

import pytest
from django.db import connections

from config import health
from tests.production.unreachable import unreachable_database

pytestmark = pytest.mark.django_db


def test_503_without_details(client, monkeypatch):
    monkeypatch.setattr(health, "connections", {"default": unreachable_database()})
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert body["checks"]["cache"] == {"ok": True}
    assert "task_queue_lag_seconds" not in body["checks"]
    settings_dict = connections["default"].settings_dict
    text = response.content.decode()
    assert "127.0.0.1" not in text and "unreachable" not in text
    assert str(settings_dict["NAME"]) not in text
