"""The printable day sheet lists, per slot of the day, the groups and public parties
expected (not cancelled ones, nor other days'), with code, school or contact, grade, the
counts, phone, status, guide and arrivals, and totals per slot and for the day. Its query
count does not grow with the slots and bookings."""

from django.urls import reverse

from booking.checkin import check_in
from booking.models import Venue
from booking.services import approve_booking, cancel_booking
from tests.booking_factories import NOW, at, book_group, book_public, make_slot

SHEET_QUERIES = 12


def sheet_url(visits, day: str = "2026-12-09") -> str:
    return reverse("slot_calendar:day", args=[visits.venue.pk, day])


def test_the_sheet_lists_the_expected_parties_with_totals(client, visits):
    schools = visits.schools
    group = book_group(visits.slot, schools.coordinator_a, schools.school_a, grade=8)
    approve = Venue.objects.filter(pk=visits.venue.pk)
    approve.update(requires_approval=True)
    pending = book_group(visits.slot, schools.coordinator_b, schools.school_b, students=30)
    approve_booking(pending, by=visits.manager, guide="王讲解员", now=NOW)
    party = book_public(visits.slot, visits.visitor, visitors=3, phone="13912345678")
    check_in(group, arrived=46, by=visits.staff, now=visits.slot.starts_at)
    afternoon = make_slot(visits.venue, at(2, 14))
    gone = book_public(afternoon, visits.visitor, visitors=2, contact_name="赵先生")
    cancel_booking(gone, by=visits.visitor, now=NOW)
    other_day = make_slot(visits.venue, at(3))
    book_group(other_day, schools.coordinator_a, schools.school_a, contact_name="钱老师")
    client.force_login(visits.staff)

    response = client.get(sheet_url(visits))

    html = response.content.decode()
    assert "市禁毒教育基地 参观日程单" in html
    assert "2026年12月9日 星期三" in html
    for text in (group.code, "东城实验中学", "张老师", "八年级", pending.code, "王讲解员"):
        assert text in html
    assert party.code in html and "13912345678" in html and "个人/家庭" in html
    assert "已签到" in html and '<td class="day-sheet-number day-sheet-arrived">46</td>' in html
    totals = html.split("本场合计 3 批")[1].split("</tr>")[0]
    assert [f">{n}</td>" in totals for n in (75, 6, 3, 84, 46)] == [True] * 5
    assert "全天 3 批 84 人（学生 75，教师 6，散客 3）" in html
    assert gone.code not in html and "赵先生" not in html
    assert "钱老师" not in html
    assert "本场暂无预约。" in html  # the afternoon: its only booking was cancelled
    assert "css/booking_admin.css" in html


def test_a_day_without_slots_says_so(client, visits):
    client.force_login(visits.staff)
    assert "当天没有场次。" in client.get(sheet_url(visits, "2026-12-10")).content.decode()


def test_a_bad_day_or_venue_is_not_found(client, visits):
    client.force_login(visits.staff)
    assert client.get(sheet_url(visits, "2026-02-30")).status_code == 404
    assert client.get(sheet_url(visits, "明天")).status_code == 404
    missing = reverse("slot_calendar:day", args=[99999, "2026-12-09"])
    assert client.get(missing).status_code == 404


def test_query_count_does_not_grow_with_slots_and_bookings(
    client, visits, django_assert_num_queries
):
    schools = visits.schools
    Venue.objects.filter(pk=visits.venue.pk).update(max_open_per_school=50, max_open_per_person=50)
    book_group(visits.slot, schools.coordinator_a, schools.school_a)
    client.force_login(visits.staff)
    url = sheet_url(visits)
    client.get(url)
    with django_assert_num_queries(SHEET_QUERIES):
        assert client.get(url).status_code == 200

    for hour in (11, 13, 15):
        slot = make_slot(visits.venue, at(2, hour), minutes=60)
        book_group(slot, schools.coordinator_a, schools.school_a)
        book_group(slot, schools.coordinator_b, schools.school_b)
        book_public(slot, visits.visitor)
    with django_assert_num_queries(SHEET_QUERIES):
        assert client.get(url).status_code == 200
