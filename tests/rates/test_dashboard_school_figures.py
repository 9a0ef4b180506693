"""What a coordinator reads on the school dashboard matches the counts: the four rates, the
gap to the target, each class, and the students not passed yet with names and numbers."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Site

from education import charts
from education.models import PlatformSettings
from tests.rates.dashboard_html import RATES, cell, page_as

pytestmark = pytest.mark.django_db


def dashboard(client, rated) -> str:
    url = reverse("school_dashboard", args=[rated.schools.school_a.pk])
    return page_as(client, rated.schools.coordinator_a, url)


def stat(html: str, name: str) -> str:
    block = html.split(f'data-stat="{name}"', 1)[1]
    return re.search(r"<strong>([^<]+)</strong>", block).group(1)


def test_the_four_rates_match_the_counts(client, rated):
    # 5 on the roster, 4 answered, 3 passed; best scores 90 + 85 + 80 + 60 = 315.
    html = dashboard(client, rated)
    assert [stat(html, name) for name in RATES] == ["60.0%", "80.0%", "75.0%", "78.8"]
    assert "达标 3 / 在册 5 人" in html


def test_the_gap_to_the_target_is_counted_in_students(client, rated):
    assert 'data-to-target="2"' in dashboard(client, rated)
    settings = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    settings.knowledge_rate_target = 50
    settings.save()
    html = dashboard(client, rated)
    assert 'data-to-target="0"' in html and "已达到 50% 的目标" in html


def test_each_class_has_its_row_and_its_bar(client, rated):
    html = dashboard(client, rated)
    row = html.split(f'data-class="{rated.schools.class_a.pk}"', 1)[1].split("</tr>", 1)[0]
    assert [cell(row, name) for name in ("enrolled", "participants", "passed", "not_passed")] == [
        "5",
        "4",
        "3",
        "2",
    ]
    assert cell(row, "knowledge_rate") == "60.0%"
    assert html.count("<g data-row>") == 1
    bar = re.search(r'width="([\d.]+)"[^>]*data-bar="rate"', html.split("<g data-row>")[1])
    assert float(bar.group(1)) == charts.PLOT_WIDTH * 0.6


def test_students_not_passed_are_listed_by_class(client, rated):
    html = dashboard(client, rated)
    listing = html.split(f'data-not-passed="{rated.schools.class_a.pk}"', 1)[1]
    listing = listing.split("</details>", 1)[0]
    for student in (rated.failed_a, rated.absent_a):
        assert student.name in listing and student.number in listing
    for student in rated.passed_a:
        assert student.name not in html
    assert "最好 60 分" in listing and "未答题" in listing


def test_the_definitions_are_on_the_dashboard(client, rated):
    html = dashboard(client, rated)
    assert "指标说明" in html
    assert "本周期最好成绩达到及格线的在册学生数 ÷ 在册学生数" in html
    assert "未导入花名册的学校以申报在校生数为分母" in html


def test_a_school_without_a_roster_is_marked_declared(client, rated):
    client.force_login(rated.schools.officer)
    html = client.get(reverse("school_dashboard", args=[rated.school_d.pk])).content.decode()
    assert "申报在校生数 20 人" in html
    assert "达标 0 / 在册 20 人" in html and "申报</span>" in html


def test_links_to_export_the_roster_pages_and_my_roles(client, rated):
    html = dashboard(client, rated)
    school = rated.schools.school_a
    period = rated.schools.period
    assert f"{reverse('school_dashboard_export', args=[school.pk])}?period={period.pk}" in html
    assert f'href="{reverse("my_roles")}"' in html
    for name in ("school_roster", "school_classes"):
        assert f'href="{reverse(name, args=[school.pk])}"' in html


def test_the_officer_gets_a_link_back_to_the_district(client, rated):
    client.force_login(rated.schools.officer)
    school = rated.schools.school_a
    html = client.get(reverse("school_dashboard", args=[school.pk])).content.decode()
    assert reverse("district_dashboard", args=[school.district_id]) in html
    assert reverse("district_dashboard", args=[school.district_id]) not in dashboard(client, rated)
