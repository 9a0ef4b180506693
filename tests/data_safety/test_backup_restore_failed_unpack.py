"""When the media archive cannot be unpacked (here: the disk fills up halfway), the restore
stops with a message before touching anything: the current uploaded files and database stay
as they were, and the half-unpacked folder is removed."""

import errno
import tarfile

import pytest

from config.backups import BackupError, restore
from tests.data_safety.small_backups import add_note, make_backup, notes, sqlite_database


def _disk_fills_up(self, path, *args, **kwargs):
    (path / "media").mkdir()
    (path / "media" / "half.txt").write_text("一半")
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.django_db
def test_failed_unpack_leaves_media_untouched(tmp_path, monkeypatch):
    folder = make_backup(tmp_path)
    media = tmp_path / "media"
    (media / "added.txt").write_text("备份之后上传")
    database = tmp_path / "source.sqlite3"
    add_note(database, "二")
    monkeypatch.setattr(tarfile.TarFile, "extractall", _disk_fills_up)

    with pytest.raises(BackupError, match="无法解压 media.tar.gz.*未做更改"):
        restore(folder, sqlite_database(database), media, force=True)

    assert (media / "added.txt").read_text() == "备份之后上传"
    assert (media / "documents" / "读本.txt").read_text() == "远离毒品"
    assert notes(database) == [("一",), ("二",)]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "backups",
        "media",
        "source.sqlite3",
    ]
