"""A backup holds every student's personal data: its folder is readable by its owner only
(0700) and so is every file in it (0600), whatever the process's umask."""

import os
import stat

import pytest

from tests.data_safety.small_backups import make_backup


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.django_db
def test_backup_is_readable_by_owner_only(tmp_path, open_umask):
    folder = make_backup(tmp_path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [path.name for path in files] == ["database.sqlite3", "manifest.json", "media.tar.gz"]
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in files} == {
        path.name: 0o600 for path in files
    }
    assert os.umask(0o022) == 0o022
