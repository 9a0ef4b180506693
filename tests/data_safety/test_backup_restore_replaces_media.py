"""A forced restore replaces MEDIA_ROOT with the backup's files: a file added since the
backup is gone, and nothing is left beside the folder."""

import pytest

from config.backups import restore
from tests.data_safety.small_backups import make_backup, notes, sqlite_database


@pytest.mark.django_db
def test_file_added_after_backup_is_gone(tmp_path):
    folder = make_backup(tmp_path)
    media = tmp_path / "media"
    (media / "images").mkdir()
    (media / "images" / "新海报.png").write_bytes(b"png")
    (media / "documents" / "读本.txt").write_text("改过")

    restore(folder, sqlite_database(tmp_path / "source.sqlite3"), media, force=True)

    found = sorted(str(path.relative_to(media)) for path in media.rglob("*"))
    assert found == ["documents", "documents/读本.txt"]
    assert (media / "documents" / "读本.txt").read_text() == "远离毒品"
    assert notes(tmp_path / "source.sqlite3") == [("一",)]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "backups",
        "media",
        "source.sqlite3",
    ]
