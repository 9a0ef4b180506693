"""Door staff on a phone, in a real Chromium whose camera films a booking's QR code: the
scanner reads it (with the vendored jsQR where the browser has no BarcodeDetector), the
booking opens, and staff confirm the headcount."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
import segno
from django.test import Client
from django.utils import timezone
from PIL import Image

from booking.models import Booking
from tests.booking_factories import book_group, build_visits, make_slot
from tests.browser import ARTIFACTS, assert_no_sideways_scroll, chromium, page_errors, phone_page
from tests.factories import build_site

PHONE = {"width": 375, "height": 812}

pytestmark = [pytest.mark.browser]


def camera_film(path: Path, text: str) -> Path:
    """A second of Y4M video (what Chromium's fake camera plays) showing ``text`` as a QR
    code on a grey card."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=8, border=4)
    code = Image.open(buffer).convert("L")
    frame = Image.new("L", (640, 480), 200)
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    grey = bytes([128]) * (320 * 240)  # no colour: both chroma planes at their middle
    with path.open("wb") as film:
        film.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(10):
            film.write(b"FRAME\n" + frame.tobytes() + grey + grey)
    return path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_scan_a_qr_code_and_check_the_group_in(live_server, tmp_path):
    # Everything the database holds is made before the browser's event loop starts.
    build_site()
    visits = build_visits()
    start = timezone.now().replace(second=0, microsecond=0)
    schools = visits.schools
    booking = book_group(
        make_slot(visits.venue, start),
        schools.coordinator_a,
        schools.school_a,
        now=start - timedelta(days=2),
    )
    film = camera_film(tmp_path / "qr.y4m", f"{live_server.url}/visit/checkin/{booking.code}/")
    staff = Client()
    staff.force_login(visits.staff)
    session = staff.cookies["sessionid"].value

    with chromium(
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={film}",
    ) as browser:
        page = phone_page(browser, **PHONE)
        page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        errors = page_errors(page)

        page.goto(f"{live_server.url}/visit/checkin/")
        assert booking.code in page.locator(".checkin-list").inner_text()
        page.screenshot(path=str(ARTIFACTS / "phone-checkin-list.png"), full_page=True)
        page.get_by_role("button", name="扫码签到").click()
        page.wait_for_url(f"**/visit/checkin/{booking.code}/")
        assert page.get_by_role("spinbutton", name="实到人数").input_value() == "48"
        page.get_by_role("spinbutton", name="实到人数").fill("46")
        page.get_by_role("button", name="确认签到").click()
        page.wait_for_selector(".checkin-done")
        assert "签到成功：东城实验中学，实到 46 人（预约 48 人）。" in page.content()
        page.screenshot(path=str(ARTIFACTS / "phone-checkin-done.png"), full_page=True)
        assert_no_sideways_scroll(page)

    assert errors == []
    assert Booking.objects.get(pk=booking.pk).arrived == 46
