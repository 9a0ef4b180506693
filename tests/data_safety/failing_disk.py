"""A media storage whose disk fills up (or turns read-only) half-way through writing a file:
running as root, chmod would not stop the writes, so the failure is made at the storage."""

import errno
import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def fail_writes(monkeypatch, code: int = errno.ENOSPC) -> None:
    def half_written(storage, name, content):
        path = Path(storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.read(10))
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(FileSystemStorage, "_save", half_written)


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
