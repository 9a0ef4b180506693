"""An editor whose video address has no player is told why, in the block's own error."""

import pytest
from django.core.exceptions import ValidationError

from education.blocks import VideoBlock

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no request to a video platform")

    monkeypatch.setattr("urllib.request.urlopen", refuse)


def refusal(url: str) -> str:
    block = VideoBlock()
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python({"video": url, "caption": ""}))
    return str(raised.value.block_errors["video"].messages[0])


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://b23.tv/AbCdEf1", "b23.tv 短链接无法直接嵌入"),
        ("https://www.bilibili.com/read/cv123456", "无法识别的视频地址"),
        ("https://v.qq.com/x/cover/abc.html", "无法识别的视频地址"),
        ("https://video.example.org/watch/1", "请填写视频播放页的地址"),
    ],
)
def test_the_reason_is_shown(url, reason):
    assert reason in refusal(url)


def test_a_player_address_is_accepted():
    block = VideoBlock()
    value = block.clean(
        block.to_python({"video": "https://v.qq.com/x/page/t0046b8pmqm.html", "caption": ""})
    )
    assert "v.qq.com/txp/iframe/player.html" in value["video"].html
