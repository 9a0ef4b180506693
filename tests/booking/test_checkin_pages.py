"""Door staff on a phone: today's bookings at the venue, a code typed (or a scanned link)
that opens the booking, the arrived headcount confirmed, and clear messages for unknown
codes, out-of-range headcounts, partial no-shows and bookings outside their window."""

from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking
from tests.booking_factories import book_group, make_slot, make_venue

pytestmark = pytest.mark.django_db

LIST_URL = reverse("booking:checkin")


def visit_now(visits, venue=None):
    """School A's group of 45 + 3 in a slot starting now, booked two days ago."""
    start = timezone.now().replace(second=0, microsecond=0)
    slot = make_slot(venue or visits.venue, start)
    schools = visits.schools
    return book_group(slot, schools.coordinator_a, schools.school_a, now=start - timedelta(2))


def url(booking) -> str:
    return reverse("booking:checkin_booking", args=[booking.code])


@pytest.fixture
def staff(client, visits):
    client.force_login(visits.staff)
    return client


def test_the_day_list_shows_who_is_expected(staff, visits):
    today = visit_now(visits)
    elsewhere = visit_now(visits, make_venue("西湖区禁毒教育基地", "xihu"))
    later = book_group(visits.slot, visits.schools.coordinator_b, visits.schools.school_b)
    page = staff.get(LIST_URL).content.decode()
    assert today.code in page and "东城实验中学" in page and "48 人" in page
    assert "已确认" in page
    assert elsewhere.code not in page and later.code not in page
    assert "已签到 0 / 1 组" in page
    other_venue = staff.get(LIST_URL, {"venue": elsewhere.slot.venue_id}).content.decode()
    assert elsewhere.code in other_venue and today.code not in other_venue


@pytest.mark.parametrize(
    "typed", ["{code}", " {lower} ", "{lower_dashed}", "https://x.cn/visit/checkin/{code}/"]
)
def test_a_typed_or_scanned_code_opens_the_booking(staff, visits, typed):
    booking = visit_now(visits)
    code = booking.code
    text = typed.format(
        code=code, lower=code.lower(), lower_dashed=f"{code[:4]}-{code[4:]}".lower()
    )
    response = staff.get(LIST_URL, {"code": text})
    assert (response.status_code, response["Location"]) == (302, url(booking))


def test_a_malformed_code_is_a_form_error(staff, visits):
    response = staff.get(LIST_URL, {"code": "12345"})
    assert response.status_code == 200
    assert "预约码为 8 位字母和数字，请核对后重新输入。" in response.content.decode()


@pytest.mark.parametrize("code", ["ZZZZZZZZ", "not-a-code", "O0O0O0O0"])
def test_an_unknown_code_says_so(staff, visits, code):
    response = staff.get(reverse("booking:checkin_booking", args=[code]))
    assert response.status_code == 404
    assert "未找到预约码" in response.content.decode()


def test_the_arrived_count_is_prefilled_and_confirmed(staff, visits):
    booking = visit_now(visits)
    page = staff.get(url(booking)).content.decode()
    assert 'name="arrived" value="48"' in page
    response = staff.post(url(booking), {"arrived": 47}, follow=True)
    assert response.redirect_chain == [(url(booking), 302)]
    page = response.content.decode()
    assert "签到成功：东城实验中学，实到 47 人（预约 48 人）。" in page
    assert "实到 47 人 / 预约 48 人" in page
    booking.refresh_from_db()
    assert (booking.status, booking.arrived, booking.checked_in_by) == (
        Booking.Status.ATTENDED,
        47,
        visits.staff,
    )


def test_a_second_check_in_shows_the_first(staff, visits):
    booking = visit_now(visits)
    staff.post(url(booking), {"arrived": 48})
    page = staff.post(url(booking), {"arrived": 40}).content.decode()
    assert "该预约已于" in page and "签到，实到 48 人。" in page
    assert Booking.objects.get(pk=booking.pk).arrived == 48


def test_a_partial_no_show_is_flagged(staff, visits):
    booking = visit_now(visits)
    page = staff.post(url(booking), {"arrived": 20}, follow=True).content.decode()
    assert "实到人数低于预约人数的 50%，已记为部分爽约。" in page
    assert Booking.objects.get(pk=booking.pk).partial_show


@pytest.mark.parametrize(
    ("arrived", "message"),
    [
        ("49", "实到人数不能超过预约人数（48 人）"),
        ("abc", "实到人数请填写整数。"),
        ("", "请填写实到人数。"),
    ],
)
def test_bad_counts_are_refused_and_nothing_is_written(staff, visits, arrived, message):
    booking = visit_now(visits)
    response = staff.post(url(booking), {"arrived": arrived})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED


def test_outside_its_window_the_page_says_when(staff, visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    page = staff.get(url(booking)).content.decode()
    assert "还未到签到时间（12-09 08:00 起）。" in page
    assert 'name="arrived"' not in page


def test_the_scanner_is_a_static_script_with_the_vendored_decoder(staff, visits):
    page = staff.get(LIST_URL).content.decode()
    assert "<script>" not in page and "onclick" not in page
    assert '<script src="/static/js/checkin.js" defer></script>' in page
    assert 'data-jsqr-src="/static/vendor/jsqr/jsQR.js"' in page
    assert finders.find("vendor/jsqr/jsQR.js") and finders.find("vendor/jsqr/LICENSE")
