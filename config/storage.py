"""Uploads when the disk is full or the media folder cannot be written.

``MediaStorage`` removes what a failed write left behind, so no half file stays in
MEDIA_ROOT. A file field saves its file before its row is inserted, so a failed save leaves
no row either. ``StorageErrorMiddleware`` answers such a failure (and one while the upload
itself is being received into a temporary file) with a clear page instead of a server error:
507 when the disk is full, 503 when the folder is read-only or not writable.
"""

import errno
import logging

from django.core.files.storage import FileSystemStorage
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


def storage_error_status(error: BaseException) -> int | None:
    """507 or 503 for a failure to write to disk, None for any other error."""
    if not isinstance(error, OSError):
        return None
    if error.errno in FULL:
        return 507
    if error.errno in NOT_WRITABLE:
        return 503
    return None


class StorageErrorMiddleware:
    """Put first in MIDDLEWARE: it reads a multipart upload before the other middleware, so a
    temporary file that cannot be written is answered here too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.FILES  # noqa: B018 - parses the upload now
            except OSError as error:
                response = self.process_exception(request, error)
                if response is None:
                    raise
                return response
        return self.get_response(request)

    def process_exception(self, request, exception):
        status = storage_error_status(exception)
        if status is None:
            return None
        logger.error("Upload not saved: %s", exception, exc_info=exception)
        if status == 507:
            message = _("服务器存储空间已满，文件没有保存。请稍后再试，或联系网站管理员。")
        else:
            message = _(
                "服务器暂时无法保存文件（存储目录不可写），文件没有保存。请联系网站管理员。"
            )
        context = {"message": message, "status": status}
        return render(request, "storage_error.html", context, status=status)
