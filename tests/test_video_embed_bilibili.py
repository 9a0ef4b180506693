"""Only Bilibili's own hosts and well-formed BV ids become a player: look-alike hosts are
left to the other finders, malformed ids and b23.tv short links (which only a request could
resolve) are refused."""

import pytest
from wagtail.embeds.exceptions import EmbedNotFoundException

from education.video_embeds import ChinaVideoFinder

BVID = "BV1GJ411x7h7"


@pytest.mark.parametrize(
    "url",
    [
        f"https://bilibili.com.evil.example/video/{BVID}",
        f"https://www.bilibili.com.evil.example/video/{BVID}",
        f"https://evilbilibili.com/video/{BVID}",
        f"https://www.bilibili.com@evil.example/video/{BVID}",
        f"https://evil.example/www.bilibili.com/video/{BVID}",
        f"https://www.bilibili.com:8443/video/{BVID}",
        f"ftp://www.bilibili.com/video/{BVID}",
    ],
)
def test_look_alike_hosts_are_not_taken(url):
    assert not ChinaVideoFinder().accept(url)


@pytest.mark.parametrize(
    "path",
    [
        "BV1GJ411x7h",  # one character short
        "BV1GJ411x7h7x",
        "BV1GJ411x0h7",  # 0 is not a base58 character
        "BV1GJ411x7h%22",
        'BV1GJ4"x7h7',
        "av170001",
        f"{BVID}/extra",
        "",
    ],
)
def test_malformed_ids_are_refused(path):
    url = f"https://www.bilibili.com/video/{path}"
    finder = ChinaVideoFinder()
    assert finder.accept(url)
    with pytest.raises(EmbedNotFoundException):
        finder.find_embed(url)


def test_short_links_are_refused_with_a_reason():
    finder = ChinaVideoFinder()
    assert finder.accept("https://b23.tv/AbCdEf1")
    with pytest.raises(EmbedNotFoundException, match="b23.tv 短链接"):
        finder.find_embed("https://b23.tv/AbCdEf1")
