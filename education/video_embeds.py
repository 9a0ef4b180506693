"""Video players reachable from mainland China for the body's video block: a Bilibili or
Tencent Video page address becomes the platform's official iframe player, read from the
address alone (no request to the platform), so editors can embed them where the oEmbed
providers Wagtail knows (YouTube, Vimeo...) are out of reach for the readers.

Registered first in ``WAGTAILEMBEDS_FINDERS``; any other address goes on to the oEmbed finder.
"""

import re
from urllib.parse import urlencode, urlsplit

from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

WIDTH = 640
BILIBILI_HOSTS = {"www.bilibili.com", "bilibili.com", "m.bilibili.com"}
# b23.tv links only redirect to the video page: following one would take a request.
BILIBILI_SHORT_HOSTS = {"b23.tv", "www.b23.tv"}
TENCENT_HOST = "v.qq.com"
# BV ids: "BV1" and nine base58 characters (no 0, O, I or l).
BILIBILI_PATH = re.compile(r"/video/(?P<bvid>BV1[1-9A-HJ-NP-Za-km-z]{9})/?")
TENCENT_PATHS = (
    re.compile(r"/x/cover/[0-9a-z]{15}/(?P<vid>[0-9a-z]{11})\.html"),
    re.compile(r"/x/page/(?P<vid>[0-9a-z]{11})\.html"),
)


class ChinaVideoFinder(EmbedFinder):
    def accept(self, url: str) -> bool:
        return _host(url) in BILIBILI_HOSTS | BILIBILI_SHORT_HOSTS | {TENCENT_HOST}

    def find_embed(self, url: str, max_width: int | None = None) -> dict:
        host = _host(url)
        if host in BILIBILI_SHORT_HOSTS:
            raise EmbedNotFoundException(
                gettext("b23.tv 短链接无法直接嵌入，请改用浏览器打开后地址栏中的视频页地址。")
            )
        path = urlsplit(url).path
        if host in BILIBILI_HOSTS and (found := BILIBILI_PATH.fullmatch(path)):
            return _player(
                "https://player.bilibili.com/player.html?"
                + urlencode({"bvid": found["bvid"], "autoplay": 0}),
                title=gettext("哔哩哔哩视频 %(id)s") % {"id": found["bvid"]},
                provider=gettext("哔哩哔哩"),
                max_width=max_width,
            )
        found = host == TENCENT_HOST and _tencent_vid(path)
        if found:
            return _player(
                "https://v.qq.com/txp/iframe/player.html?" + urlencode({"vid": found}),
                title=gettext("腾讯视频 %(id)s") % {"id": found},
                provider=gettext("腾讯视频"),
                max_width=max_width,
            )
        raise EmbedNotFoundException(
            gettext("无法识别的视频地址：%(url)s，请使用视频的播放页地址。") % {"url": url}
        )


def _host(url: str) -> str | None:
    """The address's host name, for plain http(s) addresses without a port or a user."""
    try:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.port or parts.username:
            return None
    except ValueError:
        return None
    return parts.hostname


def _tencent_vid(path: str) -> str | None:
    for pattern in TENCENT_PATHS:
        if found := pattern.fullmatch(path):
            return found["vid"]
    return None


def _player(src: str, *, title: str, provider: str, max_width: int | None) -> dict:
    width = WIDTH if max_width is None else min(WIDTH, max_width)
    height = width * 9 // 16
    html = format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" frameborder="0" scrolling="no"'
        ' loading="lazy" allowfullscreen></iframe>',
        src,
        title,
        width,
        height,
    )
    return {
        "title": title,
        "provider_name": provider,
        "type": "video",
        "width": width,
        "height": height,
        "html": html,
    }
