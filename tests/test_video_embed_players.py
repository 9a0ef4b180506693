"""A Bilibili or Tencent Video page address becomes the platform's official 16:9 player, read
from the address alone, with its title and provider filled in."""

import pytest

from education.video_embeds import ChinaVideoFinder

BVID = "BV1GJ411x7h7"
BILIBILI_PLAYER = f"https://player.bilibili.com/player.html?bvid={BVID}&amp;autoplay=0"
VID = "t0046b8pmqm"
TENCENT_PLAYER = f"https://v.qq.com/txp/iframe/player.html?vid={VID}"


@pytest.mark.parametrize(
    ("url", "player", "title", "provider"),
    [
        (
            f"https://www.bilibili.com/video/{BVID}",
            BILIBILI_PLAYER,
            f"哔哩哔哩视频 {BVID}",
            "哔哩哔哩",
        ),
        (
            f"https://www.bilibili.com/video/{BVID}/?spm_id_from=333.337&vd_source=abc",
            BILIBILI_PLAYER,
            f"哔哩哔哩视频 {BVID}",
            "哔哩哔哩",
        ),
        (f"http://bilibili.com/video/{BVID}/", BILIBILI_PLAYER, f"哔哩哔哩视频 {BVID}", "哔哩哔哩"),
        (
            f"https://m.bilibili.com/video/{BVID}",
            BILIBILI_PLAYER,
            f"哔哩哔哩视频 {BVID}",
            "哔哩哔哩",
        ),
        (
            f"https://v.qq.com/x/cover/mzc002007sqbpce/{VID}.html",
            TENCENT_PLAYER,
            f"腾讯视频 {VID}",
            "腾讯视频",
        ),
        (f"https://v.qq.com/x/page/{VID}.html", TENCENT_PLAYER, f"腾讯视频 {VID}", "腾讯视频"),
        (
            f"http://v.qq.com/x/page/{VID}.html?ptag=qqbrowser",
            TENCENT_PLAYER,
            f"腾讯视频 {VID}",
            "腾讯视频",
        ),
    ],
)
def test_video_page_becomes_the_player(url, player, title, provider):
    finder = ChinaVideoFinder()
    assert finder.accept(url)
    embed = finder.find_embed(url)
    assert embed["html"] == (
        f'<iframe src="{player}" title="{title}" width="640" height="360"'
        ' frameborder="0" scrolling="no" loading="lazy" allowfullscreen></iframe>'
    )
    assert (embed["title"], embed["provider_name"]) == (title, provider)
    assert (embed["type"], embed["width"], embed["height"]) == ("video", 640, 360)


def test_narrower_player_keeps_16_by_9():
    embed = ChinaVideoFinder().find_embed(f"https://v.qq.com/x/page/{VID}.html", max_width=320)
    assert (embed["width"], embed["height"]) == (320, 180)
    assert 'width="320" height="180"' in embed["html"]
