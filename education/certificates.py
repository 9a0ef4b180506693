"""The certificate of a passing attempt: a PNG drawn with Pillow on request. It carries a
minor's full name, so it is never written to the public media folder: the bytes are kept an
hour in the cache (about 110 KB each: a busy day's certificates would fill Redis) and served
only by the certificate view, which lets the browser alone keep them longer.

The text needs a CJK font: ``settings.CERTIFICATE_FONT`` if set, else Noto Sans CJK, WenQuanYi
or any font fontconfig lists for Chinese. Without one the certificate is refused (a system
check warns, education.W001) rather than drawn as empty boxes.
"""

import functools
import io
import shutil
import subprocess
from pathlib import Path

import segno
from django.conf import settings
from django.core.cache import cache
from django.core.checks import Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from education.models import Attempt, School

SIZE = (1080, 1440)
RED = "#c62828"
DARK_RED = "#9f1d17"
GOLD = "#d4a537"
PALE = "#fdf4f2"
INK = "#1b2430"
MUTED = "#4f5d6c"
WHITE = "#ffffff"
QR_SIZE = 220
QR_LEFT = SIZE[0] - 150 - QR_SIZE
CACHE_SECONDS = 60 * 60

# The body keeps to three lines above the details.
TITLE_CHARS = 36
NO_LINE_START = "，。、；：！？”’）》」』"

FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FONT_PATTERNS = ("NotoSansCJK-Regular.tt?", "NotoSansCJK*.tt?", "NotoSansSC*", "wqy-*.tt?")


class CertificateFontMissing(ImproperlyConfigured):
    pass


def cache_key(code: str) -> str:
    return f"education:certificate:{code}"


def certificate_png(attempt: Attempt, verify_url: str) -> bytes:
    """The certificate image of a passing attempt, drawn again once an hour at most."""
    if not attempt.passed or not attempt.certificate_code:
        raise ValueError("only a passing attempt has a certificate")
    key = cache_key(attempt.certificate_code)
    image = cache.get(key)
    if image is None:
        image = draw_certificate(attempt, verify_url)
        cache.set(key, image, CACHE_SECONDS)
    return image


# Names


def holder_name(attempt: Attempt) -> str:
    """The full name: the student's on the roster, or the account's; empty for a visitor."""
    if attempt.student is not None:
        return attempt.student.name
    if attempt.user is not None:
        return attempt.user.get_full_name().strip()
    return ""


def mask_name(name: str) -> str:
    """张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return f"{name[0]}*"
    return f"{name[0]}{'*' * (len(name) - 2)}{name[-1]}"


def public_name(attempt: Attempt) -> str:
    """The name a public page may show: minors' (school students below university) masked."""
    name = holder_name(attempt)
    school = attempt.school
    if attempt.student is not None and (school is None or school.level != School.Level.UNIVERSITY):
        return mask_name(name)
    return name


# Fonts


def certificate_font_path() -> str | None:
    return _find_font(getattr(settings, "CERTIFICATE_FONT", "") or "")


@functools.lru_cache(maxsize=4)
def _find_font(configured: str) -> str | None:
    if configured:
        return configured if Path(configured).is_file() else None
    for pattern in FONT_PATTERNS:
        for folder in FONT_FOLDERS:
            found = sorted(folder.rglob(pattern)) if folder.is_dir() else []
            if found:
                return str(found[0])
    return _fontconfig_chinese_font()


def _fontconfig_chinese_font() -> str | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    listed = subprocess.run(  # noqa: S603 (a fixed command, no outside input)
        [fc_list, ":lang=zh-cn", "-f", "%{file}\n"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout.split()
    return sorted(listed)[0] if listed else None


@functools.lru_cache(maxsize=32)
def _font(path: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    if bold:
        heavier = Path(path.replace("Regular", "Bold"))
        path = str(heavier) if heavier.is_file() else path
    return ImageFont.truetype(path, size, index=_simplified_face(path))


@functools.lru_cache(maxsize=8)
def _simplified_face(path: str) -> int:
    """In a font collection, the face for Simplified Chinese (Noto's "… SC"), else the first."""
    for index in range(16):
        try:
            family, _style = ImageFont.truetype(path, 12, index=index).getname()
        except OSError:
            break
        if family and family.endswith(" SC"):
            return index
    return 0


def fonts() -> "functools.partial[ImageFont.FreeTypeFont]":
    path = certificate_font_path()
    if path is None:
        raise CertificateFontMissing(
            "No CJK font found for certificates: install fonts-noto-cjk or set CERTIFICATE_FONT."
        )
    return functools.partial(_font, path)


@register()
def certificate_font_check(app_configs, **kwargs):
    if certificate_font_path() is None:
        return [
            Warning(
                "No CJK font found: certificate images cannot be drawn.",
                hint="Install fonts-noto-cjk (Debian/Ubuntu) or set CERTIFICATE_FONT to the path "
                "of a font with Chinese characters.",
                id="education.W001",
            )
        ]
    return []


# Drawing


def draw_certificate(attempt: Attempt, verify_url: str) -> bytes:
    font = fonts()
    image = Image.new("RGB", SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    _frame(draw, width, height)

    _centred(draw, 150, settings.WAGTAIL_SITE_NAME, font(34, False), RED)
    _centred(draw, 215, _("禁毒知识合格证书"), font(92, True), RED)
    draw.line([(300, 350), (780, 350)], fill=GOLD, width=4)
    draw.line([(360, 362), (720, 362)], fill=GOLD, width=2)

    draw.text((150, 430), _("兹证明"), font=font(40, False), fill=INK)
    name = holder_name(attempt) or _("持证人")
    name_font = font(88 if len(name) <= 6 else 60, True)
    _centred(draw, 500, name, name_font, INK)
    draw.line([(240, 625), (840, 625)], fill=INK, width=2)
    if attempt.school is not None:
        _centred(draw, 650, attempt.school.name, font(38, False), MUTED)

    body = _("参加“%(quiz)s”，成绩 %(score)s 分，达到合格标准，特发此证。") % {
        "quiz": Truncator(attempt.quiz_title).chars(TITLE_CHARS),
        "score": attempt.score,
    }
    _paragraph(draw, (150, 740), body, font(40, False), INK, width - 300, line_height=66)

    _details(draw, attempt, font)
    _seal(draw, (560, 1110), font)
    image.paste(_qr(verify_url), (QR_LEFT, 990))
    _centred(draw, 1222, _("扫码验证真伪"), font(26, False), MUTED, left=QR_LEFT, span=QR_SIZE)
    _centred(draw, height - 122, _("珍爱生命 · 远离毒品"), font(32, True), WHITE)

    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _frame(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    draw.rectangle([(0, 0), (width - 1, height - 1)], fill=PALE)
    draw.rectangle([(36, 36), (width - 37, height - 37)], fill=WHITE, outline=RED, width=14)
    draw.rectangle([(62, 62), (width - 63, height - 63)], outline=GOLD, width=3)
    for x, y in ((62, 62), (width - 63, 62), (62, height - 63), (width - 63, height - 63)):
        draw.regular_polygon((x, y, 16), 4, rotation=45, fill=RED)
    draw.rectangle([(62, height - 140), (width - 63, height - 63)], fill=RED)


def _centred(draw, y, text, font, fill, *, left: int = 0, span: int = SIZE[0]) -> None:
    draw.text((left + (span - draw.textlength(text, font=font)) / 2, y), text, font=font, fill=fill)


def _paragraph(draw, origin, text, font, fill, width, *, line_height) -> int:
    """Wrap Chinese text character by character, never starting a line with closing
    punctuation; returns the y below the last line."""
    x, y = origin
    line = ""
    for character in text:
        too_long = draw.textlength(line + character, font=font) > width
        if too_long and character not in NO_LINE_START:
            draw.text((x, y), line, font=font, fill=fill)
            line, y = character, y + line_height
        else:
            line += character
    draw.text((x, y), line, font=font, fill=fill)
    return y + line_height


def _seal(draw, centre, font) -> None:
    x, y = centre
    draw.ellipse([(x - 110, y - 110), (x + 110, y + 110)], outline=RED, width=8)
    draw.ellipse([(x - 92, y - 92), (x + 92, y + 92)], outline=RED, width=3)
    label_font = font(64, True)
    label = _("合格")
    box = draw.textbbox((0, 0), label, font=label_font)
    draw.text(
        (x - (box[2] - box[0]) / 2 - box[0], y - (box[3] - box[1]) / 2 - box[1]),
        label,
        font=label_font,
        fill=RED,
    )


def _details(draw, attempt: Attempt, font) -> None:
    issued = formats.date_format(timezone.localtime(attempt.submitted_at), "Y年n月j日")
    label, value = font(30, False), font(34, True)
    rows = [
        (_("成绩"), _("%(score)s 分") % {"score": attempt.score}),
        (_("发证日期"), issued),
        (_("证书编号"), attempt.certificate_code),
    ]
    y = 1000
    for caption, text in rows:
        draw.text((150, y), caption, font=label, fill=MUTED)
        draw.text((150, y + 40), text, font=value, fill=INK)
        y += 100


def _qr(url: str) -> Image.Image:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2, dark=INK)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB").resize((QR_SIZE, QR_SIZE), Image.Resampling.NEAREST)
