"""A roster upload whose temporary file cannot be written (full disk): a clear page, no
import kept."""

import errno
import os

from django.core.files.uploadhandler import TemporaryFileUploadHandler

from education.models import RosterImport
from tests.schools.roster_uploads import csv_file, upload


class FullDiskHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_roster_upload_on_full_disk(client, schools, settings):
    settings.FILE_UPLOAD_HANDLERS = [f"{__name__}.FullDiskHandler"]
    client.force_login(schools.coordinator_a)

    response = upload(client, schools.school_a, csv_file([["1", "张三", "七年级", "1班"]]))

    assert response.status_code == 507
    assert "存储空间已满" in response.content.decode()
    assert not RosterImport.objects.exists()
