"""bin/backup then bin/restore on SQLite: the restored database has the same rows in its key
tables and the restored media folder the same files."""

import json
import sqlite3
from contextlib import closing

import pytest
from django.db import connection

from tests.data_safety.backup_runs import backup_folder, build_slice, counts, media_files, run

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite copy is tested in the SQLite run"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_sqlite(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    build_slice()
    source = tmp_path / "site.sqlite3"
    with closing(sqlite3.connect(source)) as copy:
        connection.connection.backup(copy)
    expected = counts(connection.cursor())
    assert expected["education_attempt"] > 0

    made = run(
        "backup",
        str(tmp_path / "backups"),
        database_url=f"sqlite:///{source}",
        media_root=settings.MEDIA_ROOT,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    folder = backup_folder(tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["parts"]) == {"database.sqlite3", "media.tar.gz"}
    assert "0005_period_purged_at" in manifest["migrations"]["education"]

    target = tmp_path / "restored.sqlite3"
    restored = run(
        "restore",
        str(folder),
        database_url=f"sqlite:///{target}",
        media_root=tmp_path / "restored-media",
        cwd=tmp_path,
    )
    assert restored.returncode == 0, restored.stderr
    with closing(sqlite3.connect(target)) as check:
        assert counts(check.cursor()) == expected
    assert media_files(tmp_path / "restored-media") == media_files(settings.MEDIA_ROOT)
    assert len(media_files(settings.MEDIA_ROOT)) == 2
