"""bin/restore checks before it writes: a part whose sha256 does not match, or a target
database that already has tables (without --force), is refused with a message and nothing
is restored."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from config.backups import BackupError, restore
from tests.data_safety.small_backups import make_backup, notes, sqlite_database


@pytest.fixture
def made(tmp_path) -> Path:
    return make_backup(tmp_path)


@pytest.mark.django_db
def test_damaged_part_is_refused(made, tmp_path):
    archive = made / "media.tar.gz"
    archive.write_bytes(archive.read_bytes()[:-10])
    with pytest.raises(BackupError, match="sha256 不符"):
        restore(made, sqlite_database(tmp_path / "new.sqlite3"), tmp_path / "restored")
    assert not (tmp_path / "new.sqlite3").exists()
    assert not (tmp_path / "restored").exists()


@pytest.mark.django_db
def test_database_with_tables_needs_force(made, tmp_path):
    target = tmp_path / "busy.sqlite3"
    with closing(sqlite3.connect(target)) as db:
        db.execute("create table other (x)")
    with pytest.raises(BackupError, match="--force"):
        restore(made, sqlite_database(target), tmp_path / "restored")
    assert not (tmp_path / "restored").exists()

    restore(made, sqlite_database(target), tmp_path / "restored", force=True)
    assert notes(target) == [("一",)]
    assert (tmp_path / "restored" / "documents" / "读本.txt").read_text() == "远离毒品"
