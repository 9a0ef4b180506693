"""A document upload, or a replacement of a document's file, while the disk is full: a
clear page, no new row, no half file; a replaced document keeps its old file."""

import errno

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.data_safety.failing_disk import fail_writes, media_files
from tests.data_safety.uploads import upload
from tests.factories import make_superuser

Document = get_document_model()
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def editor(client, db):
    client.force_login(make_superuser())
    return client


def test_new_document_on_full_disk(editor, monkeypatch):
    files = media_files()
    fail_writes(monkeypatch, errno.ENOSPC)

    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "读本", "file": upload("读本.pdf", PDF)}
    )

    assert response.status_code == 507
    assert "存储空间已满" in response.content.decode()
    assert not Document.objects.exists()
    assert media_files() == files


def test_replaced_file_is_kept_on_full_disk(editor, monkeypatch):
    document = Document.objects.create(title="读本", file=ContentFile(PDF, name="读本.pdf"))
    files = media_files()
    fail_writes(monkeypatch, errno.ENOSPC)

    response = editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "读本", "file": upload("新读本.pdf", PDF + b"%new\n")},
    )

    assert response.status_code == 507
    document.refresh_from_db()
    assert document.file.read() == PDF
    assert media_files() == files
