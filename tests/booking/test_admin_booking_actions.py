"""Staff actions on a booking's admin page, posted with a CSRF token as a browser does:
approve (with a guide), refuse and cancel (a reason required), check in (the actual
headcount). Each goes through the booking services; bad input or a refusal of the service
shows its message and changes nothing; each action needs its permission."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from booking.models import Booking
from tests.booking_factories import book_group, make_slot

pytestmark = pytest.mark.django_db

Status = Booking.Status


def inspect_url(booking) -> str:
    return reverse("booking_bookings:inspect", args=[booking.pk])


class Staff:
    """A browser with CSRF checks on, signed in as ``user``."""

    def __init__(self, user):
        self.client = Client(enforce_csrf_checks=True)
        self.client.force_login(user)

    def page(self, booking) -> str:
        return self.client.get(inspect_url(booking)).content.decode()

    def act(self, booking, action: str, **fields) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.page(booking))
        data = {f"{action}-{name}": value for name, value in fields.items()}
        url = reverse(f"booking_bookings:{action}", args=[booking.pk])
        response = self.client.post(
            url, {"csrfmiddlewaretoken": token.group(1), **data}, follow=True
        )
        return response.content.decode()


@pytest.fixture
def pending(visits):
    visits.venue.requires_approval = True
    visits.venue.save()
    return book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)


@pytest.fixture
def arriving(visits):
    """A confirmed group whose slot starts in a few minutes (real time): inside its
    arrival window, as check-in in the admin takes the real clock."""
    starts_at = (timezone.now() + timedelta(minutes=10)).replace(second=0, microsecond=0)
    slot = make_slot(visits.venue, starts_at)
    coordinator, school = visits.schools.coordinator_a, visits.schools.school_a
    return book_group(slot, coordinator, school, now=starts_at - timedelta(days=2))


def status_of(booking) -> str:
    booking.refresh_from_db()
    return booking.status


def test_a_manager_approves_with_a_guide(visits, pending):
    page = Staff(visits.manager).act(pending, "approve", guide="陈讲解员")
    assert f"已批准预约 {pending.code}" in page
    pending.refresh_from_db()
    assert (pending.status, pending.guide, pending.decided_by) == (
        Status.CONFIRMED,
        "陈讲解员",
        visits.manager,
    )
    assert ModelLogEntry.objects.filter(action="booking.approve", object_id=pending.pk).exists()
    history = reverse("booking_bookings:history", args=[pending.pk])
    assert history in page
    assert "批准了预约" in Staff(visits.manager).client.get(history).content.decode()


def test_a_refusal_needs_a_reason(visits, pending):
    manager = Staff(visits.manager)
    page = manager.act(pending, "refuse", reason="  ")
    assert "请填写未通过的原因" in page
    assert status_of(pending) == Status.PENDING
    page = manager.act(pending, "refuse", reason="当天已安排其他活动")
    assert "未通过，已通知预约人" in page
    pending.refresh_from_db()
    assert (pending.status, pending.refusal_reason) == (Status.REFUSED, "当天已安排其他活动")


def test_a_second_decision_shows_the_services_refusal(visits, pending):
    manager = Staff(visits.manager)
    manager.act(pending, "approve", guide="")
    page = manager.act(pending, "refuse", reason="重复操作")
    assert "只能审核待审核的预约（当前：已确认）" in page
    assert status_of(pending) == Status.CONFIRMED


def test_a_cancellation_needs_a_reason(visits):
    booking = book_group(visits.slot, visits.schools.coordinator_a, visits.schools.school_a)
    manager = Staff(visits.manager)
    assert "请填写取消原因" in manager.act(booking, "cancel", reason="")
    assert status_of(booking) == Status.CONFIRMED
    assert "已取消" in manager.act(booking, "cancel", reason="场馆临时检修")
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason, booking.cancelled_by) == (
        Status.CANCELLED,
        "场馆临时检修",
        visits.manager,
    )


def test_door_staff_check_a_group_in(visits, arriving):
    staff = Staff(visits.staff)
    assert "实到人数" in staff.page(arriving)
    page = staff.act(arriving, "check_in", arrived="abc")
    assert "实到人数须为整数" in page
    page = staff.act(arriving, "check_in", arrived=arriving.headcount + 1)
    assert "实到人数不能超过预约人数" in page
    assert status_of(arriving) == Status.CONFIRMED
    assert f"预约 {arriving.code} 已签到" in staff.act(arriving, "check_in", arrived=46)
    arriving.refresh_from_db()
    assert (arriving.status, arriving.arrived, arriving.checked_in_by) == (
        Status.ATTENDED,
        46,
        visits.staff,
    )


def test_each_status_offers_its_actions(visits, pending):
    html = Staff(visits.manager).page(pending)
    offered = set(re.findall(r'data-action-form="(\w+)"', html))
    assert offered == {"approve", "refuse", "cancel"}
    assert not re.findall(r'data-action-form="(\w+)"', Staff(visits.staff).page(pending))
    Staff(visits.manager).act(pending, "approve", guide="")
    offered = set(re.findall(r'data-action-form="(\w+)"', Staff(visits.staff).page(pending)))
    assert offered == {"check_in"}


def test_door_staff_may_not_approve_refuse_or_cancel(client, visits, pending):
    client.force_login(visits.staff)
    for action in ("approve", "refuse", "cancel"):
        url = reverse(f"booking_bookings:{action}", args=[pending.pk])
        response = client.post(url, {f"{action}-reason": "不来了", f"{action}-guide": ""})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert status_of(pending) == Status.PENDING


def test_a_post_without_the_csrf_token_is_refused(visits, pending):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(visits.manager)
    url = reverse("booking_bookings:approve", args=[pending.pk])
    assert browser.post(url, {"approve-guide": ""}).status_code == 403
    assert status_of(pending) == Status.PENDING


def test_actions_are_post_only(client, visits, pending):
    client.force_login(visits.manager)
    url = reverse("booking_bookings:approve", args=[pending.pk])
    assert client.get(url).status_code == 405
    assert status_of(pending) == Status.PENDING
