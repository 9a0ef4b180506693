"""A restore trusts a backup only when its manifest lists exactly the database part and the
media archive, each with its sha256: anything else is refused with a message (exit code 1
from bin/restore, no traceback) and nothing is restored."""

import json

import pytest

from config.backups import MANIFEST, BackupError, restore
from tests.data_safety.backup_runs import run
from tests.data_safety.small_backups import make_backup, sqlite_database


def _no_parts(manifest):
    manifest["parts"] = {}


def _without_parts(manifest):
    del manifest["parts"]


def _without_kind(manifest):
    del manifest["database"]


def _unknown_kind(manifest):
    manifest["database"] = "mysql"


def _media_only(manifest):
    del manifest["parts"]["database.sqlite3"]


def _extra_part(manifest):
    manifest["parts"]["notes.txt"] = {"sha256": "0" * 64}


def _without_sha256(manifest):
    del manifest["parts"]["media.tar.gz"]["sha256"]


def _parts_as_list(manifest):
    manifest["parts"] = ["database.sqlite3", "media.tar.gz"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage",
    [
        _no_parts,
        _without_parts,
        _without_kind,
        _unknown_kind,
        _media_only,
        _extra_part,
        _without_sha256,
        _parts_as_list,
    ],
)
def test_incomplete_manifest_is_refused(tmp_path, damage):
    folder = make_backup(tmp_path)
    manifest = json.loads((folder / MANIFEST).read_text())
    damage(manifest)
    (folder / MANIFEST).write_text(json.dumps(manifest))
    target = tmp_path / "new.sqlite3"
    with pytest.raises(BackupError, match="不是完整的备份"):
        restore(folder, sqlite_database(target), tmp_path / "restored")
    assert not target.exists()
    assert not (tmp_path / "restored").exists()


@pytest.mark.django_db
def test_unreadable_manifest_exits_with_message(tmp_path):
    folder = make_backup(tmp_path)
    (folder / MANIFEST).write_text('{"database": "sqlite", "parts": ')
    restored = run(
        "restore",
        str(folder),
        database_url=f"sqlite:///{tmp_path / 'new.sqlite3'}",
        media_root=tmp_path / "restored",
        cwd=tmp_path,
    )
    assert restored.returncode == 1
    assert "错误：" in restored.stderr
    assert "不是完整的备份" in restored.stderr
    assert "Traceback" not in restored.stderr
    assert not (tmp_path / "restored").exists()
