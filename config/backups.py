"""Backing up and restoring the database and the uploaded files (``bin/backup``,
``bin/restore``; see the README, 备份与恢复).

A backup is a folder ``jindu-YYYYmmdd-HHMMSS`` holding

- ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3`` (a
  consistent copy through SQLite's online backup API, safe while the site writes);
- ``media.tar.gz``: MEDIA_ROOT;
- ``manifest.json``: when, the versions, the migrations applied, and each part's size and
  sha256.

The folder is readable by its owner only (0700, files 0600): it holds every student's
personal data.

A restore checks that the backup has exactly the expected parts, each with its sha256, and
that its database kind is the target's; it refuses a database that already has tables unless
forced, restores the database, swaps the unpacked files in for MEDIA_ROOT (nothing of the old
folder survives, and a failed unpacking leaves it untouched), then runs ``migrate`` so that a
backup made by an older version is brought up to this one.
"""

import argparse
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.utils import timezone, translation
from django.utils.translation import gettext

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
CHUNK = 1024 * 1024
DATABASE_PARTS = {"sqlite": SQLITE_COPY, "postgresql": PG_DUMP}
KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    pass


# Reading the configured database


def _is_sqlite(database: dict) -> bool:
    return database["ENGINE"] == "django.db.backends.sqlite3"


def _kind(database: dict) -> str:
    return "sqlite" if _is_sqlite(database) else "postgresql"


def _pg_environment(database: dict) -> dict[str, str]:
    """libpq's variables for ``database``: no password on the command line, where any user
    of the machine could read it."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str], database: dict) -> None:
    try:
        # PostgreSQL's own tools, found on PATH as the README says; no shell.
        subprocess.run(command, env=_pg_environment(database), check=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            gettext(
                "找不到 %(program)s：请安装与数据库服务器同一主版本的 PostgreSQL 客户端"
                "（Debian/Ubuntu：apt-get install postgresql-client）。"
            )
            % {"program": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            gettext("%(program)s 执行失败（退出码 %(code)s），见上方输出。")
            % {"program": command[0], "code": error.returncode}
        ) from error


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# Backup


@contextmanager
def _owner_only() -> Iterator[None]:
    """Everything created inside is readable by its owner only, whatever writes it (SQLite,
    pg_dump, tarfile)."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(parent: Path, database: dict, media_root: Path) -> Path:
    """Write a new dated backup folder under ``parent``; its path."""
    with _owner_only():
        return _write_backup(parent, database, media_root)


def _write_backup(parent: Path, database: dict, media_root: Path) -> Path:
    created = timezone.now()
    folder = parent / f"jindu-{timezone.localtime(created):%Y%m%d-%H%M%S}"
    parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700)
    database_part = folder / DATABASE_PARTS[_kind(database)]
    if _is_sqlite(database):
        _copy_sqlite(Path(database["NAME"]), database_part)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={database_part}"], database)
    with tarfile.open(folder / MEDIA, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    parts = [database_part, folder / MEDIA]
    manifest = {
        "created_at": created.isoformat(),
        "versions": _versions(),
        "database": _kind(database),
        "migrations": _applied_migrations(),
        "parts": {
            part.name: {"bytes": part.stat().st_size, "sha256": _sha256(part)} for part in parts
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return folder


def _copy_sqlite(source: Path, target: Path) -> None:
    if not source.exists():
        raise BackupError(gettext("SQLite 数据库文件不存在：%(path)s") % {"path": source})
    _sqlite_copy(source, target)


def _sqlite_copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as read, closing(sqlite3.connect(target)) as write:
        read.backup(write)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    import django
    import wagtail

    try:
        jindu = version("jindu")
    except PackageNotFoundError:
        jindu = "unknown"
    return {
        "jindu": jindu,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
    }


def _applied_migrations() -> dict[str, list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder.Migration.objects.values_list("app", "name")):
        applied.setdefault(app, []).append(name)
    return applied


# Restore


def restore(folder: Path, database: dict, media_root: Path, *, force: bool = False) -> None:
    kind = _checked_kind(folder)
    if kind != _kind(database):
        raise BackupError(
            gettext(
                "这是 %(backup_kind)s 数据库的备份，而目标数据库 %(name)s 是 %(target_kind)s，"
                "无法恢复，未做任何更改。请把 DATABASE_URL 指向同一种数据库。"
            )
            % {
                "backup_kind": KIND_NAMES[kind],
                "name": database["NAME"],
                "target_kind": KIND_NAMES[_kind(database)],
            }
        )
    if not force and _has_tables(database):
        raise BackupError(
            gettext("目标数据库 %(name)s 已有数据表，为避免覆盖已拒绝。确认要覆盖时加 --force。")
            % {"name": database["NAME"]}
        )
    with _unpacked_media(folder / MEDIA, media_root) as unpacked:
        if kind == "sqlite":
            _restore_sqlite(folder / SQLITE_COPY, database)
        else:
            _restore_postgresql(folder / PG_DUMP, database, force=force)
        _swap_in(unpacked, media_root)


def _checked_kind(folder: Path) -> str:
    """The backup's database kind, once its manifest lists exactly the expected parts and
    every part matches its sha256."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        kind = manifest["database"]
        expected = {DATABASE_PARTS[kind], MEDIA}
        parts = manifest["parts"]
        if set(parts) != expected:
            raise ValueError(parts)
        digests = {name: parts[name]["sha256"] for name in expected}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(
            gettext(
                "%(folder)s 不是完整的备份：%(manifest)s 无法读取，或没有恰好列出数据库文件和 "
                "%(media)s 及其 sha256，未做任何恢复。"
            )
            % {"folder": folder, "manifest": MANIFEST, "media": MEDIA}
        ) from error
    for name, digest in digests.items():
        path = folder / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(
                gettext("备份文件 %(name)s 缺失或已损坏（sha256 不符），未做任何恢复。")
                % {"name": name}
            )
    return kind


def _has_tables(database: dict) -> bool:
    if _is_sqlite(database):
        path = Path(database["NAME"])
        if not path.exists():
            return False
        with closing(sqlite3.connect(path)) as connection:
            found = connection.execute("select count(*) from sqlite_master where type='table'")
            return found.fetchone()[0] > 0
    query = "select count(*) from pg_tables where schemaname = 'public'"
    command = ["psql", "--no-psqlrc", "--tuples-only", "--no-align", "--command", query]
    counted = subprocess.run(  # noqa: S603
        command,
        env=_pg_environment(database),
        check=True,
        capture_output=True,
        text=True,
    )
    return int(counted.stdout.strip() or 0) > 0


def _restore_sqlite(copy: Path, database: dict) -> None:
    """Into the target through the backup API too: it replaces the whole content at once."""
    target = Path(database["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    _sqlite_copy(copy, target)


def _restore_postgresql(dump: Path, database: dict, *, force: bool) -> None:
    command = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction"]
    command.append("--exit-on-error")
    if force:
        command += ["--clean", "--if-exists"]
    _run([*command, f"--dbname={database['NAME']}", str(dump)], database)


@contextmanager
def _unpacked_media(archive_path: Path, media_root: Path) -> Iterator[Path]:
    """The archive unpacked into a new folder beside ``media_root`` (same file system, so it
    can be renamed into place); whatever is left of the folder is removed afterwards."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}-restoring-", dir=media_root.parent))
    try:
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                # The "data" filter refuses absolute paths, links out of the folder and devices.
                archive.extractall(staging, filter="data")
        except (OSError, tarfile.TarError) as error:
            raise BackupError(
                gettext("无法解压 %(archive)s（%(error)s），上传文件目录 %(media_root)s 未做更改。")
                % {"archive": archive_path.name, "error": error, "media_root": media_root}
            ) from error
        unpacked = staging / "media"
        unpacked.mkdir(exist_ok=True)
        yield unpacked
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(unpacked: Path, media_root: Path) -> None:
    """Replace ``media_root`` by ``unpacked``: files deleted since the backup must not
    survive. The old folder is moved aside and removed only once the new one is in place."""
    if not media_root.exists():
        unpacked.rename(media_root)
        return
    aside = unpacked.with_name("previous")
    try:
        media_root.rename(aside)
    except OSError as error:
        raise BackupError(
            gettext(
                "无法移开上传文件目录 %(media_root)s（%(error)s），它未做更改；数据库已恢复。"
                "MEDIA_ROOT 须是可改名的普通目录（不是挂载点），其上级目录须可写。"
            )
            % {"media_root": media_root, "error": error}
        ) from error
    try:
        unpacked.rename(media_root)
    except OSError:
        aside.rename(media_root)
        raise


# Command line


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    parser = argparse.ArgumentParser(prog="jindu-backup")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup")
    make.add_argument("parent", nargs="?", default=os.environ.get("BACKUP_DIR") or "backups")
    back = commands.add_parser("restore")
    back.add_argument("folder")
    back.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)

    database = settings.DATABASES["default"]
    media_root = Path(settings.MEDIA_ROOT)
    # No request here to pick the language: the messages speak the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            if args.command == "backup":
                folder = backup(Path(args.parent).resolve(), database, media_root)
                print(gettext("备份完成：%(folder)s") % {"folder": folder})
            else:
                restore(Path(args.folder), database, media_root, force=args.force)
                print(gettext("数据库和上传文件已恢复，正在迁移数据库结构……"))
                call_command("migrate", "--noinput", verbosity=1)
                print(gettext("恢复完成。"))
        except BackupError as error:
            print(gettext("错误：%(error)s") % {"error": error}, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
