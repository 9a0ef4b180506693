"""The embedded SQLite default (WAL, immediate transactions), PostgreSQL's connect timeout,
and the cache in Redis when REDIS_URL is set."""

import os
import socket
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


PG_URL = "postgres://jindu@127.0.0.1:5432/jindu"
PRINT_OPTIONS = "print(sorted(settings.DATABASES['default']['OPTIONS'].items()))"


def test_postgresql_gives_up_connecting_after_5_seconds_by_default():
    assert run(PRINT_OPTIONS, DATABASE_URL=PG_URL) == "[('connect_timeout', 5)]"


def test_postgresql_connect_timeout_from_its_variable():
    out = run(PRINT_OPTIONS, DATABASE_URL=PG_URL, DATABASE_CONNECT_TIMEOUT="2")
    assert out == "[('connect_timeout', 2)]"


def test_postgresql_connect_timeout_in_the_url_wins():
    out = run(
        PRINT_OPTIONS,
        DATABASE_URL=f"{PG_URL}?connect_timeout=9&sslmode=disable",
        DATABASE_CONNECT_TIMEOUT="2",
    )
    assert out == "[('connect_timeout', 9), ('sslmode', 'disable')]"


def test_a_silent_postgresql_host_fails_fast():
    """A host that takes the connection but never answers: an error within the timeout."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        code = (
            "import time; from django.db import connection, OperationalError; "
            "start = time.monotonic()\n"
            "try:\n connection.ensure_connection()\n"
            "except OperationalError:\n print(round(time.monotonic() - start))"
        )
        out = run(
            code,
            DATABASE_URL=f"postgres://jindu@127.0.0.1:{port}/jindu",
            DATABASE_CONNECT_TIMEOUT="1",
        )
    assert out in {"1", "2"}


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
def test_redis_url_puts_the_cache_in_redis_and_sessions_stay_in_the_database():
    code = (
        "from django.core.cache import cache; "
        "cache.set('jindu-settings-test', '知晓率', 30); "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, "
        "cache.get('jindu-settings-test'))"
    )
    out = run(code, REDIS_URL="redis://127.0.0.1:6379/15")
    assert out.split() == [
        "config.cache.DegradingRedisCache",
        "django.contrib.sessions.backends.db",
        "知晓率",
    ]


def test_redis_socket_timeouts_are_set_in_the_cache_backend_only():
    code = (
        "from django.core.cache import cache; "
        "print('socket_timeout' in settings.CACHES['default'].get('OPTIONS', {}), "
        "cache._options['socket_timeout'], cache._options['socket_connect_timeout'])"
    )
    out = run(code, REDIS_URL="redis://127.0.0.1:1/0")
    assert out.split() == ["False", "0.25", "0.25"]
