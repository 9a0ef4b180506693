""" "My schools" lists what the user looks after, each with its way in: a coordinator's
schools (to the school's dashboard), an officer's districts (dashboard and approval page,
with the number of requests waiting), the admin for the city, and the user's requests."""

import pytest
from django.urls import reverse

from education.models import Coordinator
from tests.schools.roles_helpers import MY_URL, approval_url, pending_request

pytestmark = pytest.mark.django_db


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(MY_URL)
    assert response.status_code == 200
    return response.content.decode()


def test_a_coordinator_reaches_their_school(client, schools):
    html = page(client, schools.coordinator_a)
    assert "东城实验中学" in html
    for name in ("school_dashboard", "school_roster", "school_classes"):
        assert reverse(name, args=[schools.school_a.pk]) in html
        assert reverse(name, args=[schools.school_b.pk]) not in html
    assert "我负责的区县" not in html
    assert approval_url(schools.district) not in html


def test_an_officer_reaches_their_district_and_sees_what_waits(client, schools):
    pending_request(schools.school_a, "one@example.cn")
    pending_request(schools.school_b, "two@example.cn")
    pending_request(schools.school_c, "elsewhere@example.cn")
    html = page(client, schools.officer)
    assert reverse("district_dashboard", args=[schools.district.pk]) in html
    assert approval_url(schools.district) in html
    assert "2 条申请待审核" in html
    assert approval_url(schools.other_district) not in html


def test_the_city_admin_is_pointed_to_the_admin(client, schools):
    html = page(client, schools.city_admin)
    assert reverse("education_coordinators:index") in html
    assert "我负责的学校" not in html  # nothing to say to the city about schools it runs


def test_a_teacher_sees_their_requests_and_their_state(client, schools):
    waiting = pending_request(schools.school_a)
    refused = Coordinator.objects.create(
        user=waiting.user, school=schools.school_c, status=Coordinator.Status.REJECTED
    )
    html = page(client, waiting.user)
    assert "我的申请" in html
    assert "待审核" in html and "未通过" in html
    assert "也可以重新提交申请" in html
    assert refused.school.name in html
    assert reverse("school_dashboard", args=[schools.school_a.pk]) not in html
    assert "您还不是任何学校的联络员" in html


def test_a_new_teacher_is_invited_to_ask(client, schools, teacher):
    html = page(client, teacher)
    assert "申请成为学校联络员" in html
    assert "我的申请" not in html
    assert reverse("education_coordinators:index") not in html
