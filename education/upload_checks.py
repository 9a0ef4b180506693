"""Checks of an uploaded file before anything of it is kept: whether its content is what its
extension says, and for zip-based files (XLSX, DOCX, PPTX, ZIP) whether it would inflate to
far more than it weighs (a decompression bomb). Sizes, and everything about images (size,
pixels, formats), are checked by Wagtail's own fields with the limits in settings.

``CheckedDocumentForm`` is Wagtail's document form base (WAGTAILDOCS_DOCUMENT_FORM_BASE),
used by the single and the multiple upload and by the edit view.
"""

import zipfile
from collections.abc import Sequence

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

# Text compresses well, but not this well: a zip inflating past RATIO × its own size (once
# past RATIO_FLOOR, so a tiny file may compress as it likes) is refused.
RATIO = 100
RATIO_FLOOR = 1024 * 1024
DOCUMENT_MAX_INFLATED = 200 * 1024 * 1024
DOCUMENT_MAX_MEMBERS = 2000
SNIFF_BYTES = 64 * 1024

PDF = b"%PDF-"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
BINARY = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", PDF, OLE, b"PK", b"\x7fELF", b"MZ", b"\x1f\x8b")
# The folder every Office Open XML file of a kind keeps its content in.
OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


class UploadRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def zip_members(upload) -> list[zipfile.ZipInfo]:
    """The members a zip's directory lists; ``zipfile.BadZipFile`` when it is not a zip."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.infolist()
    except (OSError, EOFError, ValueError) as error:
        raise zipfile.BadZipFile(str(error)) from error
    finally:
        upload.seek(0)


def inflated_size(members: Sequence[zipfile.ZipInfo]) -> int:
    """What the members inflate to, as the zip's directory declares. Python's zipfile never
    inflates a member past its declared size, so this bounds what any reader can be made to
    read."""
    return sum(member.file_size for member in members)


def compressed_too_far(members: Sequence[zipfile.ZipInfo], size: int) -> bool:
    """Whether the members inflate past RATIO times the file's ``size`` (Apache POI refuses
    the same ratio), once past RATIO_FLOOR."""
    inflated = inflated_size(members)
    return inflated > RATIO_FLOOR and inflated > RATIO * max(size, 1)


def check_document(upload: UploadedFile) -> None:
    """UploadRefused unless the content of ``upload`` fits its extension. (Its size is
    checked by Wagtail's own document field against WAGTAILDOCS_MAX_UPLOAD_SIZE.)"""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    upload.seek(0)
    start = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not _content_fits(extension, start, upload):
        raise UploadRefused(
            _("文件内容与扩展名“.%(extension)s”不符，可能已损坏或被改了扩展名，已拒绝。")
            % {"extension": extension}
        )


def _content_fits(extension: str, start: bytes, upload: UploadedFile) -> bool:
    if extension == "pdf":
        return start.startswith(PDF)
    if extension in ("doc", "xls", "ppt"):
        return start.startswith(OLE)
    if extension == "txt":
        return b"\x00" not in start and not start.startswith(BINARY)
    if extension in OFFICE_FOLDERS or extension == "zip":
        return start.startswith(ZIP) and _zip_fits(extension, upload)
    return True  # an extension WAGTAILDOCS_EXTENSIONS allows without a known signature


def _zip_fits(extension: str, upload: UploadedFile) -> bool:
    try:
        members = zip_members(upload)
    except zipfile.BadZipFile:
        return False
    if (
        len(members) > DOCUMENT_MAX_MEMBERS
        or inflated_size(members) > DOCUMENT_MAX_INFLATED
        or compressed_too_far(members, upload.size)
    ):
        raise UploadRefused(_("压缩文件解压后过大，可能是恶意构造的文件，已拒绝。"))
    if extension == "zip":
        return True
    names = [member.filename for member in members]
    folder = OFFICE_FOLDERS[extension]
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            try:
                check_document(upload)
            except UploadRefused as refusal:
                raise forms.ValidationError(refusal.message) from None
        return upload

    def save(self, commit=True):
        # Wagtail deletes the replaced file before saving the new one: if that save failed
        # (a full disk), the row would point to no file. Delete it once the new one is kept.
        replaced = self.original_file if commit and "file" in self.changed_data else None
        if replaced:
            self.original_file = None
        document = super().save(commit=commit)
        if replaced:
            replaced.storage.delete(replaced.name)
        return document
