"""Images uploaded in the admin are refused, with a message and nothing saved, when too
large, not the format their name says, or a decompression bomb; a real one is kept."""

import pytest
from wagtail.images import get_image_model

from tests.data_safety.uploads import assert_refused, pixel_bomb_png, png_bytes, post_upload

Image = get_image_model()

REFUSED = {
    "too large": ("大图.png", lambda: png_bytes((400, 400)) + b"\x00" * 20_000, "文件过大"),
    "text named png": ("海报.png", lambda: "不是图片".encode() * 50, "图"),
    "png named jpg": ("海报.jpg", png_bytes, "扩展名与文件格式不匹配"),
    "pixel bomb": ("炸弹.png", pixel_bomb_png, "像素"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_bad_image_is_refused(editor, settings, case):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20_000
    name, content, message = REFUSED[case]

    response = post_upload(editor, "wagtailimages:add", name, content())

    assert_refused(response, message, Image)


def test_real_image_is_kept(editor):
    response = post_upload(editor, "wagtailimages:add", "海报.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.get().width == 40
