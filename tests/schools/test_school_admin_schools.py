"""The schools listing of the city admin: name, district, level, declared enrolment and
roster size; filters by district and level; search; export with each school's join link;
editing the declared enrolment; deleting only what has nothing depending on it. Students
are not in the admin at all."""

import csv
import io

import pytest
from django.urls import get_resolver, reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from education.models import District, School, Student
from education.school_admin import join_url
from tests.school_factories import make_school

pytestmark = pytest.mark.django_db

INDEX = "education_schools:index"


@pytest.fixture
def city(client, schools):
    make_school(
        "北岸县城关小学",
        District.objects.create(name="北岸县", sort_order=3),
        level=School.Level.PRIMARY,
        declared_enrolment=620,
    )
    client.force_login(schools.city_admin)
    return client


def listed(client, **params) -> str:
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_listing_shows_each_schools_figures(city, schools):
    html = listed(city)
    for name in ("东城实验中学", "东城第二中学", "西湖小学", "北岸县城关小学"):
        assert name in html
    assert "申报在校生数" in html and "花名册人数" in html
    assert "620" in html
    assert "初中" in html and "小学" in html


def test_filters_by_district_and_level_and_search(city, schools):
    html = listed(city, district=schools.other_district.pk)
    assert "西湖小学" in html and "东城实验中学" not in html
    html = listed(city, level=School.Level.PRIMARY)
    assert "西湖小学" in html and "北岸县城关小学" in html and "东城第二中学" not in html
    html = listed(city, q="第二")
    assert "东城第二中学" in html and "东城实验中学" not in html


def test_the_export_lists_every_school_with_its_join_link(city, schools):
    response = city.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(table) == 4
    row = next(line for line in table if line["校名"] == "东城实验中学")
    assert row["所属区县"] == "东城区"
    assert row["学段"] == "初中"
    assert row["花名册人数"] == "2"
    assert row["学生加入链接"] == join_url(schools.school_a)


def test_the_join_link_is_shown_on_the_schools_page(city, schools, settings):
    html = city.get(reverse("education_schools:inspect", args=[schools.school_a.pk])).content
    html = html.decode()
    assert "学生加入链接" in html
    link = join_url(schools.school_a)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert link == f"{base}/join/{schools.school_a.join_token}/"
    assert f'href="{link}"' in html


def edit_school_a(city, schools, **fields):
    """Posts school A's edit form with its own values but ``fields``."""
    url = reverse("education_schools:edit", args=[schools.school_a.pk])
    form = {"name": "东城实验中学", "district": schools.district.pk, "level": "junior", **fields}
    return city.post(url, form)


def test_the_declared_enrolment_can_be_edited_and_the_roster_size_cannot(city, schools):
    response = edit_school_a(city, schools, declared_enrolment="1280", roster_size="99999")
    assert response.status_code == 302
    schools.school_a.refresh_from_db()
    assert schools.school_a.declared_enrolment == 1280
    assert schools.school_a.roster_size == 2


def test_a_negative_enrolment_is_refused(city, schools):
    assert edit_school_a(city, schools, declared_enrolment="-5").status_code == 200
    schools.school_a.refresh_from_db()
    assert schools.school_a.declared_enrolment == 0


def test_a_school_with_a_roster_or_a_district_with_schools_is_not_deleted(city, schools):
    response = city.post(
        reverse("education_schools:delete", args=[schools.school_a.pk]), follow=True
    )
    assert "花名册中还有学生，不能删除" in response.content.decode()
    response = city.post(
        reverse("education_districts:delete", args=[schools.district.pk]), follow=True
    )
    assert "下还有学校，不能删除" in response.content.decode()
    assert School.objects.filter(pk=schools.school_a.pk).exists()
    assert Student.objects.filter(school=schools.school_a).count() == 2


def test_an_empty_school_and_district_can_be_deleted(city):
    lonely = School.objects.get(name="北岸县城关小学")
    city.post(reverse("education_schools:delete", args=[lonely.pk]))
    assert not School.objects.filter(pk=lonely.pk).exists()
    city.post(reverse("education_districts:delete", args=[lonely.district_id]))
    assert not District.objects.filter(name="北岸县").exists()


def test_students_have_no_admin_screen(city, schools):
    student = Student.objects.first()
    assert AdminURLFinder(schools.city_admin).get_edit_url(student) is None
    admin_paths = [str(p.pattern) for p in get_resolver().url_patterns]
    assert not any("student" in path for path in admin_paths)
    assert student.name not in listed(city)
