"""Uploads when the disk is full or the media folder cannot be written.

``MediaStorage`` removes what a failed write left behind, so no half file stays in
MEDIA_ROOT. A file field saves its file before its row is inserted, so a failed save leaves
no row either. Such a failure gets a clear page instead of a server error, 507 when the disk
is full, 503 when the folder is read-only or not writable: from ``StorageErrorMiddleware``
when a view raised it, from the project's ``handler500`` (``config.error_pages``) when a
middleware did, as the CSRF check does when it reads a form whose upload cannot be written
to its temporary file. A request body is parsed only when something reads it.
"""

import errno
import logging

from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        # The storage picked a free name before calling us: a file there now is ours.
        existed = self.exists(name)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed and self.exists(name):
                self.delete(name)
            raise


def storage_error_status(error: BaseException | None) -> int | None:
    """507 or 503 for a failure to write to disk, None for any other error."""
    if not isinstance(error, OSError):
        return None
    if error.errno in FULL:
        return 507
    if error.errno in NOT_WRITABLE:
        return 503
    return None


def storage_error_page(request, exception: BaseException | None) -> HttpResponse | None:
    """The "file not saved" page for a failure to write to disk, logged; None for any other
    error."""
    status = storage_error_status(exception)
    if status is None:
        return None
    logger.error("Upload not saved: %s", exception, exc_info=exception)
    if status == 507:
        message = _("服务器存储空间已满，文件没有保存。请稍后再试，或联系网站管理员。")
    else:
        message = _("服务器暂时无法保存文件（存储目录不可写），文件没有保存。请联系网站管理员。")
    response = render(
        request, "storage_error.html", {"message": message, "status": status}, status=status
    )
    response._has_been_logged = True  # logged above: Django need not log it again
    return response


class StorageErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return storage_error_page(request, exception)
