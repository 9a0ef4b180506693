"""The QR code of a booking: the absolute address of its check-in page, which staff at the
door open by scanning it with a phone. Inline SVG for the page, SVG or PNG to download."""

import io

import segno
from django.http import HttpRequest
from django.urls import reverse

from booking.models import Booking

# Medium error correction survives a scratched phone screen; a quiet zone of 4 modules is
# what scanners expect.
ERROR = "m"
PNG_SCALE = 10
SVG_SCALE = 8


def checkin_url(request: HttpRequest, booking: Booking) -> str:
    return request.build_absolute_uri(reverse("booking:checkin_booking", args=[booking.code]))


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR, micro=False)


def inline_svg(url: str, title: str) -> str:
    """An <svg> element without a fixed size, to scale with the page (CSS sets its width)."""
    return _qr(url).svg_inline(
        scale=SVG_SCALE, omitsize=True, title=title, svgclass="visit-qr-code", lineclass=None
    )


def svg_file(url: str) -> bytes:
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="svg", scale=SVG_SCALE, xmldecl=True)
    return buffer.getvalue()


def png_file(url: str) -> bytes:
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="png", scale=PNG_SCALE)
    return buffer.getvalue()
