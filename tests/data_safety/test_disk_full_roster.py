"""A roster upload whose temporary file cannot be written (full disk): a clear page, no
import kept, whether the view is the first to read the upload or the CSRF check is (its
error then reaches the project's handler500 instead of a middleware's process_exception)."""

import errno
import os

import pytest
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import Client
from django.utils.crypto import get_random_string

from education.models import RosterImport
from tests.schools.roster_uploads import csv_file, upload


class FullDiskHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture(autouse=True)
def _full_disk(settings):
    settings.FILE_UPLOAD_HANDLERS = [f"{__name__}.FullDiskHandler"]


def upload_roster(client, schools):
    client.force_login(schools.coordinator_a)
    return upload(client, schools.school_a, csv_file([["1", "张三", "七年级", "1班"]]))


def assert_full_disk_page(response):
    assert response.status_code == 507
    assert "存储空间已满" in response.content.decode()
    assert not RosterImport.objects.exists()


def test_read_by_the_view(client, schools):
    # This client raises any error that reaches handler500, so the page came from the view's.
    assert_full_disk_page(upload_roster(client, schools))


def test_read_by_the_csrf_check(schools, settings):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)

    response = upload_roster(client, schools)

    assert response.exc_info is not None  # handled as an uncaught error, by handler500
    assert response.exc_info[1].errno == errno.ENOSPC
    assert_full_disk_page(response)
