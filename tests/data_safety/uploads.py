"""Files for the upload tests: real, disguised and decompression bombs, all built here."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image


def png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG of a few hundred bytes that declares 900 million pixels: decoding it would take
    gigabytes of memory."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(row * 4)),
            _chunk(b"IEND", b""),
        )
    )


def zip_bomb(*names: str, inflated: int = 50 * 1024 * 1024) -> bytes:
    """A zip of ``names`` (small parts) plus one member of ``inflated`` zero bytes, which
    deflates a thousandfold."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, "<x/>")
        with archive.open("zeros.xml", "w") as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(inflated // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_upload(client, view: str, name: str, content: bytes, title: str = "资料"):
    """Posts one file to a Wagtail admin add view (``wagtaildocs:add``, ``wagtailimages:add``)."""
    return client.post(reverse(view), {"title": title, "file": upload(name, content)})


def assert_refused(response, message: str, model) -> None:
    """The form came back with ``message`` and nothing was saved."""
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not model.objects.exists()
