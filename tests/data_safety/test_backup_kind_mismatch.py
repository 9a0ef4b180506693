"""A backup restores only onto the same kind of database: a SQLite backup onto PostgreSQL,
or the reverse, is refused with a message and nothing is written."""

import json
from pathlib import Path

import pytest

from config.backups import MANIFEST, BackupError, _sha256, restore
from tests.data_safety.small_backups import make_backup, sqlite_database

POSTGRESQL = {"ENGINE": "django.db.backends.postgresql", "NAME": "jindu"}


def _as_postgresql_backup(folder: Path) -> None:
    """Relabel ``folder`` as a PostgreSQL backup, consistent in every sha256."""
    (folder / "database.sqlite3").rename(folder / "database.dump")
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["database"] = "postgresql"
    manifest["parts"] = {
        name: {"sha256": _sha256(folder / name)} for name in ("database.dump", "media.tar.gz")
    }
    (folder / MANIFEST).write_text(json.dumps(manifest))


@pytest.mark.django_db
def test_sqlite_backup_onto_postgresql_is_refused(tmp_path, monkeypatch):
    folder = make_backup(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BackupError, match="SQLite 数据库的备份.*jindu 是 PostgreSQL"):
        restore(folder, POSTGRESQL, tmp_path / "restored", force=True)
    assert not (tmp_path / "jindu").exists()
    assert not (tmp_path / "restored").exists()


@pytest.mark.django_db
def test_postgresql_backup_onto_sqlite_is_refused(tmp_path):
    folder = make_backup(tmp_path)
    _as_postgresql_backup(folder)
    target = tmp_path / "new.sqlite3"
    with pytest.raises(BackupError, match="PostgreSQL 数据库的备份.*是 SQLite"):
        restore(folder, sqlite_database(target), tmp_path / "restored", force=True)
    assert not target.exists()
    assert not (tmp_path / "restored").exists()
