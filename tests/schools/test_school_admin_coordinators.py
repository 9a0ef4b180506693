"""Coordinators and district officers in the city admin: the coordinators listing with its
filters and export, the per-row decision (approve, reject, revoke) that records who decided
and tells the teacher, and assigning a user to a district by email address."""

import csv
import io

import pytest
from django.urls import reverse

from education.models import Coordinator, DistrictOfficer
from education.role_kinds import COORDINATOR_DECISION
from tests.schools.roles_helpers import messages_to, pending_request

pytestmark = pytest.mark.django_db

INDEX = "education_coordinators:index"


def decide_url(role) -> str:
    return reverse("education_coordinators:decide", args=[role.pk])


@pytest.fixture
def city(client, schools):
    client.force_login(schools.city_admin)
    return client


def test_the_listing_filters_by_status_and_district(city, schools):
    pending_request(schools.school_c, "c.waiting@example.cn")
    html = city.get(reverse(INDEX)).content.decode()
    assert "teacher.a" in html and "c.waiting" in html
    html = city.get(reverse(INDEX), {"status": "pending"}).content.decode()
    assert "c.waiting" in html and "teacher.a" not in html
    html = city.get(reverse(INDEX), {"district": schools.district.pk}).content.decode()
    assert "teacher.a" in html and "c.waiting" not in html
    html = city.get(reverse(INDEX), {"q": "c.waiting"}).content.decode()
    assert "c.waiting" in html and "teacher.b" not in html


def test_each_row_offers_its_decision(city, schools):
    role = pending_request(schools.school_c)
    html = city.get(reverse(INDEX)).content.decode()
    assert decide_url(role) in html
    approved = Coordinator.objects.get(user=schools.coordinator_a)
    assert decide_url(approved) in html
    page = city.get(decide_url(role)).content.decode()
    assert 'value="approve"' in page and 'value="reject"' in page and 'value="revoke"' not in page
    page = city.get(decide_url(approved)).content.decode()
    assert 'value="revoke"' in page and 'value="approve"' not in page


@pytest.mark.parametrize(
    ("action", "status", "outcome"),
    [("approve", "approved", "已批准"), ("reject", "rejected", "未通过")],
)
def test_a_decision_in_the_admin(city, schools, action, status, outcome):
    role = pending_request(schools.school_c)
    response = city.post(decide_url(role), {"action": action})
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.status, role.decided_by) == (status, schools.city_admin)
    assert role.decided_at is not None
    assert outcome in messages_to(role.user, COORDINATOR_DECISION)[0].payload["subject"]


def test_revoke_in_the_admin_and_a_second_decision_refused(city, schools):
    role = Coordinator.objects.get(user=schools.coordinator_b)
    city.post(decide_url(role), {"action": "revoke"})
    role.refresh_from_db()
    assert role.status == "rejected"
    response = city.post(decide_url(role), {"action": "approve"}, follow=True)
    assert "该申请已处理或操作无效" in response.content.decode()
    role.refresh_from_db()
    assert role.status == "rejected"
    assert len(messages_to(schools.coordinator_b, COORDINATOR_DECISION)) == 1


def test_the_edit_form_changes_only_the_title(city, schools):
    role = pending_request(schools.school_c)
    url = reverse("education_coordinators:edit", args=[role.pk])
    city.post(url, {"title": "副校长", "status": "approved", "school": schools.school_a.pk})
    role.refresh_from_db()
    assert (role.title, role.status, role.school) == ("副校长", "pending", schools.school_c)


def test_requests_are_not_created_in_the_admin(city):
    assert city.get(reverse("education_coordinators:add")).status_code == 302
    assert not Coordinator.objects.filter(status="pending").exists()


def test_the_export_names_school_district_and_status(city, schools):
    response = city.get(reverse(INDEX), {"export": "csv"})
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(line for line in table if line["邮箱"] == "teacher.a@example.cn")
    assert (row["学校"], row["区县"], row["状态"]) == ("东城实验中学", "东城区", "已批准")


def test_a_user_is_made_an_officer_by_email(city, schools, teacher):
    add = reverse("education_officers:add")
    response = city.post(add, {"email": "TEACHER.NEW@example.cn", "district": schools.district.pk})
    assert response.status_code == 302
    assert DistrictOfficer.objects.filter(user=teacher, district=schools.district).exists()

    html = city.post(add, {"email": "teacher.new@example.cn", "district": schools.district.pk})
    assert "该账号已是这个区县的禁毒办人员" in html.content.decode()
    html = city.post(add, {"email": "nobody@example.cn", "district": schools.district.pk})
    assert "没有使用这个邮箱的账号" in html.content.decode()
    assert DistrictOfficer.objects.filter(user=teacher).count() == 1


def test_an_officer_can_be_moved_to_another_district(city, schools):
    officer = DistrictOfficer.objects.get(user=schools.officer)
    url = reverse("education_officers:edit", args=[officer.pk])
    html = city.get(url).content.decode()
    assert "officer.dc@example.cn" in html
    form = {"email": "officer.dc@example.cn", "district": schools.other_district.pk}
    assert city.post(url, form).status_code == 302
    officer.refresh_from_db()
    assert (officer.user, officer.district) == (schools.officer, schools.other_district)
