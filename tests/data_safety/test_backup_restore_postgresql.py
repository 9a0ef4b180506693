"""bin/backup then bin/restore on PostgreSQL: restored into a new database of its own
(dropped afterwards), the key tables have the same rows and the media folder the same files.
Runs when the tests run on PostgreSQL (DATABASE_URL), as in CI."""

import json
import shutil
import uuid

import psycopg
import pytest
from django.db import connection

from tests.data_safety.backup_runs import backup_folder, build_slice, counts, media_files, run

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs the tests to run on PostgreSQL"
    ),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs PostgreSQL's client tools"),
]


def _url(settings_dict: dict, name: str) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = f"{settings_dict.get('HOST') or '127.0.0.1'}:{settings_dict.get('PORT') or 5432}"
    return f"postgres://{settings_dict['USER']}{password}@{host}/{name}"


def _connect(name: str, **options) -> psycopg.Connection:
    given = connection.settings_dict
    return psycopg.connect(
        dbname=name,
        host=given.get("HOST") or "127.0.0.1",
        port=given.get("PORT") or 5432,
        user=given["USER"],
        password=given.get("PASSWORD") or None,
        **options,
    )


@pytest.fixture
def fresh_database():
    """A new empty database named uniquely, dropped after the test."""
    name = f"restore_check_{uuid.uuid4().hex[:12]}"
    with _connect("postgres", autocommit=True) as admin:
        admin.execute(f'create database "{name}"')
    yield name
    with _connect("postgres", autocommit=True) as admin:
        admin.execute(f'drop database if exists "{name}" with (force)')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_postgresql(tmp_path, settings, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    build_slice()
    expected = counts(connection.cursor())
    source = _url(connection.settings_dict, connection.settings_dict["NAME"])

    made = run(
        "backup",
        str(tmp_path / "backups"),
        database_url=source,
        media_root=settings.MEDIA_ROOT,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    folder = backup_folder(tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == "postgresql"
    assert set(manifest["parts"]) == {"database.dump", "media.tar.gz"}

    target = _url(connection.settings_dict, fresh_database)
    restored = run(
        "restore",
        str(folder),
        database_url=target,
        media_root=tmp_path / "restored-media",
        cwd=tmp_path,
    )
    assert restored.returncode == 0, restored.stderr
    with _connect(fresh_database) as check:
        assert counts(check.cursor()) == expected
    assert media_files(tmp_path / "restored-media") == media_files(settings.MEDIA_ROOT)
