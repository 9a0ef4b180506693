"""A small backup made in-process: a SQLite database with one row and a media folder with
one document, for the tests of what a restore checks and replaces."""

import sqlite3
from contextlib import closing
from pathlib import Path

from config.backups import backup


def sqlite_database(path: Path) -> dict:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


def make_backup(tmp_path: Path) -> Path:
    """Back up ``tmp_path/source.sqlite3`` and ``tmp_path/media``; the backup folder."""
    source = tmp_path / "source.sqlite3"
    with closing(sqlite3.connect(source)) as db:
        db.execute("create table note (text)")
    add_note(source, "一")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "读本.txt").write_text("远离毒品")
    return backup(tmp_path / "backups", sqlite_database(source), media)


def notes(path: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("select text from note").fetchall()


def add_note(path: Path, text: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("insert into note values (?)", (text,))
        db.commit()
