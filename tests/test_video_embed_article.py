"""An article's video block with a Bilibili or Tencent Video address shows the platform's
player without asking the platform, and the page's Content-Security-Policy lets it load;
a look-alike address is refused by the block."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

from education.blocks import VideoBlock
from tests.factories import add_article, build_site

pytestmark = pytest.mark.django_db

BILIBILI = "https://www.bilibili.com/video/BV1GJ411x7h7"
TENCENT = "https://v.qq.com/x/page/t0046b8pmqm.html"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no request to the video platform")

    monkeypatch.setattr("urllib.request.urlopen", refuse)


def test_article_shows_both_players(client):
    tree = build_site()
    article = add_article(
        tree.news,
        "禁毒宣传片",
        body=[
            ("video", {"video": BILIBILI, "caption": "哔哩哔哩上的宣传片"}),
            ("video", {"video": TENCENT, "caption": "腾讯视频上的宣传片"}),
        ],
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;autoplay=0"' in html
    assert 'src="https://v.qq.com/txp/iframe/player.html?vid=t0046b8pmqm"' in html
    assert html.count('class="responsive-object"') == 2
    frame_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[0] == "frame-src"
    )
    assert {"https://player.bilibili.com", "https://v.qq.com"} <= set(frame_src)


def test_embed_is_stored_with_title_and_provider():
    embed = get_embed(BILIBILI)
    assert (embed.provider_name, embed.title) == ("哔哩哔哩", "哔哩哔哩视频 BV1GJ411x7h7")
    assert embed.is_responsive


@pytest.mark.parametrize(
    "url",
    ["https://www.bilibili.com.evil.example/video/BV1GJ411x7h7", "https://b23.tv/AbCdEf1"],
)
def test_block_refuses_addresses_without_a_player(url):
    with pytest.raises(EmbedException):
        get_embed(url)
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"video": url, "caption": ""}))
