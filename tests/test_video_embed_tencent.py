"""Only v.qq.com itself and well-formed cover and video ids become a Tencent Video player:
look-alike hosts are left to the other finders, malformed addresses are refused."""

import pytest
from wagtail.embeds.exceptions import EmbedNotFoundException

from education.video_embeds import ChinaVideoFinder

VID = "t0046b8pmqm"


@pytest.mark.parametrize(
    "url",
    [
        f"https://v.qq.com.evil/x/page/{VID}.html",
        f"https://v.qq.com.evil.example/x/page/{VID}.html",
        f"https://qq.com/x/page/{VID}.html",
        f"https://film.v.qq.com/x/page/{VID}.html",
        f"https://v.qq.com@evil.example/x/page/{VID}.html",
    ],
)
def test_look_alike_hosts_are_not_taken(url):
    assert not ChinaVideoFinder().accept(url)


@pytest.mark.parametrize(
    "path",
    [
        "x/page/T0046B8PMQM.html",
        "x/page/t0046b8pmq.html",
        'x/page/t0046b"pmqm.html',
        "x/page/t0046b8pmqm",
        "x/cover/mzc002007sqbpce.html",  # a whole series: which episode needs a request
        "x/cover/mzc002007sqbpc/t0046b8pmqm.html",
        "x/cover/../page/t0046b8pmqm.html",
        "txp/iframe/player.html",
    ],
)
def test_malformed_addresses_are_refused(path):
    with pytest.raises(EmbedNotFoundException):
        ChinaVideoFinder().find_embed(f"https://v.qq.com/{path}")
