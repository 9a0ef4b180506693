"""An image upload in the admin while the disk is full or read-only: a clear page (507 or
503), no image row, no half-written file left in the media folder."""

import errno

import pytest
from django.urls import reverse
from wagtail.images import get_image_model

from tests.data_safety.failing_disk import fail_writes, media_files
from tests.data_safety.uploads import png_bytes, upload
from tests.factories import make_superuser


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [(errno.ENOSPC, 507, "存储空间已满"), (errno.EROFS, 503, "存储目录不可写")],
)
def test_image_upload_on_failing_disk(client, db, monkeypatch, code, status, message):
    client.force_login(make_superuser())
    files = media_files()
    fail_writes(monkeypatch, code)

    response = client.post(
        reverse("wagtailimages:add"), {"title": "海报", "file": upload("海报.png", png_bytes())}
    )

    assert response.status_code == status
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert media_files() == files
