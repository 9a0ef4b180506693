"""City admins (education.view_city_rates, e.g. the 「市禁毒办」 group) and superusers define
periods; a period ends after it starts and overlaps no other, with a clear message; an
editor without the permission cannot add one."""

import datetime

import pytest
from django.urls import reverse

from education.models import Attempt, Period
from tests.factories import make_superuser
from tests.quiz.question_form_data import PERIODS, period_form, question_editor, url
from tests.school_factories import make_city_admin, make_period

pytestmark = pytest.mark.django_db

SEP_1 = datetime.date(2026, 9, 1)
AUG_31 = datetime.date(2027, 8, 31)


@pytest.fixture
def superuser(client):
    client.force_login(make_superuser())
    return client


@pytest.fixture
def school_year() -> Period:
    return make_period("2026–2027学年", SEP_1, AUG_31)


def test_a_superuser_adds_a_period(superuser):
    response = superuser.post(url(PERIODS, "add"), period_form("2026–2027学年", SEP_1, AUG_31))
    assert response.status_code == 302
    period = Period.objects.get()
    assert (period.starts_on, period.ends_on) == (SEP_1, AUG_31)


def test_a_city_admin_sees_and_adds_periods(client):
    client.force_login(make_city_admin())
    assert url(PERIODS, "list") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.post(url(PERIODS, "add"), period_form("2026–2027学年", SEP_1, AUG_31))
    assert Period.objects.filter(name="2026–2027学年").exists()


def test_an_editor_without_the_permission_cannot(client, school_year):
    client.force_login(question_editor())
    assert client.get(url(PERIODS, "list")).status_code in (302, 403)
    assert client.get(url(PERIODS, "add")).status_code in (302, 403)
    client.post(url(PERIODS, "add"), period_form("2027–2028学年", AUG_31, AUG_31.replace(2028)))
    client.post(url(PERIODS, "edit", school_year.pk), period_form("改名", SEP_1, AUG_31))
    client.post(url(PERIODS, "delete", school_year.pk))
    assert list(Period.objects.values_list("name", flat=True)) == ["2026–2027学年"]


@pytest.mark.parametrize("ends_on", [SEP_1, SEP_1 - datetime.timedelta(days=1)])
def test_the_end_comes_after_the_start(superuser, ends_on):
    response = superuser.post(url(PERIODS, "add"), period_form("2026学年", SEP_1, ends_on))
    assert "结束日期必须晚于开始日期" in response.content.decode()
    assert not Period.objects.exists()


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        (datetime.date(2027, 8, 31), datetime.date(2028, 8, 31)),  # shares the last day
        (datetime.date(2026, 3, 1), datetime.date(2026, 9, 1)),  # shares the first day
        (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),  # inside
        (datetime.date(2026, 1, 1), datetime.date(2028, 1, 1)),  # around
    ],
)
def test_periods_do_not_overlap(superuser, school_year, starts_on, ends_on):
    response = superuser.post(url(PERIODS, "add"), period_form("新周期", starts_on, ends_on))
    assert "与统计周期「2026–2027学年」（2026-09-01 至 2027-08-31）时间重叠" in (
        response.content.decode()
    )
    assert Period.objects.count() == 1


def test_the_next_period_and_an_edit_of_the_same_period_are_fine(superuser, school_year):
    next_year = period_form(
        "2027–2028学年", AUG_31 + datetime.timedelta(days=1), AUG_31.replace(2028)
    )
    assert superuser.post(url(PERIODS, "add"), next_year).status_code == 302
    longer = period_form("2026–2027学年", SEP_1 - datetime.timedelta(days=1), AUG_31)
    assert superuser.post(url(PERIODS, "edit", school_year.pk), longer).status_code == 302
    school_year.refresh_from_db()
    assert school_year.starts_on == datetime.date(2026, 8, 31)


def test_a_period_with_attempts_is_kept_with_a_clear_message(superuser, school_year):
    Attempt.objects.create(
        quiz_title="禁毒知识测试", questions=[], pass_mark=80, period=school_year
    )
    response = superuser.post(url(PERIODS, "delete", school_year.pk), follow=True)
    assert response.status_code == 200
    assert (
        "统计周期「2026–2027学年」已被答题或答题记录使用，不能删除。" in response.content.decode()
    )
    assert Period.objects.filter(pk=school_year.pk).exists()


def test_an_unused_period_is_deleted(superuser, school_year):
    assert superuser.post(url(PERIODS, "delete", school_year.pk)).status_code == 302
    assert not Period.objects.exists()
