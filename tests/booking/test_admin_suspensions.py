"""Suspensions in the admin: staff suspend a school or a person by hand (one of the two, an
end date not in the past, a reason), the booker is told and the audit log keeps it; the
listing tells running from past ones; staff lift a running suspension early."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from booking import kinds
from booking.models import Suspension
from wechat.models import Message

pytestmark = pytest.mark.django_db

ADD = "booking_suspensions:add"
INDEX = "booking_suspensions:index"


@pytest.fixture
def manager(client, visits):
    client.force_login(visits.manager)
    return client


def until(days: int) -> str:
    return f"{timezone.localdate() + timedelta(days=days):%Y-%m-%d}"


def suspend_school(school, days: int = 30, reason: str = "多次未到场") -> Suspension:
    now = timezone.now()
    return Suspension.objects.create(
        school=school, starts_at=now, ends_at=now + timedelta(days=days), reason=reason
    )


def test_a_school_is_suspended_by_hand(manager, visits):
    school = visits.schools.school_a
    response = manager.post(
        reverse(ADD), {"school": school.pk, "email": "", "until": until(14), "reason": "违规"}
    )
    assert response.status_code == 302
    suspension = Suspension.objects.get()
    assert (suspension.school, suspension.user, suspension.created_by) == (
        school,
        None,
        visits.manager,
    )
    end = timezone.localtime(suspension.ends_at)
    assert (end.date(), end.hour) == (timezone.localdate() + timedelta(days=15), 0)
    entry = ModelLogEntry.objects.get(action="booking.suspend")
    assert (entry.user, entry.data["manual"]) == (visits.manager, True)
    (message,) = Message.objects.filter(kind=kinds.SUSPENDED)
    assert message.user == visits.schools.coordinator_a


def test_a_person_is_suspended_by_email(manager, visits):
    form = {"school": "", "email": "VISITOR@example.cn", "until": until(3), "reason": "违规"}
    assert manager.post(reverse(ADD), form).status_code == 302
    assert Suspension.objects.get().user == visits.visitor


@pytest.mark.parametrize(
    ("form", "error"),
    [
        (
            {"school": "", "email": "", "until": until(3)},
            "请选择要暂停的学校，或填写个人账号的邮箱",
        ),
        ({"email": "visitor@example.cn", "until": until(3)}, "学校和个人账号只能选一个"),
        ({"school": "", "email": "nobody@example.cn", "until": until(3)}, "没有使用这个邮箱的账号"),
        ({"email": "", "until": until(-1)}, "结束日期不能早于今天"),
        ({"email": "", "until": ""}, "请填写暂停的结束日期"),
    ],
)
def test_bad_input_is_explained_and_nothing_written(manager, visits, form, error):
    form = {"school": visits.schools.school_a.pk, "reason": "违规", **form}
    response = manager.post(reverse(ADD), form)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Suspension.objects.exists()
    assert not Message.objects.filter(kind=kinds.SUSPENDED).exists()


def test_a_running_suspension_is_not_doubled(manager, visits):
    suspend_school(visits.schools.school_a)
    form = {"school": visits.schools.school_a.pk, "until": until(3), "reason": "违规"}
    response = manager.post(reverse(ADD), form)
    assert "该预约方已在暂停中" in response.content.decode()
    assert Suspension.objects.count() == 1


def test_the_listing_tells_running_from_past(manager, visits):
    running = suspend_school(visits.schools.school_a, reason="正在暂停")
    ended = suspend_school(visits.schools.school_b, reason="已经结束")
    ended.starts_at -= timedelta(days=60)
    ended.ends_at = timezone.now() - timedelta(days=1)
    ended.save()
    html = manager.get(reverse(INDEX)).content.decode()
    assert "正在暂停" in html and "已经结束" in html and "已到期" in html
    html = manager.get(reverse(INDEX), {"state": "active"}).content.decode()
    assert running.reason in html and ended.reason not in html
    html = manager.get(reverse(INDEX), {"state": "past"}).content.decode()
    assert ended.reason in html and running.reason not in html


def test_staff_lift_a_running_suspension(manager, visits):
    suspension = suspend_school(visits.schools.school_a)
    inspect = reverse("booking_suspensions:inspect", args=[suspension.pk])
    lift = reverse("booking_suspensions:lift", args=[suspension.pk])
    assert lift in manager.get(inspect).content.decode()
    page = manager.post(lift, follow=True).content.decode()
    assert "已解除“东城实验中学”的暂停" in page
    suspension.refresh_from_db()
    assert suspension.lifted_by == visits.manager and suspension.lifted_at is not None
    assert ModelLogEntry.objects.filter(action="booking.lift", user=visits.manager).count() == 1
    assert lift not in manager.get(inspect).content.decode()
    page = manager.post(lift, follow=True).content.decode()
    assert "该暂停已于" in page and "解除" in page
    assert ModelLogEntry.objects.filter(action="booking.lift").count() == 1


def test_door_staff_may_not_suspend_or_lift(client, visits):
    suspension = suspend_school(visits.schools.school_a)
    client.force_login(visits.staff)
    assert client.get(reverse(INDEX)).status_code == 302
    client.post(reverse("booking_suspensions:lift", args=[suspension.pk]))
    suspension.refresh_from_db()
    assert suspension.lifted_at is None
