"""Illustrations for the demo content, drawn with Pillow: gradients, shapes and pictograms.

Nothing is downloaded. Chinese captions are drawn only when a CJK font is installed;
otherwise the pictures carry no Chinese text at all.
"""

import io
import math
import os
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SUPERSAMPLE = 2  # shapes are drawn at twice the size and scaled down for smooth edges

WHITE = (255, 255, 255)
INK = (15, 23, 42)
RED = (220, 38, 38)

# (gradient start, gradient end, accent)
PALETTES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "teal": ((13, 148, 136), (19, 78, 74), (153, 246, 228)),
    "navy": ((37, 99, 235), (15, 23, 42), (147, 197, 253)),
    "green": ((22, 163, 74), (20, 83, 45), (217, 249, 157)),
    "crimson": ((220, 38, 38), (69, 10, 10), (254, 202, 202)),
    "amber": ((217, 119, 6), (124, 45, 18), (254, 240, 138)),
    "violet": ((124, 58, 237), (30, 27, 75), (221, 214, 254)),
    "slate": ((71, 85, 105), (15, 23, 42), (203, 213, 225)),
    "sky": ((14, 165, 233), (12, 74, 110), (186, 230, 253)),
    "rose": ((219, 39, 119), (80, 7, 36), (251, 207, 232)),
}

_FONT_DIRS = [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
]
_CJK_FONT_NAMES = (
    "notosanscjk",
    "notoserifcjk",
    "notosanssc",
    "sourcehansans",
    "sourcehanserif",
    "wqy",
    "droidsansfallback",
    "msyh",
    "simhei",
    "pingfang",
    "hiragino sans gb",
    "stheiti",
)
_LATIN_BOLD_NAMES = ("dejavusans-bold.ttf", "liberationsans-bold.ttf", "arialbd.ttf")


def _font_files():
    for folder in _FONT_DIRS:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    yield Path(dirpath) / name


def _glyph_pixels(font: ImageFont.FreeTypeFont, char: str) -> bytes:
    image = Image.new("L", (64, 64))
    ImageDraw.Draw(image).text((8, 8), char, font=font, fill=255)
    return image.tobytes()


def _draws_glyph(path: Path, char: str) -> bool:
    """True if the font has a real glyph for ``char`` (not the empty "missing" box)."""
    try:
        font = ImageFont.truetype(str(path), 48)
    except OSError:
        return False
    missing, glyph = _glyph_pixels(font, "\U000f0000"), _glyph_pixels(font, char)
    return bool(glyph.strip(b"\x00")) and glyph != missing


@cache
def cjk_font_path() -> Path | None:
    """An installed font that can draw Chinese, or None."""
    for path in sorted(_font_files()):
        name = path.name.lower().replace(" ", "")
        if any(key.replace(" ", "") in name for key in _CJK_FONT_NAMES) and _draws_glyph(
            path, "禁"
        ):
            return path
    return None


@cache
def _latin_font_path() -> Path | None:
    for path in _font_files():
        if path.name.lower() in _LATIN_BOLD_NAMES:
            return path
    return None


def _latin_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _latin_font_path()
    if path:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _mix(a, b, t: float) -> tuple[int, int, int]:
    t = max(0.0, min(1.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _rgba(color, alpha: int) -> tuple[int, int, int, int]:
    return (*color, alpha)


def _background(size, palette, rng: random.Random) -> Image.Image:
    """A diagonal gradient with two soft glows, computed small and scaled up smoothly."""
    start, end, accent = palette
    sw, sh = 64, max(16, round(64 * size[1] / size[0]))
    glows = [
        (rng.uniform(0.55, 0.95) * sw, rng.uniform(0.05, 0.45) * sh, rng.uniform(0.35, 0.6) * sw),
        (rng.uniform(0.0, 0.35) * sw, rng.uniform(0.6, 1.0) * sh, rng.uniform(0.25, 0.45) * sw),
    ]
    pixels = []
    for y in range(sh):
        for x in range(sw):
            color = _mix(start, end, x / sw * 0.55 + y / sh * 0.45)
            for gx, gy, radius in glows:
                distance = math.hypot(x - gx, y - gy) / radius
                if distance < 1:
                    color = _mix(color, accent, (1 - distance) ** 2 * 0.32)
            pixels.append(color)
    small = Image.new("RGB", (sw, sh))
    small.putdata(pixels)
    return small.resize(size, Image.Resampling.BICUBIC)


def _decorate(draw: ImageDraw.ImageDraw, size, rng: random.Random) -> None:
    """Rings, a dot grid and a wave band in translucent white."""
    w, h = size
    for _ in range(3):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.2, 1.2) * h
        r = rng.uniform(0.18, 0.45) * h
        for step in range(3):
            rr = r + step * h * 0.05
            draw.ellipse(
                [cx - rr, cy - rr, cx + rr, cy + rr],
                outline=_rgba(WHITE, 26 - step * 6),
                width=max(2, round(h * 0.006)),
            )
    gx, gy = rng.choice([(0.06, 0.1), (0.78, 0.08), (0.06, 0.62)])
    gap = h * 0.035
    dot = h * 0.006
    for i in range(6):
        for j in range(5):
            x, y = gx * w + i * gap, gy * h + j * gap
            draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=_rgba(WHITE, 70))
    phase = rng.uniform(0, math.tau)
    for layer, alpha in ((0, 28), (1, 20)):
        base = h * (0.86 - layer * 0.05)
        points = [(0, h)]
        for k in range(0, 41):
            x = w * k / 40
            y = base + math.sin(phase + layer + k / 40 * math.tau * 1.3) * h * 0.025
            points.append((x, y))
        points.append((w, h))
        draw.polygon(points, fill=_rgba(WHITE, alpha))


class Canvas:
    """Coordinates relative to a square motif box: (-1, -1) top left, (1, 1) bottom right."""

    def __init__(self, draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float, accent):
        self.draw = draw
        self.cx, self.cy, self.r = cx, cy, radius
        self.accent = accent

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return (self.cx + x * self.r, self.cy + y * self.r)

    def box(self, x0, y0, x1, y1) -> list[float]:
        return [*self.pt(x0, y0), *self.pt(x1, y1)]

    def w(self, value: float) -> int:
        return max(1, round(value * self.r))

    def circle(self, x, y, radius, **kwargs):
        self.draw.ellipse(self.box(x - radius, y - radius, x + radius, y + radius), **kwargs)

    def poly(self, points, **kwargs):
        self.draw.polygon([self.pt(x, y) for x, y in points], **kwargs)

    def line(self, points, width: float, **kwargs):
        self.draw.line([self.pt(x, y) for x, y in points], width=self.w(width), **kwargs)

    def rect(self, x0, y0, x1, y1, radius: float = 0, **kwargs):
        if radius:
            self.draw.rounded_rectangle(self.box(x0, y0, x1, y1), radius=self.w(radius), **kwargs)
        else:
            self.draw.rectangle(self.box(x0, y0, x1, y1), **kwargs)

    def arc(self, x, y, radius, start, end, width: float, **kwargs):
        self.draw.arc(
            self.box(x - radius, y - radius, x + radius, y + radius),
            start,
            end,
            width=self.w(width),
            **kwargs,
        )

    def text(self, x, y, text, font, **kwargs):
        self.draw.text(self.pt(x, y), text, font=font, anchor="mm", **kwargs)


SOFT = _rgba(WHITE, 235)
FAINT = _rgba(WHITE, 150)


def _heart(c: Canvas, x, y, r, fill):
    c.circle(x - 0.5 * r, y - 0.15 * r, 0.56 * r, fill=fill)
    c.circle(x + 0.5 * r, y - 0.15 * r, 0.56 * r, fill=fill)
    c.poly(
        [(x - 1.03 * r, y + 0.05 * r), (x + 1.03 * r, y + 0.05 * r), (x, y + 1.05 * r)], fill=fill
    )


def _gear(c: Canvas, x, y, r, fill, hole, teeth=9):
    points = []
    steps = teeth * 4
    for i in range(steps):
        angle = math.tau * i / steps
        radius = r if i % 4 in (0, 1) else r * 0.78
        points.append((x + math.cos(angle) * radius, y + math.sin(angle) * radius))
    c.poly(points, fill=fill)
    c.circle(x, y, r * 0.35, fill=hole)


def _person(c: Canvas, x, y, r, fill):
    c.circle(x, y - 0.9 * r, 0.42 * r, fill=fill)
    c.draw.chord(c.box(x - 0.8 * r, y - 0.35 * r, x + 0.8 * r, y + 1.25 * r), 180, 360, fill=fill)


def _warning_badge(c: Canvas, x, y, r):
    c.poly(
        [(x, y - r), (x + 1.1 * r, y + 0.85 * r), (x - 1.1 * r, y + 0.85 * r)], fill=(251, 191, 36)
    )
    c.line([(x, y - 0.45 * r), (x, y + 0.25 * r)], 0.18 * r, fill=INK)
    c.circle(x, y + 0.55 * r, 0.1 * r, fill=INK)


def _prohibition(c: Canvas, x, y, r):
    c.circle(x, y, r, outline=RED, width=c.w(0.16 * r))
    d = r * 0.68
    c.line([(x - d, y - d), (x + d, y + d)], 0.16 * r, fill=RED)


def motif_shield(c: Canvas, rng: random.Random):
    def side(sign):
        top = [(0, -0.92), (sign * 0.45, -0.8), (sign * 0.72, -0.62), (sign * 0.72, 0.0)]
        curve = []
        for k in range(1, 13):
            t = k / 12
            # quadratic curve from the shoulder down to the point of the shield
            x = (1 - t) ** 2 * sign * 0.72 + 2 * (1 - t) * t * sign * 0.68 + t**2 * 0
            y = (1 - t) ** 2 * 0.0 + 2 * (1 - t) * t * 0.62 + t**2 * 0.95
            curve.append((x, y))
        return top + curve

    right = side(1)
    left = list(reversed(side(-1)))
    c.poly(right + left, fill=SOFT)
    inner = [(x * 0.8, y * 0.8 + 0.01) for x, y in right + left]
    c.poly(inner, fill=_rgba(c.accent, 255))
    c.line([(-0.3, 0.02), (-0.07, 0.27), (0.34, -0.26)], 0.13, fill=WHITE, joint="curve")


def motif_book(c: Canvas, rng: random.Random):
    c.poly([(-0.95, -0.5), (-0.02, -0.38), (-0.02, 0.68), (-0.95, 0.56)], fill=SOFT)
    c.poly([(0.95, -0.5), (0.02, -0.38), (0.02, 0.68), (0.95, 0.56)], fill=_rgba(WHITE, 215))
    for i in range(5):
        y = -0.22 + i * 0.16
        c.line([(-0.82, y - 0.06), (-0.14, y + 0.02)], 0.035, fill=_rgba(c.accent, 255))
        c.line([(0.14, y + 0.02), (0.82, y - 0.06)], 0.035, fill=_rgba(c.accent, 255))
    _heart(c, 0.0, -0.78, 0.22, fill=(248, 113, 113))


def motif_school(c: Canvas, rng: random.Random):
    c.rect(-0.8, -0.05, 0.8, 0.8, fill=SOFT)
    c.poly([(-0.95, -0.05), (0, -0.58), (0.95, -0.05)], fill=WHITE)
    c.circle(0, -0.25, 0.13, fill=_rgba(c.accent, 255))
    c.line([(0, -0.58), (0, -0.98)], 0.03, fill=WHITE)
    c.poly([(0.02, -0.98), (0.36, -0.9), (0.02, -0.8)], fill=RED)
    for x in (-0.62, -0.34, 0.18, 0.46):
        c.rect(x, 0.1, x + 0.16, 0.3, fill=_rgba(c.accent, 255))
        c.rect(x, 0.45, x + 0.16, 0.65, fill=_rgba(c.accent, 255))
    c.rect(-0.11, 0.42, 0.11, 0.8, radius=0.05, fill=_rgba(c.accent, 255))


def motif_community(c: Canvas, rng: random.Random):
    houses = [(-0.62, 0.25, 0.42), (0.05, 0.0, 0.55), (0.66, 0.3, 0.36)]
    for x, top, half in houses:
        c.rect(x - half * 0.8, top, x + half * 0.8, 0.8, fill=SOFT)
        c.poly([(x - half, top + 0.02), (x, top - half * 0.75), (x + half, top + 0.02)], fill=WHITE)
        c.rect(x - half * 0.45, top + 0.18, x - half * 0.1, top + 0.42, fill=_rgba(c.accent, 255))
        c.rect(x + half * 0.1, top + 0.18, x + half * 0.45, top + 0.42, fill=_rgba(c.accent, 255))
    c.line([(0.98, 0.8), (0.98, 0.45)], 0.05, fill=WHITE)
    c.circle(0.98, 0.32, 0.2, fill=(134, 239, 172))
    _heart(c, 0.05, -0.72, 0.16, fill=(248, 113, 113))


def motif_family(c: Canvas, rng: random.Random):
    c.line([(-0.8, -0.02), (0, -0.72), (0.8, -0.02)], 0.1, fill=WHITE, joint="curve")
    c.line([(-0.62, -0.12), (-0.62, 0.8), (0.62, 0.8), (0.62, -0.12)], 0.1, fill=WHITE)
    _person(c, -0.28, 0.22, 0.26, fill=SOFT)
    _person(c, 0.26, 0.22, 0.26, fill=SOFT)
    _person(c, 0.0, 0.5, 0.16, fill=_rgba(c.accent, 255))
    _heart(c, 0.0, -0.3, 0.16, fill=(248, 113, 113))


def motif_enterprise(c: Canvas, rng: random.Random):
    c.rect(-0.9, 0.15, 0.9, 0.82, fill=SOFT)
    roof = [(-0.9, 0.15)]
    for k in range(4):
        x0 = -0.9 + k * 0.36
        roof += [(x0, -0.15), (x0 + 0.36, 0.15)]
    roof.append((0.54, 0.15))
    c.poly(roof, fill=WHITE)
    c.rect(0.58, -0.62, 0.78, 0.15, fill=WHITE)
    for i, (x, y, r) in enumerate([(0.7, -0.78, 0.1), (0.82, -0.92, 0.13), (0.62, -0.98, 0.08)]):
        c.circle(x, y, r, fill=_rgba(WHITE, 150 - i * 30))
    for x in (-0.74, -0.38, -0.02, 0.34):
        c.rect(x, 0.36, x + 0.2, 0.56, fill=_rgba(c.accent, 255))
    _gear(c, -0.55, -0.55, 0.28, fill=_rgba(c.accent, 255), hole=_rgba(WHITE, 0))


def motif_rural(c: Canvas, rng: random.Random):
    c.circle(0.55, -0.45, 0.24, fill=(253, 224, 71))
    for k in range(10):
        angle = math.tau * k / 10
        x0, y0 = 0.55 + math.cos(angle) * 0.33, -0.45 + math.sin(angle) * 0.33
        x1, y1 = 0.55 + math.cos(angle) * 0.45, -0.45 + math.sin(angle) * 0.45
        c.line([(x0, y0), (x1, y1)], 0.04, fill=(253, 224, 71))
    c.draw.chord(c.box(-1.3, 0.15, 0.5, 1.45), 180, 360, fill=(187, 247, 208))
    c.draw.chord(c.box(-0.3, 0.3, 1.4, 1.3), 180, 360, fill=(134, 239, 172))
    c.rect(-1.3, 0.78, 1.4, 0.86, fill=(134, 239, 172))
    for k in range(5):
        x = 0.05 + k * 0.22
        c.line([(x, 0.78), (x, 0.6)], 0.025, fill=(21, 128, 61))
        c.circle(x, 0.56, 0.05, fill=(250, 204, 21))
    c.rect(-0.72, -0.1, -0.22, 0.32, fill=SOFT)
    c.poly([(-0.82, -0.1), (-0.47, -0.42), (-0.12, -0.1)], fill=WHITE)
    c.rect(-0.54, 0.08, -0.4, 0.32, fill=_rgba(c.accent, 255))


def motif_venue(c: Canvas, rng: random.Random):
    c.rect(-0.75, -0.35, 0.55, 0.85, fill=SOFT)
    c.rect(-0.85, -0.6, 0.65, -0.3, radius=0.06, fill=_rgba(c.accent, 255))
    for k in range(7):
        c.circle(-0.72 + k * 0.2, -0.45, 0.04, fill=WHITE)
    c.rect(-0.25, 0.35, 0.05, 0.85, fill=_rgba(c.accent, 255))
    for x in (-0.6, 0.2):
        c.rect(x, -0.1, x + 0.22, 0.15, fill=_rgba(c.accent, 255))
    for x, y, s in ((0.78, -0.2, 1.0), (0.92, 0.3, 0.75)):
        c.draw.ellipse(c.box(x - 0.12 * s, y, x + 0.06 * s, y + 0.13 * s), fill=WHITE)
        c.line([(x + 0.05 * s, y + 0.06 * s), (x + 0.05 * s, y - 0.4 * s)], 0.04 * s, fill=WHITE)
        c.line([(x + 0.05 * s, y - 0.4 * s), (x + 0.2 * s, y - 0.3 * s)], 0.04 * s, fill=WHITE)
    _prohibition(c, 0.62, 0.55, 0.28)


def motif_megaphone(c: Canvas, rng: random.Random):
    c.poly([(-0.55, -0.22), (0.3, -0.62), (0.3, 0.62), (-0.55, 0.22)], fill=SOFT)
    c.rect(-0.82, -0.22, -0.55, 0.22, radius=0.05, fill=WHITE)
    c.rect(0.28, -0.66, 0.4, 0.66, radius=0.05, fill=_rgba(c.accent, 255))
    c.line([(-0.45, 0.22), (-0.38, 0.62), (-0.2, 0.62), (-0.25, 0.16)], 0.07, fill=WHITE)
    for radius, alpha in ((0.5, 255), (0.72, 190), (0.94, 120)):
        c.arc(0.3, 0, radius, -38, 38, 0.06, fill=_rgba(WHITE, alpha))


def motif_phone(c: Canvas, rng: random.Random):
    c.rect(-0.42, -0.88, 0.42, 0.88, radius=0.12, fill=SOFT)
    c.rect(-0.34, -0.7, 0.34, 0.62, radius=0.04, fill=_rgba(c.accent, 255))
    c.circle(0, 0.76, 0.06, fill=_rgba(c.accent, 255))
    c.circle(0, -0.05, 0.22, fill=(34, 197, 94))
    c.arc(0, -0.05, 0.12, 110, 250, 0.07, fill=WHITE)
    for radius, alpha in ((0.6, 230), (0.8, 160), (1.0, 100)):
        c.arc(0, -0.05, radius, -35, 35, 0.05, fill=_rgba(WHITE, alpha))
        c.arc(0, -0.05, radius, 145, 215, 0.05, fill=_rgba(WHITE, alpha))


def _capsule(c: Canvas, x0, y0, x1, y1, width, left, right):
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    c.line([(x0, y0), (mx, my)], width, fill=left)
    c.line([(mx, my), (x1, y1)], width, fill=right)
    c.circle(x0, y0, width / 2, fill=left)
    c.circle(x1, y1, width / 2, fill=right)


def motif_no_drugs(c: Canvas, rng: random.Random):
    _capsule(c, -0.45, 0.35, 0.45, -0.35, 0.42, WHITE, _rgba(c.accent, 255))
    for x, y in ((-0.55, -0.45), (0.5, 0.5), (0.62, 0.28)):
        c.circle(x, y, 0.1, fill=_rgba(WHITE, 200))
    c.circle(0, 0, 0.92, outline=RED, width=c.w(0.15))
    c.line([(-0.64, -0.64), (0.64, 0.64)], 0.15, fill=RED)


def motif_pills(c: Canvas, rng: random.Random):
    for x, y, r in ((-0.45, 0.3, 0.3), (0.2, 0.45, 0.26), (0.55, -0.05, 0.22)):
        c.circle(x, y, r, fill=SOFT)
        c.line([(x - r * 0.7, y), (x + r * 0.7, y)], 0.03, fill=_rgba(c.accent, 255))
    _capsule(c, -0.55, -0.3, 0.15, -0.62, 0.3, WHITE, _rgba(c.accent, 255))


def motif_crystals(c: Canvas, rng: random.Random):
    prisms = [
        (-0.42, -28, 0.95, 0.17),
        (0.3, 24, 1.05, 0.2),
        (-0.05, -4, 1.45, 0.22),
        (-0.75, -50, 0.6, 0.13),
        (0.68, 48, 0.7, 0.14),
    ]
    for x, degrees, length, half in prisms:
        angle = math.radians(degrees + rng.uniform(-4, 4) - 90)
        dx, dy = math.cos(angle), math.sin(angle)
        px, py = -dy, dx
        bx, by = x, 0.72

        def at(along, across, bx=bx, by=by, dx=dx, dy=dy, px=px, py=py):
            return (bx + dx * along + px * across, by + dy * along + py * across)

        outline = [
            at(0, -half),
            at(length * 0.78, -half),
            at(length, 0),
            at(length * 0.78, half),
            at(0, half),
        ]
        c.poly(outline, fill=_rgba(WHITE, rng.randint(200, 240)))
        c.poly(
            [at(0, 0), at(length * 0.78, 0), at(length, 0), at(length * 0.78, half), at(0, half)],
            fill=_rgba(c.accent, 70),
        )
        c.line([at(0, 0), at(length * 0.78, 0), at(length, 0)], 0.012, fill=WHITE)
    c.draw.ellipse(c.box(-1.0, 0.62, 1.0, 0.9), fill=_rgba(WHITE, 120))
    _warning_badge(c, -0.75, -0.7, 0.2)


def motif_tablets(c: Canvas, rng: random.Random):
    colors = [(244, 114, 182), (96, 165, 250), (250, 204, 21), (74, 222, 128), (192, 132, 252)]
    spots = [(-0.5, -0.35), (0.15, -0.5), (0.6, -0.05), (-0.2, 0.3), (0.4, 0.55)]
    for index, ((x, y), color) in enumerate(zip(spots, colors, strict=True)):
        c.circle(x + 0.03, y + 0.05, 0.28, fill=_rgba(INK, 60))
        c.circle(x, y, 0.28, fill=color)
        dark = _mix(color, INK, 0.3)
        if index % 2 == 0:
            star = []
            for k in range(10):
                radius = 0.14 if k % 2 == 0 else 0.06
                angle = -math.pi / 2 + k * math.pi / 5
                star.append((x + math.cos(angle) * radius, y + math.sin(angle) * radius))
            c.poly(star, fill=dark)
        else:
            c.circle(x - 0.08, y - 0.06, 0.035, fill=dark)
            c.circle(x + 0.08, y - 0.06, 0.035, fill=dark)
            c.arc(x, y, 0.13, 20, 160, 0.035, fill=dark)
    _warning_badge(c, -0.75, 0.65, 0.2)


def motif_powder(c: Canvas, rng: random.Random, tint=WHITE):
    c.poly([(-0.2, -0.75), (0.75, -0.55), (0.6, 0.1), (-0.35, -0.1)], fill=_rgba(WHITE, 90))
    c.line([(-0.2, -0.75), (0.6, 0.1)], 0.015, fill=_rgba(WHITE, 200))
    mound = []
    for k in range(41):
        x = -0.9 + k * 1.8 / 40
        mound.append((x, 0.75 - 0.6 * math.exp(-((x / 0.42) ** 2))))
    c.poly(mound, fill=_rgba(tint, 245))
    for _ in range(40):
        x = rng.uniform(-0.95, 0.95)
        y = rng.uniform(0.62, 0.86)
        c.circle(x, y, rng.uniform(0.008, 0.022), fill=_rgba(tint, 220))
    _warning_badge(c, -0.72, -0.65, 0.2)


def motif_leaf(c: Canvas, rng: random.Random):
    base = (0.0, 0.55)
    leaflets = [(0, 1.0), (-26, 0.86), (26, 0.86), (-54, 0.68), (54, 0.68), (-84, 0.42), (84, 0.42)]
    fill = (190, 242, 100)
    for degrees, length in leaflets:
        angle = math.radians(degrees - 90)
        dx, dy = math.cos(angle), math.sin(angle)
        px, py = -dy, dx
        left, right = [], []
        for k in range(13):
            t = k / 12
            half = 0.1 * length * math.sin(math.pi * t) ** 0.8
            tooth = 1.0 if k % 2 else 0.82
            x, y = base[0] + dx * length * t, base[1] + dy * length * t
            left.append((x + px * half * tooth, y + py * half * tooth))
            right.append((x - px * half * tooth, y - py * half * tooth))
        c.poly(left + list(reversed(right)), fill=fill)
        c.line(
            [base, (base[0] + dx * length * 0.9, base[1] + dy * length * 0.9)],
            0.012,
            fill=_mix(fill, INK, 0.35),
        )
    c.line([base, (0.05, 0.98)], 0.05, fill=fill)
    _warning_badge(c, 0.72, 0.65, 0.2)


def motif_poppy(c: Canvas, rng: random.Random):
    c.line([(-0.35, 0.98), (-0.3, 0.3), (-0.4, -0.25)], 0.04, fill=(134, 239, 172), joint="curve")
    for angle in range(0, 360, 72):
        rad = math.radians(angle)
        c.circle(-0.4 + math.cos(rad) * 0.22, -0.4 + math.sin(rad) * 0.22, 0.28, fill=(239, 68, 68))
    c.circle(-0.4, -0.4, 0.12, fill=INK)
    c.line([(0.45, 0.98), (0.42, 0.15)], 0.04, fill=(134, 239, 172))
    c.draw.ellipse(c.box(0.2, -0.35, 0.66, 0.2), fill=(163, 230, 53))
    for k in range(5):
        x = 0.26 + k * 0.085
        c.line([(x, -0.35), (x + 0.02, -0.46)], 0.03, fill=(101, 163, 13))
    for k, x in enumerate((0.32, 0.43, 0.54)):
        c.line([(x, -0.22), (x, 0.08)], 0.015, fill=(63, 98, 18))
        c.circle(x, 0.1 + 0.04 * (k % 2), 0.03, fill=WHITE)
    _warning_badge(c, 0.72, 0.7, 0.18)


def motif_vape(c: Canvas, rng: random.Random):
    c.rect(-0.14, -0.45, 0.14, 0.9, radius=0.12, fill=SOFT)
    c.rect(-0.09, -0.72, 0.09, -0.4, radius=0.06, fill=_rgba(c.accent, 255))
    c.rect(-0.08, 0.05, 0.08, 0.35, radius=0.03, fill=_rgba(c.accent, 200))
    c.circle(0, 0.62, 0.035, fill=(74, 222, 128))
    for x, y, r, alpha in (
        (0.08, -0.9, 0.14, 190),
        (0.32, -0.82, 0.2, 150),
        (0.6, -0.7, 0.26, 110),
        (0.35, -0.55, 0.12, 130),
    ):
        c.circle(x, y, r, fill=_rgba(WHITE, alpha))
    _warning_badge(c, -0.62, 0.55, 0.24)


def motif_vial(c: Canvas, rng: random.Random):
    c.rect(-0.85, -0.2, -0.15, 0.5, radius=0.1, fill=_rgba(WHITE, 200))
    c.rect(-0.7, -0.05, -0.3, 0.35, radius=0.05, fill=_rgba(c.accent, 200))
    c.rect(0.0, -0.55, 0.5, 0.85, radius=0.08, fill=SOFT)
    c.rect(0.08, -0.75, 0.42, -0.5, radius=0.04, fill=(148, 163, 184))
    c.rect(0.0, 0.3, 0.5, 0.85, radius=0.08, fill=_rgba(c.accent, 255))
    c.rect(0.0, -0.25, 0.5, 0.05, fill=_rgba(WHITE, 255))
    c.line([(0.08, -0.1), (0.42, -0.1)], 0.04, fill=_rgba(c.accent, 255))
    _warning_badge(c, 0.72, -0.62, 0.24)


def motif_calendar(c: Canvas, rng: random.Random):
    c.rect(-0.78, -0.7, 0.78, 0.85, radius=0.1, fill=SOFT)
    c.rect(-0.78, -0.7, 0.78, -0.32, radius=0.1, fill=RED)
    c.rect(-0.78, -0.45, 0.78, -0.32, fill=RED)
    for x in (-0.4, 0.4):
        c.rect(x - 0.06, -0.88, x + 0.06, -0.55, radius=0.05, fill=INK)
    font = _latin_font(c.w(0.62))
    c.text(-0.38, 0.28, "6", font, fill=INK)
    c.circle(-0.14, 0.28, 0.06, fill=RED)
    c.text(0.3, 0.28, "26", font, fill=INK)


def motif_youth(c: Canvas, rng: random.Random):
    _person(c, -0.52, 0.25, 0.34, fill=_rgba(WHITE, 210))
    _person(c, 0.52, 0.25, 0.34, fill=_rgba(WHITE, 210))
    _person(c, 0.0, 0.12, 0.44, fill=SOFT)
    for x, y, r in ((0.0, -0.78, 0.16), (-0.5, -0.45, 0.09), (0.5, -0.45, 0.09)):
        star = []
        for k in range(10):
            radius = r if k % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + k * math.pi / 5
            star.append((x + math.cos(angle) * radius, y + math.sin(angle) * radius))
        c.poly(star, fill=(250, 204, 21))


def motif_volunteer(c: Canvas, rng: random.Random):
    _heart(c, 0, -0.1, 0.62, fill=SOFT)
    _heart(c, 0, -0.02, 0.36, fill=(248, 113, 113))
    for radius in (0.95, 1.08):
        c.arc(0, 0.1, radius, 200, 340, 0.03, fill=_rgba(WHITE, 140))


def motif_lecture(c: Canvas, rng: random.Random):
    c.rect(-0.95, -0.85, 0.5, -0.05, radius=0.05, fill=SOFT)
    for k, height in enumerate((0.25, 0.4, 0.55)):
        x = -0.75 + k * 0.25
        c.rect(x, -0.2 - height, x + 0.16, -0.2, fill=_rgba(c.accent, 255))
    c.line([(0.0, -0.68), (0.35, -0.68)], 0.04, fill=_rgba(c.accent, 255))
    c.line([(0.0, -0.5), (0.3, -0.5)], 0.04, fill=_rgba(c.accent, 255))
    _person(c, 0.68, 0.05, 0.3, fill=WHITE)
    c.poly([(0.38, 0.35), (0.98, 0.35), (0.88, 0.92), (0.48, 0.92)], fill=_rgba(c.accent, 255))
    c.rect(0.34, 0.3, 1.02, 0.38, fill=WHITE)
    for x in (-0.8, -0.45, -0.1):
        _person(c, x, 0.62, 0.2, fill=_rgba(WHITE, 200))


def motif_parcel(c: Canvas, rng: random.Random):
    c.poly([(-0.75, -0.25), (0.0, -0.55), (0.75, -0.25), (0.0, 0.05)], fill=WHITE)
    c.poly([(-0.75, -0.25), (0.0, 0.05), (0.0, 0.85), (-0.75, 0.55)], fill=SOFT)
    c.poly([(0.75, -0.25), (0.0, 0.05), (0.0, 0.85), (0.75, 0.55)], fill=_rgba(WHITE, 190))
    c.poly(
        [(-0.42, -0.38), (0.32, -0.08), (0.42, -0.12), (-0.32, -0.42)], fill=_rgba(c.accent, 255)
    )
    c.circle(0.45, 0.35, 0.3, outline=INK, width=c.w(0.07))
    c.circle(0.45, 0.35, 0.26, fill=_rgba(c.accent, 90))
    c.line([(0.66, 0.56), (0.92, 0.84)], 0.1, fill=INK)


def motif_trophy(c: Canvas, rng: random.Random):
    c.draw.chord(c.box(-0.5, -0.95, 0.5, 0.25), 0, 180, fill=(250, 204, 21))
    c.rect(-0.5, -0.4, 0.5, -0.35, fill=(250, 204, 21))
    c.arc(-0.5, -0.22, 0.22, 90, 270, 0.07, fill=(250, 204, 21))
    c.arc(0.5, -0.22, 0.22, 270, 90, 0.07, fill=(250, 204, 21))
    c.rect(-0.08, 0.2, 0.08, 0.5, fill=(234, 179, 8))
    c.rect(-0.4, 0.5, 0.4, 0.68, radius=0.04, fill=WHITE)
    c.rect(-0.5, 0.68, 0.5, 0.85, radius=0.04, fill=SOFT)
    star = []
    for k in range(10):
        radius = 0.16 if k % 2 == 0 else 0.07
        angle = -math.pi / 2 + k * math.pi / 5
        star.append((math.cos(angle) * radius, -0.05 + math.sin(angle) * radius))
    c.poly(star, fill=WHITE)


def motif_museum(c: Canvas, rng: random.Random):
    c.poly([(-0.95, -0.35), (0, -0.85), (0.95, -0.35)], fill=WHITE)
    c.rect(-0.9, -0.35, 0.9, -0.22, fill=SOFT)
    for k in range(5):
        x = -0.72 + k * 0.36
        c.rect(x - 0.08, -0.2, x + 0.08, 0.55, fill=SOFT)
    c.rect(-0.95, 0.55, 0.95, 0.68, fill=WHITE)
    c.rect(-1.02, 0.68, 1.02, 0.82, fill=SOFT)
    c.circle(0, -0.5, 0.13, fill=_rgba(c.accent, 255))


def motif_hero(c: Canvas, rng: random.Random):
    for k in range(16):
        angle = math.tau * k / 16
        c.line(
            [
                (math.cos(angle) * 1.15, math.sin(angle) * 1.15),
                (math.cos(angle) * 1.55, math.sin(angle) * 1.55),
            ],
            0.04,
            fill=_rgba(WHITE, 60),
        )
    motif_shield(c, rng)
    small = [
        (-1.55, -0.55, motif_book),
        (1.55, -0.55, motif_school),
        (-1.55, 0.6, motif_family),
        (1.55, 0.6, motif_community),
    ]
    for x, y, draw_motif in small:
        c.circle(x, y, 0.38, fill=_rgba(WHITE, 40))
        inner = Canvas(c.draw, *c.pt(x, y), c.r * 0.24, c.accent)
        draw_motif(inner, rng)


MOTIFS: dict[str, Callable[[Canvas, random.Random], None]] = {
    "shield": motif_shield,
    "book": motif_book,
    "school": motif_school,
    "community": motif_community,
    "family": motif_family,
    "enterprise": motif_enterprise,
    "rural": motif_rural,
    "venue": motif_venue,
    "megaphone": motif_megaphone,
    "phone": motif_phone,
    "no_drugs": motif_no_drugs,
    "pills": motif_pills,
    "crystals": motif_crystals,
    "tablets": motif_tablets,
    "powder": motif_powder,
    "powder_brown": lambda c, rng: motif_powder(c, rng, tint=(214, 180, 140)),
    "leaf": motif_leaf,
    "poppy": motif_poppy,
    "vape": motif_vape,
    "vial": motif_vial,
    "calendar": motif_calendar,
    "youth": motif_youth,
    "volunteer": motif_volunteer,
    "lecture": motif_lecture,
    "parcel": motif_parcel,
    "trophy": motif_trophy,
    "museum": motif_museum,
    "hero": motif_hero,
}


def _caption(image: Image.Image, text: str) -> None:
    path = cjk_font_path()
    if not path or not text:
        return
    w, h = image.size
    font = ImageFont.truetype(str(path), round(h * 0.07))
    draw = ImageDraw.Draw(image)
    draw.text(
        (w / 2, h * 0.88),
        text,
        font=font,
        anchor="mm",
        fill=WHITE,
        stroke_width=round(h * 0.006),
        stroke_fill=_rgba(INK, 140),
    )


def _downsample(layer: Image.Image) -> Image.Image:
    """Average each 2×2 block, with premultiplied alpha so edges keep their colour."""
    return layer.convert("RGBa").reduce(SUPERSAMPLE).convert("RGBA")


def render(
    motif: str, palette: str, size=(1200, 675), seed: int = 0, caption: str = ""
) -> Image.Image:
    """One illustration: background, decoration, a pictogram in the middle, optional caption."""
    rng = random.Random(f"{motif}-{palette}-{seed}")
    colors = PALETTES[palette]
    big = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
    canvas = _background(size, colors, rng).convert("RGBA")

    decoration = Image.new("RGBA", big, (0, 0, 0, 0))
    _decorate(ImageDraw.Draw(decoration), big, rng)
    canvas.alpha_composite(_downsample(decoration))

    layer = Image.new("RGBA", big, (0, 0, 0, 0))
    has_caption = bool(caption and cjk_font_path())
    scale = 0.26 if motif == "hero" else 0.36
    radius = min(big) * (scale - (0.05 if has_caption else 0))
    cy = big[1] * (0.44 if has_caption else 0.5)
    painter = Canvas(ImageDraw.Draw(layer), big[0] / 2, cy, radius, colors[1])
    MOTIFS[motif](painter, rng)
    layer = _downsample(layer)

    # A soft drop shadow under the pictogram, blurred at half size to stay fast.
    half = (size[0] // 2, size[1] // 2)
    blurred = layer.getchannel("A").resize(half).filter(ImageFilter.GaussianBlur(3))
    shadow = Image.new("RGBA", size, _rgba(INK, 255))
    shadow.putalpha(blurred.resize(size).point(lambda v: v * 0.45))
    canvas.alpha_composite(shadow, (0, round(size[1] * 0.012)))
    canvas.alpha_composite(layer)

    result = canvas.convert("RGB")
    _caption(result, caption)
    return result


def render_jpeg(
    motif: str, palette: str, size=(1200, 675), seed: int = 0, caption: str = ""
) -> bytes:
    buffer = io.BytesIO()
    render(motif, palette, size, seed, caption).save(buffer, "JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def render_poster_pdf(caption: str = "") -> bytes:
    """An A4 poster for 6·26, as a one-page PDF (150 dpi)."""
    size = (1240, 1754)
    poster = render("calendar", "crimson", size=size, seed=626).convert("RGBA")
    band = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(band).rounded_rectangle(
        [size[0] * 0.06, size[1] * 0.05, size[0] * 0.94, size[1] * 0.22],
        radius=36,
        fill=_rgba(INK, 110),
    )
    poster.alpha_composite(band)
    poster = poster.convert("RGB")
    draw = ImageDraw.Draw(poster)
    font = _latin_font(44)
    draw.text(
        (size[0] / 2, size[1] * 0.1), "JUNE 26", font=_latin_font(96), anchor="mm", fill=WHITE
    )
    draw.text(
        (size[0] / 2, size[1] * 0.16),
        "INTERNATIONAL DAY AGAINST DRUG ABUSE",
        font=font,
        anchor="mm",
        fill=WHITE,
    )
    draw.text(
        (size[0] / 2, size[1] * 0.19), "AND ILLICIT TRAFFICKING", font=font, anchor="mm", fill=WHITE
    )
    _caption(poster, caption)
    buffer = io.BytesIO()
    poster.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()
