"""Every dashboard shows the current period unless ?period=<id> picks another; a bad or
unknown id shows the current period with a note, and no period at all an empty state."""

import datetime

import pytest
from django.urls import reverse

from education.models import Period
from tests.rates.submissions import submit
from tests.school_factories import build_schools, make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=4)
    last_year = make_period(
        "2025–2026学年",
        starts_on=schools.period.starts_on - datetime.timedelta(days=365),
        ends_on=schools.period.starts_on - datetime.timedelta(days=1),
    )
    for student in schools.class_a.students.all()[:2]:
        submit(student, 90, period=last_year)
    submit(schools.class_a.students.order_by("number").last(), 95, period=schools.period)
    schools.last_year = last_year
    return schools


def pages(schools) -> list[str]:
    return [
        reverse("school_dashboard", args=[schools.school_a.pk]),
        reverse("district_dashboard", args=[schools.district.pk]),
        reverse("city_rates:index"),
    ]


def test_the_current_period_by_default(client, schools):
    client.force_login(schools.city_admin)
    # One pass this period, counted in the school (4), its district (8) and the city (12).
    for url, enrolled in zip(pages(schools), [4, 8, 12], strict=True):
        html = client.get(url).content.decode()
        assert f'<option value="{schools.period.pk}" selected>' in html
        assert f"达标 1 / 在册 {enrolled} 人" in html


def test_another_period_by_its_id(client, schools):
    client.force_login(schools.city_admin)
    url = reverse("school_dashboard", args=[schools.school_a.pk])
    html = client.get(url, {"period": schools.last_year.pk}).content.decode()
    assert f'<option value="{schools.last_year.pk}" selected>' in html
    assert "达标 2 / 在册 4 人" in html
    export = reverse("school_dashboard_export", args=[schools.school_a.pk])
    assert f"{export}?period={schools.last_year.pk}" in html


@pytest.mark.parametrize("wanted", ["abc", "999999", "1 OR 1=1", "\x00"])
def test_a_bad_period_shows_the_current_one_with_a_note(client, schools, wanted):
    client.force_login(schools.city_admin)
    for url in pages(schools):
        response = client.get(url, {"period": wanted})
        assert response.status_code == 200
        html = response.content.decode()
        assert "没有找到所选的统计周期，已显示当前周期。" in html
        assert f'<option value="{schools.period.pk}" selected>' in html


def test_without_any_period_the_dashboards_say_so(client):
    schools = build_schools(students_per_class=1)
    Period.objects.all().delete()
    client.force_login(schools.city_admin)
    for url in pages(schools):
        response = client.get(url)
        assert response.status_code == 200
        assert "尚未设置统计周期" in response.content.decode()
    export = reverse("school_dashboard_export", args=[schools.school_a.pk])
    response = client.get(export, follow=True)
    assert response.redirect_chain[0][0] == reverse("school_dashboard", args=[schools.school_a.pk])
    assert "尚未设置统计周期，暂无数据可导出。" in response.content.decode()
