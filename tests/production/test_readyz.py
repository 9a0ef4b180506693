"""/readyz answers 200 only when the database answers, every migration is applied and the
cache answers; otherwise 503, naming the check that failed."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from config import health
from tests.production.redis_caches import CLOSED_PORT, degrading
from tests.production.unreachable import unreachable_database

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _migrations_not_yet_checked(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


def test_ready(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {
        "database": response.json()["checks"]["database"],
        "migrations": {"ok": True},
        "cache": {"ok": True},
    }
    assert "no-store" in response["Cache-Control"]


def test_not_ready_with_a_migration_left(client):
    app, name = MigrationLoader(connection).graph.leaf_nodes("wechat")[0]
    MigrationRecorder(connection).record_unapplied(app, name)  # as if not yet run
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == {"ok": False}


def test_not_ready_without_redis(client):
    with override_settings(CACHES=degrading(CLOSED_PORT)):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False}


def test_not_ready_without_the_database(client, monkeypatch):
    monkeypatch.setattr(health, "connections", {"default": unreachable_database()})
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is False
