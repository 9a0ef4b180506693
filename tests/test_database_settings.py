"""The embedded SQLite default (WAL, immediate transactions) and Redis when REDIS_URL is set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SETUP = "import django; django.setup(); from django.conf import settings; "


def run(code: str, **env) -> str:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS_", "DJANGO_"))
    }
    clean.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", SETUP + code],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_default_database_is_a_sqlite_file_in_the_project_folder():
    out = run("d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])")
    engine, name = out.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == REPO / "db.sqlite3"


def test_empty_database_url_means_the_default():
    out = run("print(settings.DATABASES['default']['NAME'])", DATABASE_URL="")
    assert Path(out) == REPO / "db.sqlite3"


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    code = (
        "from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); "
        "print(cursor.fetchone()[0], settings.DATABASES['default']['OPTIONS']['transaction_mode'])"
    )
    out = run(code, DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    assert out.split() == ["wal", "IMMEDIATE"]


def test_without_redis_the_cache_is_local_memory():
    out = run("print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)")
    assert out.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
    ]


def _redis_is_up() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    not (_redis_is_up() or os.environ.get("CI")), reason="no Redis server on 127.0.0.1:6379"
)
def test_redis_url_puts_cache_and_sessions_in_redis():
    code = (
        "from django.core.cache import cache; "
        "cache.set('jindu-settings-test', '知晓率', 30); "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, "
        "cache.get('jindu-settings-test'))"
    )
    out = run(code, REDIS_URL="redis://127.0.0.1:6379/15")
    assert out.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "知晓率",
    ]
