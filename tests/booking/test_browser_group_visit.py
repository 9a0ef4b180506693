"""A school group's visit in a real Chromium at phone width: the coordinator of school A
signs in, finds the slot on the venue's calendar, books 45 students and 3 teachers and gets
the booking code, its QR code and a calendar file; on the day, door staff sign in on their
phone, type the code and check 46 people in."""

from datetime import timedelta

import icalendar
import pytest
import time_machine
from django.utils import timezone

from booking.models import Booking
from tests.booking_factories import at, build_visits, make_slot
from tests.browser import ARTIFACTS, assert_no_sideways_scroll, chromium, page_errors, phone_page
from tests.factories import PASSWORD, build_site

pytestmark = [pytest.mark.browser]

# Thursday 14:00, three days after the booking clock's Monday: open for booking.
SLOT_DAY, SLOT_HOUR = 3, 14


def log_in(page, email: str) -> None:
    """Fill in and send the sign-in form the page shows."""
    form = page.locator("main form").filter(has=page.get_by_label("密码"))
    form.get_by_label("电子邮件").fill(email)
    form.get_by_label("密码").fill(PASSWORD)
    form.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def screenshot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"phone-group-visit-{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_coordinator_books_on_a_phone_and_staff_check_the_group_in(live_server):
    # Everything the database holds is made before the browser's event loop starts.
    build_site()
    visits = build_visits()
    schools = visits.schools
    starts_at = at(SLOT_DAY, SLOT_HOUR)
    slot = make_slot(visits.venue, starts_at, minutes=90)
    site = live_server.url

    with chromium() as browser:
        phone = phone_page(browser)
        errors = page_errors(phone)
        phone.goto(f"{site}/accounts/login/")
        log_in(phone, schools.coordinator_a.email)

        phone.goto(f"{site}/visit/")
        phone.get_by_role("link", name="查看场次并预约").click()
        phone.wait_for_url(f"**/visit/{visits.venue.slug}/")
        assert_no_sideways_scroll(phone)
        screenshot(phone, "calendar")
        day = phone.locator(".visit-day").filter(
            has=phone.locator(f"time[datetime='{timezone.localdate(starts_at).isoformat()}']")
        )
        day.get_by_role("link", name="14:00–15:30").click()
        phone.wait_for_url(f"**/visit/slot/{slot.pk}/")
        phone.get_by_role("link", name="学校团体预约").click()
        phone.wait_for_url(f"**/visit/slot/{slot.pk}/group/")

        assert phone.get_by_role("heading", level=1).inner_text() == "学校团体预约"
        school = phone.get_by_label("学校", exact=True)
        assert school.locator("option:checked").inner_text() == schools.school_a.name
        phone.get_by_label("带队教师", exact=True).fill("王建国")
        phone.get_by_label("带队教师电话").fill("138 0013 8000")
        phone.get_by_label("年级").select_option(label="七年级")
        phone.get_by_label("学生人数").fill("45")
        phone.get_by_label("带队教师人数").fill("3")
        phone.get_by_label("备注（可选）").fill("请安排讲解员介绍新型毒品。")
        assert_no_sideways_scroll(phone)
        screenshot(phone, "form")
        phone.get_by_role("button", name="提交预约").click()

        phone.wait_for_url("**/visit/booking/*/")
        code = phone.locator(".visit-code").inner_text()
        assert phone.url == f"{site}/visit/booking/{code}/"
        assert phone.locator(".visit-status").inner_text() == "已确认"
        qr = phone.locator(".visit-qr").get_by_role("img", name=f"预约码 {code} 的签到二维码")
        assert qr.evaluate("element => element.tagName") == "svg"
        assert qr.is_visible()
        assert qr.bounding_box()["width"] >= 160  # big enough to scan off the screen
        details = phone.locator(".visit-facts").inner_text()
        assert "48 人（学生 45 人，教师 3 人）" in details
        assert "王建国 13800138000" in details
        assert_no_sideways_scroll(phone)
        screenshot(phone, "booking")
        ics_url = phone.get_by_role("link", name="加入手机日历").get_attribute("href")
        ics = phone.context.request.get(f"{site}{ics_url}")
        assert ics.headers["content-type"] == "text/calendar; charset=utf-8"
        ics_body = ics.body()

        # The day of the visit, twenty minutes before it starts.
        with time_machine.travel(starts_at - timedelta(minutes=20), tick=True):
            door = phone_page(browser)
            door_errors = page_errors(door)
            door.goto(f"{site}/visit/checkin/")
            log_in(door, visits.staff.email)
            assert door.url == f"{site}/visit/checkin/"
            door.get_by_label("输入预约码").fill(code.lower())
            door.get_by_role("button", name="查找").click()
            door.wait_for_url(f"**/visit/checkin/{code}/")
            arrived = door.get_by_role("spinbutton", name="实到人数")
            assert arrived.input_value() == "48"
            arrived.fill("46")
            door.get_by_role("button", name="确认签到").click()
            door.wait_for_selector(".checkin-done")
            assert door.get_by_text(
                f"签到成功：{schools.school_a.name}，实到 46 人（预约 48 人）。"
            ).is_visible()
            assert "实到 46 人 / 预约 48 人" in door.locator(".checkin-done").inner_text()
            assert_no_sideways_scroll(door)
            screenshot(door, "checkin")

    assert errors == door_errors == []
    (event,) = icalendar.Calendar.from_ical(ics_body).walk("VEVENT")
    assert event.decoded("DTSTART") == starts_at
    assert f"预约码：{code}" in str(event["DESCRIPTION"])
    booking = Booking.objects.get(code=code)
    assert booking.slot == slot
    assert booking.school == schools.school_a
    assert booking.user == schools.coordinator_a
    assert (booking.contact_name, booking.phone, booking.grade) == ("王建国", "13800138000", 7)
    assert (booking.students, booking.teachers, booking.headcount) == (45, 3, 48)
    assert booking.status == Booking.Status.ATTENDED
    assert booking.arrived == 46
    assert booking.checked_in_by == visits.staff
    assert not booking.partial_show
