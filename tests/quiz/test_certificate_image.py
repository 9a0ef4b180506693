"""The certificate of a pass is a PNG drawn with Pillow (1080×1440, with a QR code of the
verification page). It bears a minor's full name: never written to the public media folder,
kept a while in the cache, served privately. Without a CJK font it is refused (503) and the
system check warns, instead of drawing empty boxes."""

import io
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image

from education import certificates
from education.quiz_attempts import start_attempt, submit_attempt
from tests.quiz.taking import answers_for, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def passed(world):
    attempt = start_attempt(world.quiz, student=world.student)
    return submit_attempt(attempt, answers_for(attempt, right=4))


def test_the_image_is_a_png_of_the_certificate(client, passed):
    response = client.get(f"/certificates/{passed.certificate_code}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (1080, 1440)
    # Red and white, as the site: the frame is red, the page mostly white.
    assert image.convert("RGB").getpixel((42, 700)) == (198, 40, 40)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    white = next(count for count, colour in colours if colour == (255, 255, 255))
    assert white > 1080 * 1440 / 2


def test_the_image_is_cached_not_stored_and_served_privately(client, passed):
    url = f"/certificates/{passed.certificate_code}.png"
    response = client.get(url)
    assert response["Cache-Control"] == "private, max-age=86400"
    assert not default_storage.exists(f"certificates/{passed.certificate_code}.png")
    with mock.patch.object(certificates, "draw_certificate") as draw:
        assert client.get(url).content == response.content
    draw.assert_not_called()
    cache.clear()
    assert client.get(url).content.startswith(b"\x89PNG")


def test_the_qr_code_leads_to_the_verification_page(passed):
    with mock.patch.object(certificates.segno, "make", wraps=certificates.segno.make) as make:
        certificates.draw_certificate(passed, "http://testserver/certificates/X/")
    assert make.call_args.args[0] == "http://testserver/certificates/X/"


def test_the_font_is_a_chinese_one(passed):
    path = certificates.certificate_font_path()
    assert path is not None
    face = certificates.fonts()(40, False)
    assert face.getname()[0].endswith(" SC") or "CJK" not in path
    # A Chinese character is drawn as a glyph of its own, not the empty box.
    assert face.getmask("禁").getbbox() != face.getmask("\uffff").getbbox()


def test_unknown_and_failed_attempts_have_no_image(client, world):
    assert client.get("/certificates/ABCDEFGHJK.png").status_code == 404
    attempt = start_attempt(world.quiz, student=world.classmate)
    failed = submit_attempt(attempt, answers_for(attempt, right=1))
    assert failed.certificate_code is None
    with pytest.raises(ValueError):
        certificates.certificate_png(failed, "http://testserver/")


def test_without_a_chinese_font_the_image_is_refused(client, passed, settings):
    settings.CERTIFICATE_FONT = "/nonexistent/font.ttc"
    response = client.get(f"/certificates/{passed.certificate_code}.png")
    assert response.status_code == 503
    assert "证书图片暂时无法生成" in response.content.decode()
    (warning,) = certificates.certificate_font_check(None)
    assert warning.id == "education.W001"


def test_with_a_font_the_check_is_quiet():
    assert certificates.certificate_font_check(None) == []
