"""A slice of the site's data (pages, schools, students, a past year's results, an image and
a document) committed to the test database, ``bin/backup`` and ``bin/restore`` run as an
operator runs them, and what to compare between two databases."""

import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.data_safety.old_results import build_old_results
from tests.data_safety.uploads import png_bytes
from tests.factories import build_site

BIN = Path(settings.BASE_DIR) / "bin"
KEY_TABLES = [
    "auth_user",
    "wagtailcore_page",
    "wagtailimages_image",
    "wagtaildocs_document",
    "education_school",
    "education_student",
    "education_attempt",
    "education_attemptitem",
    "education_result",
    "education_ratecount",
    "education_dailyprogress",
    "django_migrations",
]


def build_slice() -> None:
    build_site()
    build_old_results()
    get_image_model().objects.create(
        title="海报", file=ContentFile(png_bytes(), name="海报.png"), width=40, height=30
    )
    get_document_model().objects.create(
        title="家庭读本", file=ContentFile("远离毒品".encode(), name="读本.txt")
    )


def counts(cursor) -> dict[str, int]:
    found = {}
    for table in KEY_TABLES:
        cursor.execute(f"select count(*) from {table}")  # noqa: S608 - names from the list above
        found[table] = cursor.fetchone()[0]
    return found


def media_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def run(script: str, *args: str, database_url: str, media_root: Path, cwd: Path):
    """Run ``bin/<script>`` from ``cwd`` (not the repository: it must find its way)."""
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    return subprocess.run(
        [str(BIN / script), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


def backup_folder(parent: Path) -> Path:
    (folder,) = parent.iterdir()
    return folder
